package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.CaptionFormatException;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.Region;
import dev.captions.model.TrackKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One golden file per real-world quirk, one test named after each (media3 style). */
class GoldenFilesTest {
  private static ParseResult srt(String name) throws IOException {
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
      return SrtReader.create().read(in);
    }
  }

  private static ParseResult vtt(String name) throws IOException {
    try (InputStream in = GoldenFilesTest.class.getResourceAsStream("/golden/" + name)) {
      return WebVttReader.create().read(in);
    }
  }

  private static void assertTypicalSrt(ParseResult r) {
    List<Cue> cues = r.track().cues();
    assertThat(cues).hasSize(2);
    assertThat(cues.get(0)).isEqualTo(Cue.of(1000, 2500, "Hello world\nsecond line"));
    assertThat(cues.get(1)).isEqualTo(Cue.of(3000, 4000, "<i>Italic</i> and <b>bold</b>"));
  }

  @Test
  void typicalSrt() throws IOException {
    ParseResult r = srt("typical.srt");
    assertTypicalSrt(r);
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void withBomSrt() throws IOException {
    assertTypicalSrt(srt("with_bom.srt"));
  }

  @Test
  void utf16leSrt() throws IOException {
    assertTypicalSrt(srt("utf16le.srt"));
  }

  @Test
  void utf16beSrt() throws IOException {
    assertTypicalSrt(srt("utf16be.srt"));
  }

  @Test
  void crlfSrt() throws IOException {
    assertTypicalSrt(srt("crlf.srt"));
  }

  @Test
  void noFinalBlankLineSrt() throws IOException {
    assertTypicalSrt(srt("no_final_blank_line.srt"));
  }

  @Test
  void extraBlankLinesSrt() throws IOException {
    assertTypicalSrt(srt("extra_blank_lines.srt"));
  }

  /** Cue 1 has no index line at all (the file starts with its timing), cue 2 a non-numeric one, cue 3 a negative one. */
  @Test
  void badIndexesSrt() throws IOException {
    ParseResult r = srt("bad_indexes.srt");
    assertThat(r.track().cues()).extracting(Cue::text)
        .containsExactly("Hello world\nsecond line", "<i>Italic</i> and <b>bold</b>", "third");
    assertThat(r.track().cues().get(0).startMs()).isEqualTo(1000);
    // A missing index is not worth a warning (the writer renumbers anyway); a wrong one is.
    assertThat(r.diagnostics()).extracting(d -> d.line()).containsExactly(5, 9);
  }

  @Test
  void dotAndShortMillisSrt() throws IOException {
    List<Cue> cues = srt("dot_and_short_millis.srt").track().cues();
    assertThat(cues.get(0).startMs()).isEqualTo(1500);
    assertThat(cues.get(0).endMs()).isEqualTo(2500);
    assertThat(cues.get(1).startMs()).isEqualTo(3700);
    assertThat(cues.get(1).endMs()).isEqualTo(4007);
  }

  @Test
  void hoursOver99Srt() throws IOException {
    assertThat(srt("hours_over_99.srt").track().cues().get(0).startMs()).isEqualTo(123L * 3_600_000);
  }

  @Test
  void spacesAndCoordinatesSrt() throws IOException {
    assertThat(srt("spaces_and_coordinates.srt").track().cues())
        .containsExactly(Cue.of(1000, 2000, "no spaces"), Cue.of(3000, 4000, "with coordinates"));
  }

  @Test
  void blankLineInTextSrt() throws IOException {
    ParseResult r = srt("blank_line_in_text.srt");
    // A blank line ends a cue (as Python's srt reads it): what follows without a timing line is a block of its own,
    // skipped with a warning that quotes it, never glued onto the cue (see SrtToleranceTest.garbageBlockSrt).
    assertThat(r.track().cues()).containsExactly(Cue.of(1000, 2000, "first part"), Cue.of(3000, 4000, "next cue"));
    assertThat(r.diagnostics()).hasSize(1);
    assertThat(r.diagnostics().get(0).line()).isEqualTo(5);
    assertThat(r.diagnostics().get(0).message()).contains("'second part'");
  }

  @Test
  void positionTagsSrt() throws IOException {
    List<Cue> cues = srt("position_tags.srt").track().cues();
    assertThat(cues.get(0).text()).isEqualTo("top centre");
    assertThat(cues.get(0).settings().line()).hasValue(0.0);
    assertThat(cues.get(1).text()).isEqualTo("<font color=\"#ff0000\">red</font> <u>under</u>");
    // and back: {\an8} is written again
    assertThat(SrtWriter.create().writeToString(CaptionTrack.of("und", TrackKind.CAPTIONS, cues))).contains("{\\an8}top centre");
  }

  @Test
  void badTimestampsSrt() throws IOException {
    ParseResult r = srt("bad_timestamps.srt");
    assertThat(r.track().cues()).extracting(Cue::text).containsExactly("valid", "valid too");
    assertThat(r.diagnostics()).extracting(d -> d.line()).containsExactly(5, 10);
  }

  private static void assertTypicalVtt(ParseResult r) {
    List<Cue> cues = r.track().cues();
    assertThat(cues).hasSize(2);
    assertThat(cues.get(0)).isEqualTo(Cue.builder().id("1").startMs(1000).endMs(2500).text("Hello world").build());
    assertThat(cues.get(1).speaker()).isEqualTo("Ann");
    assertThat(cues.get(1).text()).isEqualTo("Hi there");
    assertThat(cues.get(1).settings().align()).isEqualTo(CueSettings.Align.START);
    assertThat(cues.get(1).settings().line()).hasValue(0.0);
  }

  @Test
  void typicalVtt() throws IOException {
    ParseResult r = vtt("typical.vtt");
    assertTypicalVtt(r);
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void withBomVtt() throws IOException {
    assertTypicalVtt(vtt("with_bom.vtt"));
  }

  @Test
  void crlfAndCrVtt() throws IOException {
    List<Cue> cues = vtt("crlf_and_cr.vtt").track().cues();
    assertThat(cues).extracting(Cue::id).containsExactly("1", "second");
    assertThat(cues).extracting(Cue::text).containsExactly("Hello world", "third");
  }

  @Test
  void noHoursVtt() throws IOException {
    List<Cue> cues = vtt("no_hours.vtt").track().cues();
    assertThat(cues).containsExactly(Cue.of(1000, 2500, "minutes only"), Cue.of(3_599_999, 3_600_000, "mixed"));
  }

  @Test
  void badTimestampsVtt() throws IOException {
    ParseResult r = vtt("bad_timestamps.vtt");
    assertThat(r.track().cues()).extracting(Cue::text).containsExactly("valid", "valid too");
    assertThat(r.diagnostics()).extracting(d -> d.line()).containsExactly(8, 11, 14);
    assertThat(r.track().metadata().notes()).containsExactly("cues 2, 3 and 4 must be dropped");
  }

  @Test
  void metadataVtt() throws IOException {
    ParseResult r = vtt("metadata.vtt");
    CaptionTrack t = r.track();
    assertThat(t.language()).isEqualTo("pt-BR");
    assertThat(t.kind()).isEqualTo(TrackKind.SUBTITLES);
    assertThat(t.metadata().header()).isEqualTo("- my file");
    assertThat(t.metadata().styles()).containsExactly("::cue { color: yellow }");
    assertThat(t.metadata().notes()).containsExactly("made by hand");
    assertThat(t.metadata().regions()).containsExactly(Region.builder("r1").width(40).lines(2).regionAnchor(0, 100)
        .viewportAnchor(10, 90).scroll(Region.Scroll.UP).build());
    CueSettings s = t.cues().get(0).settings();
    assertThat(s.region()).isEqualTo("r1");
    assertThat(s.position()).hasValue(10.0);
    assertThat(s.positionAlign()).isEqualTo(CueSettings.Anchor.LINE_LEFT);
    // The spec drops the region of a cue that has a vertical, line or size setting of its own, and we say so.
    CueSettings sized = t.cues().get(1).settings();
    assertThat(sized.size()).isEqualTo(50.0);
    assertThat(sized.region()).isNull();
    assertThat(r.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(21);
      assertThat(d.message()).contains("region 'r1' ignored");
    });
    String written = WebVttWriter.create().writeToString(t);
    assertThat(WebVttReader.create().read(new java.io.StringReader(written)).track()).isEqualTo(t);
  }

  /** The spec counts a cue as seen only when its timings parse: a STYLE block after a broken cue is still kept. */
  @Test
  void styleAfterBadCueVtt() throws IOException {
    ParseResult r = vtt("style_after_bad_cue.vtt");
    assertThat(r.track().cues()).extracting(Cue::text).containsExactly("the first real cue");
    assertThat(r.track().metadata().styles()).containsExactly("::cue { color: lime }");
    assertThat(r.diagnostics()).extracting(d -> d.line() + ": " + d.message()).containsExactly(
        "3: skipped cue: invalid start timestamp at col 1 (expected [hh:]mm:ss.ttt)",
        "12: ignored STYLE block after the first cue; move it before the cues");
  }

  @Test
  void noSignatureVtt() {
    assertThatThrownBy(() -> vtt("no_signature.vtt")).isInstanceOf(CaptionFormatException.class)
        .hasMessageContaining("line 1, col 1").hasMessageContaining("WEBVTT")
        .satisfies(e -> assertThat(((CaptionFormatException) e).line()).isEqualTo(1));
  }
}
