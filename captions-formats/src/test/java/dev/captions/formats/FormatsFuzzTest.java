package dev.captions.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.captions.CaptionFormatException;
import dev.captions.ass.AssCodec;
import dev.captions.codec.ParseResult;
import dev.captions.model.Cue;
import dev.captions.ttml.TtmlCodec;
import dev.captions.webvtt.CueText;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Jazzer fuzz targets for the TTML and ASS readers. {@code mvn test} replays the seeds in
 * {@code src/test/resources/dev/captions/formats/FormatsFuzzTestInputs/} (regression mode); a longer run is
 * {@code JAZZER_FUZZ=1 mvn -pl captions-formats test -Dtest=FormatsFuzzTest#ttml}. The readers may only throw
 * {@link CaptionFormatException}; what they read must write and read back to as many cues with the same text, and
 * the TTML written must pass the IMSC 1.1 Text checker.
 */
class FormatsFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void ttml(byte[] bytes) throws IOException {
    TtmlCodec codec = new TtmlCodec();
    ParseResult r;
    try {
      r = codec.read(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    } catch (CaptionFormatException e) {
      return;
    }
    codec.validate(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    String written = codec.writeToString(r.track());
    assertThat(codec.validate(new StringReader(written))).isEmpty();
    assertSameText(r.track().cues(), codec.read(new StringReader(written)).track().cues());
  }

  @FuzzTest(maxDuration = "10s")
  void ass(byte[] bytes) throws IOException {
    AssCodec codec = new AssCodec();
    ParseResult r;
    try {
      r = codec.read(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
    } catch (CaptionFormatException e) {
      return;
    }
    String written = codec.writeToString(r.track());
    assertSameText(r.track().cues(), codec.read(new StringReader(written)).track().cues());
  }

  private static void assertSameText(List<Cue> read, List<Cue> back) {
    assertThat(back).hasSameSizeAs(read);
    for (int i = 0; i < read.size(); i++) {
      assertThat(CueText.plainText(back.get(i).text()).replace("\u2060", ""))
          .isEqualTo(CueText.plainText(read.get(i).text()).replace("\u2060", ""));
    }
  }
}
