package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.captions.CaptionFormatException;
import dev.captions.codec.ParseResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;

/**
 * Jazzer fuzz targets. {@code mvn test} replays the corpus in {@code src/test/resources/.../ParserFuzzTestInputs/}
 * (regression mode); a longer run is {@code JAZZER_FUZZ=1 mvn -pl captions-webvtt test -Dtest=ParserFuzzTest#webVtt}
 * (see README). Lenient readers must never throw anything but {@link CaptionFormatException} for a bad signature; the
 * validator and cue text parser must never throw.
 */
class ParserFuzzTest {
  @FuzzTest(maxDuration = "10s")
  void webVtt(FuzzedDataProvider data) throws IOException {
    String s = data.consumeRemainingAsString();
    try {
      ParseResult r = WebVttReader.create().read(new StringReader(s));
      // What we write must read back to the same cues.
      String written = WebVttWriter.create().writeToString(r.track());
      assertThat(WebVttReader.create().read(new StringReader(written)).track().cues()).isEqualTo(r.track().cues());
    } catch (CaptionFormatException e) {
      assertThat(e.line()).isEqualTo(1);
    }
    WebVttValidator.create().validate(new StringReader(s));
  }

  @FuzzTest(maxDuration = "10s")
  void webVttBytes(byte[] bytes) throws IOException {
    try {
      WebVttReader.create().read(new ByteArrayInputStream(bytes));
    } catch (CaptionFormatException e) {
      assertThat(e.line()).isEqualTo(1);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void srt(byte[] bytes) throws IOException {
    ParseResult r = SrtReader.create().read(new ByteArrayInputStream(bytes));
    String written = SrtWriter.create().writeToString(r.track());
    assertThat(SrtReader.create().read(new StringReader(written)).track().cues()).hasSameSizeAs(r.track().cues());
    SrtValidator.create().validate(new StringReader(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
  }

  @FuzzTest(maxDuration = "10s")
  void cueText(FuzzedDataProvider data) {
    String s = data.consumeRemainingAsString();
    CueText.parse(s);
    CueText.plainText(s);
    CueText.voices(s);
  }

  /** Any bytes through encoding detection, the SDK's SRT codec both ways, and the streaming convert. */
  @FuzzTest(maxDuration = "10s")
  void srtCodec(byte[] bytes) throws IOException {
    CaptionInput input;
    try {
      input = CaptionInput.open(new ByteArrayInputStream(bytes), null);
    } catch (CaptionFormatException e) {
      assertThat(e.line()).isPositive(); // not text: rejected with its position
      return;
    }
    java.io.StringWriter sw = new java.io.StringWriter();
    input.reader().transferTo(sw);
    String s = sw.toString();
    ParseResult r = new SrtCodec().read(new StringReader(s));
    new SrtCodec().write(r.track(), new java.io.StringWriter());
    new WebVttCodec().write(r.track(), new java.io.StringWriter());
    CaptionStreams.convert(new StringReader(s), dev.captions.codec.CaptionFormat.SRT, new java.io.StringWriter(),
        dev.captions.codec.CaptionFormat.WEBVTT, dev.captions.model.TimeMap.shift(-1000), d -> { });
  }

  /** Any text as WebVTT through the streaming conversion to SRT (cue text conversion without recursion). */
  @FuzzTest(maxDuration = "10s")
  void vttToSrt(FuzzedDataProvider data) throws IOException {
    String s = "WEBVTT\n\n00:00.000 --> 00:01.000\n" + data.consumeRemainingAsString();
    CaptionStreams.convert(new StringReader(s), dev.captions.codec.CaptionFormat.WEBVTT, new java.io.StringWriter(),
        dev.captions.codec.CaptionFormat.SRT, dev.captions.model.TimeMap.IDENTITY, d -> { });
  }
}
