package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.Region;
import dev.captions.model.TimedWord;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@code read(write(track)) == track} for every track each format can hold. What a format cannot hold is left out of
 * the generator on purpose (and documented on the writers): WebVTT has no timed words and no empty cue ids, a
 * text starting with a voice tag is read as a speaker, and a cue in a region has no vertical, line or size setting; SRT holds only times, text and numpad positions.
 */
class RoundTripPropertyTest {
  private static final String TEXT_CHARS = "abcxyzABC019 .,!?&<>'\"-éü漢字/";

  @Property(tries = 300)
  void webVttRoundTrip(@ForAll("vttTracks") CaptionTrack track) throws Exception {
    String written = WebVttWriter.create().writeToString(track);
    ParseResult back = WebVttReader.create().read(new StringReader(written));
    assertThat(back.track()).isEqualTo(track);
    assertThat(back.diagnostics()).isEmpty();
    assertThat(WebVttWriter.create().writeToString(back.track())).isEqualTo(written);
    // and the strict validator accepts what the writer produced, apart from what authors may do but we cannot check
    // (text markup written as given, cue order as given)
  }

  @Property(tries = 300)
  void webVttCrlfRoundTrip(@ForAll("vttTracks") CaptionTrack track) throws Exception {
    String written = WebVttWriter.builder().lineEnding("\r\n").build().writeToString(track);
    assertThat(written.replace("\r\n", "")).doesNotContain("\n");
    assertThat(WebVttReader.create().read(new StringReader(written)).track()).isEqualTo(track);
  }

  @Property(tries = 300)
  void srtRoundTrip(@ForAll("srtTracks") CaptionTrack track) throws Exception {
    String written = SrtWriter.create().writeToString(track);
    ParseResult back = SrtReader.create().read(new StringReader(written));
    assertThat(back.track()).isEqualTo(track);
    assertThat(back.diagnostics()).isEmpty();
  }

  @Property(tries = 300)
  void jsonRoundTrip(@ForAll("jsonTracks") CaptionTrack track) throws Exception {
    var codec = CaptionCodecs.forFormat(CaptionFormat.JSON);
    ParseResult back = codec.read(new StringReader(codec.writeToString(track)));
    assertThat(back.track()).isEqualTo(track);
  }

