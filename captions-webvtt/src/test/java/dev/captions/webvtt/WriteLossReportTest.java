package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.WriteResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.TimedWord;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code CaptionCodec.write} and the streaming writers name every kind of loss, with a count. */
class WriteLossReportTest {
  private static final CaptionTrack RICH = CaptionTrack.builder().language("fr").kind(TrackKind.SUBTITLES)
      .metadata(TrackMetadata.of("", List.of("::cue { color: yellow }"), List.of(), List.of("a note")))
      .cues(List.of(
          Cue.builder().id("one").startMs(0).endMs(1000).markup("<c.loud>Hi</c> <00:00.500>there")
              .settings(CueSettings.builder().line(0.0).snapToLines(true).position(20.0).build()).build(),
          Cue.builder().startMs(1000).endMs(2000).plainText("words")
              .words(List.of(TimedWord.of("words", 1000, 1900))).build(),
          Cue.of(2000, 3000, "<ruby>漢<rt>kan</rt></ruby>")))
      .build();

  private static List<String> messages(WriteResult r) {
    return r.losses().stream().map(Diagnostic::message).collect(java.util.stream.Collectors.toList());
  }

  @Test
  void srtCodecReportsEveryKindOfLoss() throws Exception {
    WriteResult r = CaptionCodecs.forFormat(CaptionFormat.SRT).write(RICH, new StringWriter());
    assertThat(messages(r)).containsExactlyInAnyOrder(
        "dropped 1 × <c> tags: SRT cannot represent them",
        "dropped 1 × <ruby> tags: SRT cannot represent them",
        "dropped 1 × ruby text: SRT cannot represent them",
        "dropped 1 × timestamp tags (word highlighting needs WebVTT, TTML or ASS): SRT cannot represent them",
        "dropped 1 × cue ids: SRT cannot represent them",
        "dropped 1 × cue settings with no {\\an} equivalent: SRT cannot represent them",
        "dropped 1 × timed words: SRT cannot represent them",
        "dropped 1 × STYLE blocks: SRT cannot represent them",
        "dropped 1 × NOTE comments: SRT cannot represent them",
        "dropped 1 × track language (fr): SRT cannot represent them",
        "dropped 1 × track kind (subtitles): SRT cannot represent them");
    assertThat(r.losses()).allMatch(d -> d.severity() == Diagnostic.Severity.WARNING);
  }

  @Test
  void webVttCodecReportsTimedWords() throws Exception {
    WriteResult r = CaptionCodecs.forFormat(CaptionFormat.WEBVTT).write(RICH, new StringWriter());
    assertThat(messages(r)).containsExactly("dropped 1 × timed words: WebVTT cannot represent them");
  }

  @Test
  void webVttReportsAlignmentsItHasNoFormFor() throws Exception {
    CaptionTrack t = CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(Cue.builder().startMs(0).endMs(1000)
        .plainText("x").settings(CueSettings.builder().lineAlign(CueSettings.Anchor.END).build()).build()));
    WriteResult r = CaptionCodecs.forFormat(CaptionFormat.WEBVTT).write(t, new StringWriter());
    assertThat(messages(r)).containsExactly("dropped 1 × line alignments without a line: WebVTT cannot represent them");
  }

  @Test
  void jsonIsLossless() throws Exception {
    assertThat(CaptionCodecs.forFormat(CaptionFormat.JSON).write(RICH, new StringWriter()).isLossless()).isTrue();
  }

  @Test
  void streamingSessionsReportAsTheyGo() throws Exception {
    SrtWriter.Session srt = SrtWriter.create().open(new StringWriter());
    srt.cue(Cue.builder().id("x").startMs(0).endMs(1).text("a").speaker("Ann").build());
    srt.cue(Cue.builder().id("y").startMs(1).endMs(2).text("b").build());
    srt.flush();
    assertThat(srt.losses()).extracting(Diagnostic::message).containsExactly(
        "dropped 2 × cue ids: SRT cannot represent them",
        "dropped 1 × speaker names (enable the speaker prefix to keep them): SRT cannot represent them");
    WebVttWriter.Session vtt = WebVttWriter.create().open(new StringWriter(), "und", TrackKind.CAPTIONS,
        TrackMetadata.EMPTY);
    vtt.cue(RICH.cues().get(1));
    assertThat(vtt.losses()).extracting(Diagnostic::message)
        .containsExactly("dropped 1 × timed words: WebVTT cannot represent them");
  }

  @Test
  void aCleanTrackIsLosslessEverywhere() throws Exception {
    CaptionTrack clean = CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(Cue.of(0, 1000, "<i>fine</i>")));
    for (CaptionFormat f : CaptionCodecs.all().keySet()) {
      assertThat(CaptionCodecs.forFormat(f).write(clean, new StringWriter()).losses()).as(f.name()).isEmpty();
    }
  }
}
