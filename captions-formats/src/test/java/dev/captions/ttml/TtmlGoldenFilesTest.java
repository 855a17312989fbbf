package dev.captions.ttml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.formats.Golden;
import dev.captions.formats.TestTracks;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.webvtt.SrtPositions;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per golden file, named after it; the file's comment says what must be read and what dropped. */
class TtmlGoldenFilesTest {
  private final TtmlCodec codec = new TtmlCodec();

  @Test
  void typical() throws Exception {
    String written = codec.writeToString(TestTracks.typical());
    assertThat(written).isEqualTo(Golden.text("typical.ttml"));
    assertThat(codec.validate(new StringReader(written))).isEmpty();
    ParseResult back = Golden.read(codec, "typical.ttml");
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.track().language()).isEqualTo("en");
    List<Cue> cues = back.track().cues();
    assertThat(cues).hasSize(4);
    assertThat(cues.get(0).text()).isEqualTo("Hello <i>there</i>,\n<b>bold</b> and <u>under</u>");
    assertThat(cues.get(1).text()).isEqualTo("Tom &amp; Jerry &lt;3 {curly} back\\slash \\N");
    assertThat(cues.get(1).speaker()).isEqualTo("Ann");
    assertThat(cues.get(2).settings()).isEqualTo(CueSettings.builder().line(0).build());
    assertThat(cues.get(3).text()).isEqualTo("<v Bob>Voice</v> line");
    assertThat(back.track().cues()).extracting(Cue::startMs).containsExactly(1000L, 2500L, 4000L, 5000L);
  }

  @Test
  void highlight() throws Exception {
    String written = codec.writeToString(TestTracks.highlighted());
    assertThat(written).isEqualTo(Golden.text("highlight.ttml"));
    assertThat(written).contains("One <span begin=\"00:00:00.500\">two, </span><span begin=\"00:00:01.200\">three</span>");
    assertThat(codec.validate(new StringReader(written))).isEmpty();
    assertThat(Golden.read(codec, "highlight.ttml").track().cues().get(0).text())
        .isEqualTo("One <00:00:01.500>two, <00:00:02.200>three");
  }

  @Test
  void clock_and_offset_times() {
    ParseResult r = Golden.read(codec, "clock_and_offset_times.ttml");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.track().language()).isEqualTo("fr");
    List<Cue> cues = r.track().cues();
    assertThat(cues).extracting(Cue::startMs).containsExactly(1250L, 2500L, 6000L, 7200L);
    assertThat(cues).extracting(Cue::endMs).containsExactly(2000L, 3500L, 7000L, 7500L);
  }

  @Test
  void frames() {
    List<Cue> cues = Golden.read(codec, "frames.ttml").track().cues();
    assertThat(cues).extracting(Cue::startMs).containsExactly(1480L, 3000L);
    assertThat(cues).extracting(Cue::endMs).containsExactly(2000L, 4020L);
  }

  @Test
  void ntsc_frames() {
    Cue c = Golden.read(codec, "ntsc_frames.ttml").track().cues().get(0);
    assertThat(c.startMs()).isEqualTo(0);
    assertThat(c.endMs()).isEqualTo(1001);
  }

  @Test
  void nested_timing() {
    List<Cue> cues = Golden.read(codec, "nested_timing.ttml").track().cues();
    assertThat(cues).extracting(Cue::startMs).containsExactly(16_000L, 17_000L, 30_000L);
    assertThat(cues).extracting(Cue::endMs).containsExactly(17_000L, 19_000L, 32_000L);
    assertThat(cues.get(2).text()).isEqualTo("third <00:00:30.500>word");
  }

  @Test
  void styles_chained() {
    List<Cue> cues = Golden.read(codec, "styles_chained.ttml").track().cues();
    assertThat(cues.get(0).text()).isEqualTo("<i>all italic </i>upright");
    assertThat(cues.get(1).text()).isEqualTo("<b>bold</b> and <u>under</u>");
  }

  @Test
  void dfxp_namespace() {
    ParseResult r = Golden.read(codec, "dfxp_namespace.ttml");
    assertThat(r.track().language()).isEqualTo("de");
    Cue c = r.track().cues().get(0);
    assertThat(c.text()).isEqualTo("Oben links");
    assertThat(SrtPositions.toAn(c.settings())).isEqualTo(7);
  }

  @Test
  void whitespace_default() {
    Cue c = Golden.read(codec, "whitespace_default.ttml").track().cues().get(0);
    assertThat(c.text()).isEqualTo("Several words on source lines\nsecond line");
  }

  @Test
  void span_timing_only() {
    ParseResult r = Golden.read(codec, "span_timing_only.ttml");
    assertThat(r.track().cues()).hasSize(1);
    Cue c = r.track().cues().get(0);
    assertThat(c.startMs()).isEqualTo(1000);
    assertThat(c.endMs()).isEqualTo(3000);
    assertThat(c.text()).isEqualTo("first <00:00:02.000>second");
    assertThat(r.diagnostics()).extracting(Diagnostic::line).containsExactly(8);
    assertThat(r.diagnostics().get(0).message()).contains("no end time");
  }
}
