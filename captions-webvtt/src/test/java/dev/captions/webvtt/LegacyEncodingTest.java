package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.CaptionFormatException;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.model.Cue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Golden files in the legacy encodings subtitles come in ({@code src/test/resources/encodings/}, made from the texts
 * in {@code expected.json}): read through {@link CaptionInput} and the SDK's SRT codec, each gives back its text.
 */
class LegacyEncodingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static InputStream resource(String name) {
    return LegacyEncodingTest.class.getResourceAsStream("/encodings/" + name);
  }

  private static List<String> expected(String encoding) throws IOException {
    try (InputStream in = resource("expected.json")) {
      JsonNode lines = JSON.readTree(in).get(encoding);
      List<String> out = new ArrayList<>();
      lines.forEach(l -> out.add(l.asText()));
      return out;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"windows-1250", "windows-1252", "iso-8859-2", "iso-8859-7", "big5", "shift_jis", "gb18030"})
  void legacyEncodingIsDetectedAndRead(String encoding) throws IOException {
    CaptionInput input = CaptionInput.open(resource(encoding + ".srt"), null);
    ParseResult r = CaptionCodecs.forFormat(CaptionFormat.SRT).read(input.reader());
    List<String> texts = r.track().cues().stream().map(Cue::text).map(CueText::plainText).collect(Collectors.toList());
    assertThat(texts).as(input.description()).isEqualTo(expected(encoding));
    assertThat(input.isGuess()).isTrue();
    assertThat(input.description()).contains("detected");
    assertThat(input.diagnostics()).as(input.description()).isEmpty();
  }

  @Test
  void aGivenEncodingWins() throws IOException {
    CaptionInput input = CaptionInput.open(resource("windows-1250.srt"), Charset.forName("windows-1250"));
    assertThat(input.description()).isEqualTo("windows-1250 (given)");
    assertThat(CueText.plainText(SrtReader.create().read(input.reader()).track().cues().get(0).text()))
        .isEqualTo("Zażółć gęślą jaźń.");
  }

  @Test
  void utf8AndBomsAreNotGuessed() throws IOException {
    byte[] utf8 = "1\n00:00:01,000 --> 00:00:02,000\nZażółć\n".getBytes(StandardCharsets.UTF_8);
    CaptionInput input = CaptionInput.open(new ByteArrayInputStream(utf8), null);
    assertThat(input.description()).isEqualTo("UTF-8 (valid UTF-8)");
    assertThat(input.isGuess()).isFalse();
    byte[] utf16 = "\uFEFF1\n00:00:01,000 --> 00:00:02,000\nZażółć\n".getBytes(StandardCharsets.UTF_16LE);
    CaptionInput in16 = CaptionInput.open(new ByteArrayInputStream(utf16), null);
    assertThat(in16.description()).isEqualTo("UTF-16LE (byte order mark)");
    assertThat(SrtReader.create().read(in16.reader()).track().cues().get(0).text()).isEqualTo("Zażółć");
    byte[] noBom = "1\n00:00:01,000 --> 00:00:02,000\nZażółć\n".getBytes(StandardCharsets.UTF_16BE);
    assertThat(CaptionInput.open(new ByteArrayInputStream(noBom), null).charset()).isEqualTo(StandardCharsets.UTF_16BE);
  }

  @Test
  void invalidBytesBecomeReplacementCharactersWithAWarning() throws IOException {
    // Valid UTF-8 for the first megabyte is UTF-8; a stray Latin-1 byte after it is replaced and counted.
    StringBuilder sb = new StringBuilder();
    for (int i = 0; sb.length() < CaptionInput.SNIFF_BYTES; i++) {
      sb.append(i + 1).append("\n00:00:01,000 --> 00:00:02,000\nplain ascii text\n\n");
    }
    byte[] head = sb.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "999999\n00:00:03,000 --> 00:00:04,000\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    CaptionInput input = CaptionInput.open(new ByteArrayInputStream(all), null);
    List<Cue> cues = SrtReader.create().read(input.reader()).track().cues();
    assertThat(cues.get(cues.size() - 1).text()).isEqualTo("caf\uFFFD");
    assertThat(input.replacedSequences()).isEqualTo(1);
    assertThat(input.diagnostics()).singleElement().satisfies(d -> assertThat(d.message())
        .startsWith("1 byte sequence is not valid UTF-8 and became U+FFFD"));
  }

  @Test
  void randomBytesAreNotACaptionFile() {
    assertThatThrownBy(() -> CaptionInput.open(resource("random-bytes.srt"), null))
        .isInstanceOf(CaptionFormatException.class)
        .hasMessageContaining("not a text caption file")
        .satisfies(e -> {
          CaptionFormatException f = (CaptionFormatException) e;
          assertThat(f.line()).isPositive();
          assertThat(f.column()).isPositive();
        });
  }
}
