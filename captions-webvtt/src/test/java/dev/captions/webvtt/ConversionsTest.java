package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.TimedWord;
import dev.captions.model.TrackKind;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConversionsTest {
  @Test
  void vttToSrtKeepsBasicStylingAndReportsTheRest() {
    CaptionTrack vtt = CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(
        Cue.builder().id("a").startMs(0).endMs(1000).text("<c.red>Tom &amp; <i>Jerry</i></c><00:00:00.500>!")
            .settings(CueSettings.builder().size(50).build()).build(),
        Cue.builder().startMs(1000).endMs(2000).text("Hi").speaker("Ann").build()));
    ParseResult noPrefix = Conversions.toSrt(vtt, false);
    assertThat(noPrefix.track().cues()).extracting(Cue::text).containsExactly("Tom & <i>Jerry</i>!", "Hi");
    assertThat(noPrefix.diagnostics()).extracting(Diagnostic::message).containsExactly(
        "dropped 1 × <c> tags: SRT cannot represent them",
        "dropped 1 × cue ids: SRT cannot represent them",
        "dropped 1 × cue settings with no {\\an} equivalent: SRT cannot represent them",
        "dropped 1 × speaker names (enable the speaker prefix to keep them): SRT cannot represent them",
        "dropped 1 × timestamp tags (word highlighting needs WebVTT, TTML or ASS): SRT cannot represent them",
        "dropped 1 × track language (en): SRT cannot represent them");
    assertThat(Conversions.toSrt(vtt, true).track().cues().get(1).text()).isEqualTo("Ann: Hi");
  }

  /**
   * The conversion walks the cue text in one pass without a tree; text either side of a dropped tag is escaped as one
   * run, so a {@code <} from a reference and {@code i>} after a dropped {@code <c>} cannot make an SRT tag together.
   */
  @Test
  void vttToSrtEscapesAcrossDroppedTagsAndSkipsRubyTextWithWhatIsInIt() throws Exception {
    CaptionTrack vtt = CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(
        Cue.builder().startMs(0).endMs(1000).text("&lt;<c>i&gt;</c>x").build(),
        Cue.builder().startMs(1000).endMs(2000).text("<ruby>漢<rt>kan<00:00:01.500><i>ji</i></rt></ruby>字 <b>b")
            .build(),
        Cue.builder().startMs(2000).endMs(3000).text("<v Ann>Hi</v> <v.loud Bob>Yo").speaker("Ann").build()));
    ParseResult srt = Conversions.toSrt(vtt, true);
    assertThat(srt.track().cues()).extracting(Cue::text).containsExactly("<\u2060i>x", "漢字 <b>b</b>",
        "Ann: Hi Bob: Yo");
    assertThat(srt.diagnostics()).extracting(Diagnostic::message).containsExactly(
        "dropped 1 × <c> tags: SRT cannot represent them",
        "dropped 1 × <ruby> tags: SRT cannot represent them",
        "dropped 1 × <v> classes: SRT cannot represent them",
        "dropped 1 × ruby text: SRT cannot represent them");
    // SrtCodec converts WebVTT markup itself: through it, the literal "<i>" comes back as written.
    assertThat(new SrtCodec().read(new java.io.StringReader(new SrtCodec().writeToString(vtt)))
        .track().cues().get(0).text()).isEqualTo("&lt;i&gt;x");
  }

  @Test
  void srtToVttDropsFontAndEscapes() {
    CaptionTrack srt = CaptionTrack.of("und", TrackKind.CAPTIONS,
        // SRT text as the SRT reader gives it: raw, so through text(), not the checked markup()
        List.of(Cue.builder().startMs(0).endMs(1000).text("<font color=\"red\">R&D</font> <I>x</I> a < b > c < i>y</ i>")
            .build()));
    ParseResult r = Conversions.fromSrt(srt);
    assertThat(r.track().cues().get(0).text()).isEqualTo("R&amp;D <i>x</i> a &lt; b &gt; c <i>y</i>");
    assertThat(r.diagnostics()).extracting(Diagnostic::message)
        .containsExactly("dropped 2 × <font> tags: WebVTT cannot represent them");
  }

  private static List<String> messages(ParseResult r) {
    return r.diagnostics().stream().map(Diagnostic::message).collect(Collectors.toList());
  }

  @Test
  void everyVoiceKeepsItsNameWithThePrefix() {
    CaptionTrack vtt = CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(
        Cue.of(0, 1000, "<v Ann>Bonjour</v>\n<v Bob>Salut"),
        Cue.of(1000, 2000, "<i><v.loud Ann>Hi</v></i>"),
        Cue.builder().startMs(2000).endMs(3000).speaker("Ann").text("<v Ann>Oui</v>").build(),
        Cue.builder().startMs(3000).endMs(4000).speaker("Ann").text("Non <v Bob>si</v>").build()));
    ParseResult r = Conversions.toSrt(vtt, true);
    assertThat(r.track().cues()).extracting(Cue::text)
        .containsExactly("Ann: Bonjour\nBob: Salut", "<i>Ann: Hi</i>", "Ann: Oui", "Ann: Non Bob: si");
    assertThat(r.track().cues()).extracting(Cue::speaker).containsOnlyNulls();
    assertThat(messages(r)).containsExactly("dropped 1 × <v> classes: SRT cannot represent them");
  }

  @Test
  void withoutThePrefixEachVoiceIsCounted() {
    CaptionTrack vtt = CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(
        Cue.of(0, 1000, "<v Ann>Bonjour</v>\n<v Bob>Salut"),
        Cue.builder().startMs(1000).endMs(2000).speaker("Cy").text("Hi <v Dee>yo</v> <v>anon</v>").build(),
        Cue.builder().startMs(2000).endMs(3000).speaker("Ann").text("<v Ann>Oui").build()));
    ParseResult r = Conversions.toSrt(vtt, false);
    assertThat(r.track().cues()).extracting(Cue::text).containsExactly("Bonjour\nSalut", "Hi yo anon", "Oui");
    assertThat(messages(r)).containsExactly(
        "dropped 5 × speaker names (enable the speaker prefix to keep them): SRT cannot represent them");
  }

  @Test
  void timedWordsLanguageAndKindAreReported() {
    Cue withWords = Cue.builder().startMs(0).endMs(1000).text("Hola amigo")
        .words(List.of(TimedWord.of("Hola", 0, 400), TimedWord.of("amigo", 400, 1000))).build();
    ParseResult r = Conversions.toSrt(CaptionTrack.of("es", TrackKind.SUBTITLES, List.of(withWords)), true);
    assertThat(r.track().cues().get(0).words()).isEmpty();
    assertThat(r.track().cues().get(0).text()).isEqualTo("Hola amigo");
    assertThat(messages(r)).containsExactly(
        "dropped 2 × timed words: SRT cannot represent them",
        "dropped 1 × track kind (subtitles): SRT cannot represent them",
        "dropped 1 × track language (es): SRT cannot represent them");
    // What SRT readers assume is not a loss.
    assertThat(Conversions.toSrt(CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(Cue.of(0, 1, "x"))), true)
        .diagnostics()).isEmpty();
  }

  @Test
  void namePrefixesBecomeVoicesOnlyWhenAsked() {
    CaptionTrack srt = CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(
        Cue.of(0, 1000, "Ann: Bonjour\nBob: Salut"),
        Cue.of(1000, 2000, "Dr. O'Neil-2: Hi & bye\nsecond line"),
        Cue.of(2000, 3000, "intro\nBob: x\nmore\nAnn: y"),
        Cue.of(3000, 4000, "10:30 is late\nAnn:no space\n: x\nAnn : x\nA name far too long to be any speaker: x")));
    assertThat(Conversions.fromSrt(srt).track()).isEqualTo(Conversions.fromSrt(srt, false).track());
    assertThat(Conversions.fromSrt(srt).track().cues()).extracting(Cue::speaker).containsOnlyNulls();
    ParseResult r = Conversions.fromSrt(srt, true);
    assertThat(r.track().cues()).extracting(Cue::text).containsExactly(
        "<v Ann>Bonjour</v>\n<v Bob>Salut</v>",
        "Hi &amp; bye\nsecond line",
        "intro\n<v Bob>x\nmore</v>\n<v Ann>y</v>",
        "10:30 is late\nAnn:no space\n: x\nAnn : x\nA name far too long to be any speaker: x");
    assertThat(r.track().cues()).extracting(Cue::speaker).containsExactly(null, "Dr. O'Neil-2", null, null);
    // and back: the names come out where they went in
    assertThat(Conversions.toSrt(r.track(), true).track().cues()).extracting(Cue::text)
        .containsExactly("Ann: Bonjour\nBob: Salut", "Dr. O'Neil-2: Hi & bye\nsecond line",
            "intro\nBob: x\nmore\nAnn: y", srt.cues().get(3).text());
  }
}
