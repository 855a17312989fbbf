package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.CaptionFormatException;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.TimeMap;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The plain-JUnit replay of the hostile inputs the fuzz targets ({@link ParserFuzzTest}) must survive: deep nesting,
 * long lines, tag soup. Every path (lenient readers, validators, cue text, both conversions, the streaming convert)
 * finishes without an {@link Error}; only a typed {@link CaptionFormatException} may come out. How fast they parse is
 * measured by {@code HostileInputBenchmark} in captions-benchmarks, not here.
 */
class HostileInputTest {
  /** Cue payloads of about 256 KB each (HostileInputBenchmark parses 1 MB ones). */
  static Stream<String> payloads() {
    int n = 1 << 18;
    return Stream.of(
        "<b>".repeat(n / 3), // 87,000 nested tags: the old recursive tree and conversion overflowed the stack
        "<".repeat(n), // one line of '<': the old SRT tag scan was quadratic
        "<i".repeat(n / 2),
        "</b>".repeat(n / 4),
        "&amp".repeat(n / 4),
        "&#".repeat(n / 2),
        "<ruby><rt>".repeat(n / 10),
        "<v ".repeat(n / 3),
        "<c.a.b.c.d.e.f.g.h.i.j>".repeat(n / 23),
        "<00:00:01.000>".repeat(n / 14),
        "x".repeat(n),
        "<i>a</i> &lt; b ".repeat(n / 16) + "<b>".repeat(20_000),
        "< i>".repeat(n / 4) + "</ i >".repeat(n / 6));
  }

  private static String vtt(String payload) {
    return "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + payload + "\n\n00:00:03.000 --> 00:00:04.000\nnext\n";
  }

  private static String srt(String payload) {
    return "1\n00:00:01,000 --> 00:00:02,000\n" + payload + "\n\n2\n00:00:03,000 --> 00:00:04,000\nnext\n";
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void everyPathSurvives(String payload) throws Exception {
    CueText.parse(payload);
    CueText.plainText(payload);
    CueText.voices(payload);
    for (CaptionFormat f : List.of(CaptionFormat.WEBVTT, CaptionFormat.SRT)) {
      String file = f == CaptionFormat.WEBVTT ? vtt(payload) : srt(payload);
      ParseResult r = CaptionCodecs.forFormat(f).read(new StringReader(file));
      assertThat(r.track().cues()).as(f.name()).hasSize(2);
      CaptionTrack t = r.track();
      for (CaptionFormat to : CaptionCodecs.all().keySet()) CaptionCodecs.forFormat(to).write(t, new StringWriter());
      CaptionCodecs.forFormat(f).validate(new StringReader(file));
      for (CaptionFormat to : List.of(CaptionFormat.WEBVTT, CaptionFormat.SRT)) {
        Reader in = new StringReader(file);
        CaptionStreams.convert(in, f, new StringWriter(), to, TimeMap.shift(500), d -> { });
      }
    }
    Conversions.toSrt(CaptionTrack.of("und", dev.captions.model.TrackKind.CAPTIONS,
        List.of(dev.captions.model.Cue.builder().startMs(0).endMs(1).text(payload).build())), true);
  }

  @Test
  void aLineOfMillionsOfCharactersIsATypedErrorWithItsLine() {
    String huge = "x".repeat(dev.captions.webvtt.internal.LineReader.MAX_LINE + 10);
    assertThatThrownBy(() -> WebVttReader.create().read(new StringReader("WEBVTT\n\n00:01.000 --> 00:02.000\n" + huge)))
        .isInstanceOf(CaptionFormatException.class).hasMessageContaining("line 4");
    assertThatThrownBy(() -> SrtReader.create().read(new StringReader("1\n00:00:01,000 --> 00:00:02,000\n" + huge)))
        .isInstanceOf(CaptionFormatException.class).hasMessageContaining("line 3");
  }

  @Test
  void aCueOfMillionsOfShortLinesIsATypedError() {
    String lines = "ab\n".repeat(dev.captions.webvtt.internal.LineReader.MAX_LINE / 3 + 10);
    assertThatThrownBy(() -> SrtReader.create().read(new StringReader("1\n00:00:01,000 --> 00:00:02,000\n" + lines)))
        .isInstanceOf(CaptionFormatException.class).hasMessageContaining("cue's text is longer");
    assertThatThrownBy(() -> WebVttReader.create().read(new StringReader("WEBVTT\n\n00:01.000 --> 00:02.000\n"
        + lines))).isInstanceOf(CaptionFormatException.class).hasMessageContaining("cue's text is longer");
  }
}