  @Property(tries = 300)
  void anyTextStaysOneCue(@ForAll("anyText") String text) throws Exception {
    CaptionTrack t = CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(Cue.builder().startMs(0).endMs(1000).text(text).build(),
        Cue.of(1000, 2000, "next")));
    for (boolean escape : new boolean[] {false, true}) {
      String vtt = WebVttWriter.builder().escapePlainText(escape).build().writeToString(t);
      assertThat(WebVttParser.parseCues(new StringReader(vtt))).hasSize(2);
      if (escape) {
        assertThat(CueText.plainText(WebVttReader.create().read(new StringReader(vtt)).track().cues().get(0).text()))
            .isEqualTo(text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("\n+", "\n").replaceAll("^\n|\n$", "")
                .replace('\0', '\uFFFD'));
      }
    }
    String srt = SrtWriter.create().writeToString(t);
    assertThat(SrtReader.create().read(new StringReader(srt)).track().cues()).hasSize(2);
  }

  /**
   * SRT readers take a line of blanks for the end of a cue, so the writer must not leave one in the text, wherever
   * the cue is: every line with something on it arrives, in its cue, and the cues around it are untouched.
   */
  @Property(tries = 300)
  void anyTextStaysOneSrtCueWithAllItsLines(@ForAll("anyText") String text, @ForAll boolean last) throws Exception {
    List<Cue> cues = new ArrayList<>(List.of(Cue.of(0, 1000, "before"), Cue.builder().startMs(1000).endMs(2000).text(text).build()));
    if (!last) cues.add(Cue.of(2000, 3000, "next"));
    CaptionTrack t = CaptionTrack.of("und", TrackKind.CAPTIONS, cues);
    for (SrtWriter writer : List.of(SrtWriter.create(), SrtWriter.builder().lineEnding("\r\n").build())) {
      ParseResult back = SrtReader.create().read(new StringReader(writer.writeToString(t)));
      assertThat(back.track().cues()).hasSize(cues.size());
      assertThat(back.track().cues().get(0).text()).isEqualTo("before");
      if (!last) assertThat(back.track().cues().get(2).text()).isEqualTo("next");
      List<String> expected = new ArrayList<>();
      for (String l : text.replace('\0', '\uFFFD').split("\r\n|\r|\n")) {
        if (!l.isBlank()) expected.add(l.replace("-->", "--\u2060>"));
      }
      assertThat(back.track().cues().get(1).text().split("\n", -1)).containsExactlyElementsOf(
          expected.isEmpty() ? List.of("") : expected);
    }
  }

  @Test
  void aSpeakerNameWithALineBreakStaysInItsCue() throws Exception {
    CaptionTrack t = CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(Cue.of(0, 1000, "first"),
        Cue.builder().startMs(1000).endMs(2000).text("hi").speaker("Ann\n\nLee").build()));
    String srt = SrtWriter.builder().speakerPrefix(true).build().writeToString(t);
    List<Cue> back = SrtReader.create().read(new StringReader(srt)).track().cues();
    assertThat(back).extracting(Cue::text).containsExactly("first", "Ann Lee: hi");
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.strings().withChars("ab \n\r\0-><&").ofMaxLength(30);
  }

  private static Arbitrary<String> line(String chars) {
    return Arbitraries.strings().withChars(chars).ofMinLength(1).ofMaxLength(20)
        .filter(s -> !s.contains("-->") && !s.contains("<v") && !s.contains("</v>"));
  }

  private static Arbitrary<String> text(String chars) {
    return line(chars).list().ofMaxSize(3).map(l -> String.join("\n", l));
  }

  private static Arbitrary<Long> startMs() {
    return Arbitraries.longs().between(0, 400L * 3_600_000);
  }

  private static Arbitrary<CueSettings> vttSettings() {
    Arbitrary<Double> percent = Arbitraries.oneOf(Arbitraries.integers().between(0, 100).map(Integer::doubleValue),
        Arbitraries.doubles().between(0, 100));
    Arbitrary<CueSettings.Builder> line = Arbitraries.oneOf(
        Arbitraries.just(CueSettings.builder()),
        Combinators.combine(Arbitraries.integers().between(-20, 20), Arbitraries.of(CueSettings.Anchor.START,
            CueSettings.Anchor.CENTER, CueSettings.Anchor.END))
            .as((l, a) -> CueSettings.builder().line(l.doubleValue()).lineAlign(a)),
        Combinators.combine(percent, Arbitraries.of(CueSettings.Anchor.START, CueSettings.Anchor.CENTER,
            CueSettings.Anchor.END)).as((l, a) -> CueSettings.builder().line(l).snapToLines(false).lineAlign(a)));
    return Combinators.combine(line, Arbitraries.of(CueSettings.Vertical.class),
        percent.injectNull(0.5), Arbitraries.of(CueSettings.Anchor.AUTO, CueSettings.Anchor.LINE_LEFT,
            CueSettings.Anchor.CENTER, CueSettings.Anchor.LINE_RIGHT),
        percent, Arbitraries.of(CueSettings.Align.class))
        .as((b, v, pos, pa, size, align) -> {
          b.vertical(v).size(size).align(align);
          if (pos != null) b.position(pos).positionAlign(pa);
          return b.build();
        });
  }

  private static Arbitrary<Region> regions() {
    Arbitrary<Double> percent = Arbitraries.integers().between(0, 100).map(Integer::doubleValue);
    return Combinators.combine(Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3),
        percent, Arbitraries.integers().between(0, 10), percent, percent, Arbitraries.of(Region.Scroll.class))
        .as((id, w, lines, x, y, scroll) -> Region.builder(id).width(w).lines(lines).regionAnchor(x, y)
            .viewportAnchor(y, x).scroll(scroll).build());
  }

  private static Arbitrary<TrackMetadata> metadata() {
    String chars = "abc XYZ:;{}#.()";
    Arbitrary<String> header = Arbitraries.oneOf(Arbitraries.just(""), line(chars)
        .filter(s -> !s.startsWith(" ") && !s.startsWith("Kind:") && !s.startsWith("Language:")));
    Arbitrary<String> block = text(chars).filter(s -> !s.isEmpty());
    return Combinators.combine(header, block.list().ofMaxSize(2), regions().list().ofMaxSize(2),
        block.list().ofMaxSize(2)).as(TrackMetadata::of);
  }

  @Provide
  Arbitrary<CaptionTrack> vttTracks() {
    return metadata().flatMap(meta -> {
      Arbitrary<String> regionRef = meta.regions().isEmpty() ? Arbitraries.just(null)
          : Arbitraries.of(meta.regions()).map(Region::id).injectNull(0.5);
      Arbitrary<Cue> cue = Combinators.combine(
          line("abc XYZ 019-").filter(s -> !s.contains("-->")).injectNull(0.4),
          startMs(), Arbitraries.longs().between(1, 100_000), text(TEXT_CHARS),
          Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(8).injectNull(0.7),
          vttSettings(), regionRef)
          .as((id, start, dur, text, speaker, settings, region) -> Cue.builder().id(id).startMs(start).endMs(start + dur)
              .text(text).speaker(speaker).settings(settings.toBuilder().region(inRegion(settings) ? region : null)
                  .build()).build());
      return Combinators.combine(cue.list().ofMaxSize(6), Arbitraries.of("und", "en", "pt-BR"),
          Arbitraries.of(TrackKind.class))
          .as((cues, lang, kind) -> CaptionTrack.builder().language(lang).kind(kind).cues(cues).metadata(meta).build());
    });
  }

  /** The spec shows a cue in a region only when it is horizontal with line auto and size 100 (else it drops it). */
  private static boolean inRegion(CueSettings s) {
    return s.vertical() == CueSettings.Vertical.HORIZONTAL && s.line().isEmpty() && s.size() == 100;
  }

  @Provide
  Arbitrary<CaptionTrack> srtTracks() {
    Arbitrary<String> srtLine = line(TEXT_CHARS).filter(s -> !s.trim().isEmpty() && s.charAt(0) != ' ');
    Arbitrary<Cue> cue = Combinators.combine(startMs(), Arbitraries.longs().between(1, 100_000),
        srtLine.list().ofMaxSize(3).map(l -> String.join("\n", l)), Arbitraries.integers().between(0, 9))
        .as((start, dur, text, an) -> Cue.builder().startMs(start).endMs(start + dur).text(text)
            .settings(an == 0 ? CueSettings.DEFAULT : SrtPositions.fromAn(an)).build());
    return cue.list().ofMaxSize(6).map(cues -> CaptionTrack.of("und", TrackKind.CAPTIONS, cues));
  }

  @Provide
  Arbitrary<CaptionTrack> jsonTracks() {
    Arbitrary<List<TimedWord>> words = Combinators.combine(Arbitraries.strings().alpha().ofMaxLength(5),
        Arbitraries.longs().between(0, 1000), Arbitraries.longs().between(0, 500))
        .as((t, s, d) -> TimedWord.of(t, s, s + d)).list().ofMaxSize(3).map(l -> {
          List<TimedWord> sorted = new ArrayList<>(l);
          sorted.sort(java.util.Comparator.comparingLong(TimedWord::startMs));
          return sorted;
        });
    Arbitrary<Cue> cue = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(4).injectNull(0.5),
        startMs(), Arbitraries.longs().between(1, 100_000), Arbitraries.strings().ofMaxLength(20),
        Arbitraries.strings().alpha().ofMaxLength(6).injectNull(0.5), vttSettings(), words)
        .as((id, start, dur, text, speaker, settings, w) -> Cue.builder().id(id).startMs(start).endMs(start + dur)
            .text(text).speaker(speaker).settings(settings).words(w).build());
    return Combinators.combine(cue.list().ofMaxSize(5), metadata(), Arbitraries.of(TrackKind.class))
        .as((cues, meta, kind) -> CaptionTrack.builder().language("en").kind(kind).cues(cues).metadata(meta).build());
  }
}
