package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.model.Cue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The SRT quirks that Python's {@code srt} and {@code pysubs2} read, one golden file each in
 * {@code src/test/resources/golden/}, read through the SDK ({@link CaptionCodecs}), so the cue text is the model's
 * markup.
 */
class SrtToleranceTest {
  private static ParseResult read(String name) throws IOException {
    try (InputStream in = SrtToleranceTest.class.getResourceAsStream("/golden/" + name);
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return CaptionCodecs.forFormat(CaptionFormat.SRT).read(r);
    }
  }

  @Test
  void sloppyArrowsSrt() throws IOException {
    ParseResult r = read("sloppy_arrows.srt");
    assertThat(r.track().cues()).containsExactly(Cue.of(1000, 2000, "spaced single dash"),
        Cue.of(3000, 4000, "spaced double dash"), Cue.of(5000, 6000, "short arrow"));
    assertThat(r.diagnostics()).isEmpty();
  }

  @Test
  void textGluedToEndTimeSrt() throws IOException {
    ParseResult r = read("text_glued_to_end_time.srt");
    assertThat(r.track().cues()).containsExactly(Cue.of(1000, 2500, "Hello there\nsecond line"),
        Cue.of(3000, 4000, "normal"));
  }

  @Test
  void missingMillisecondsSrt() throws IOException {
    ParseResult r = read("missing_milliseconds.srt");
    assertThat(r.track().cues()).containsExactly(Cue.of(1000, 2000, "no milliseconds"),
        Cue.of(3500, 4000, "half a second"));
  }

  @Test
  void fullwidthPunctuationSrt() throws IOException {
    ParseResult r = read("fullwidth_punctuation.srt");
    assertThat(r.track().cues()).containsExactly(Cue.of(1000, 2000, "全角の時刻"));
  }

  @Test
  void fourDigitMillisecondsSrt() throws IOException {
    // ,0004 s = 0.4 ms → 0 ms; ,1236 s = 123.6 ms → 124 ms
    ParseResult r = read("four_digit_milliseconds.srt");
    assertThat(r.track().cues()).containsExactly(Cue.of(1000, 2124, "four-digit fraction"));
  }

  @Test
  void sloppyTagsSrt() throws IOException {
    ParseResult r = read("sloppy_tags.srt");
    assertThat(r.track().cues()).containsExactly(
        Cue.of(1000, 2000, "<i>sloppy</i> <i>tags</i> and red 3 &lt; 4 &lt;3"));
    assertThat(r.diagnostics()).extracting(Diagnostic::message)
        .containsExactly("dropped 2 × <font> tags: WebVTT cannot represent them");
  }

  @Test
  void garbageBlockSrt() throws IOException {
    ParseResult r = read("garbage_block.srt");
    assertThat(r.track().cues()).containsExactly(Cue.of(1000, 2000, "first cue"), Cue.of(3000, 4000, "second cue"),
        Cue.of(5000, 6000, "third cue"));
    assertThat(r.diagnostics()).extracting(Diagnostic::line).containsExactly(5, 12);
    assertThat(r.diagnostics().get(0).message()).contains("2 lines").contains("Downloaded from example.org");
    assertThat(r.diagnostics().get(1).message()).contains("a line").contains("garbage without a blank line");
  }
}
