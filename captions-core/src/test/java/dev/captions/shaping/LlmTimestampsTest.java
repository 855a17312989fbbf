package dev.captions.shaping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.CaptionFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every timestamp form models emit, golden. */
class LlmTimestampsTest {
  @ParameterizedTest(name = "{0} -> {1} ms")
  @CsvSource(delimiter = '|', value = {
      "01:02:03.456 | 3723456",   // HH:MM:SS.mmm
      "01:02:03,456 | 3723456",   // HH:MM:SS,mmm (SubRip)
      "1:02:03 | 3723000",        // H:MM:SS
      "02:03.456 | 123456",       // MM:SS.mmm
      "1:02 | 62000",             // M:SS
      "03.456 | 3456",            // SS.mmm
      "62 | 62000",               // seconds
      "62.5 | 62500",             // fractional seconds
      "62,5 | 62500",             // decimal comma
      "62.5s | 62500",            // with unit
      "62.5 sec | 62500",
      "1m2s | 62000",
      "1h2m3.5s | 3723500",
      "1500ms | 1500",
      "00:01:02:15 | 62600",      // HH:MM:SS:FF at 25 fps
      "00:00:01.5 | 1500",        // one fraction digit
      "00:00:01.123456 | 1123",   // microseconds
      "'[00:00:05.000]' | 5000",  // bracketed
      "' 00:00:05.000 ' | 5000",  // padded
  })
  void parses(String text, long expectedMs) {
    assertThat(LlmTimestamps.parseMs(text)).isEqualTo(expectedMs);
  }

  @Test
  void absurdValuesAreUnreadableNotANumberFormatException() {
    for (String absurd : new String[] {"99999999999999999999:00:00.000", "9223372036854775807", "2562047788015216:00:00",
        "200:00:00", "99999999999999999999ms"}) {
      assertThatThrownBy(() -> LlmTimestamps.parseMs(absurd)).as(absurd).isInstanceOf(CaptionFormatException.class)
          .hasMessageContaining("out of range");
    }
    assertThatThrownBy(() -> LlmTimestamps.parseSeconds(1e20)).isInstanceOf(CaptionFormatException.class);
    assertThatThrownBy(() -> LlmTimestamps.parseSeconds(-4)).isInstanceOf(CaptionFormatException.class);
    assertThat(LlmTimestamps.parseMs("9:30:00")).isEqualTo(34_200_000L); // a long but real media time is fine
  }

  @Test
  void framesUseTheGivenRate() {
    assertThat(LlmTimestamps.parseMs("00:00:01:12", 24)).isEqualTo(1500);
  }

  @Test
  void jsonNumbersAreSeconds() {
    assertThat(LlmTimestamps.parseSeconds(62.48)).isEqualTo(62480);
    assertThat(LlmTimestamps.parseSeconds(3)).isEqualTo(3000);
    assertThat(LlmTimestamps.parseSeconds("00:01:02.480")).isEqualTo(62480);
  }

  @Test
  void garbageIsATypedErrorListingTheForms() {
    assertThatThrownBy(() -> LlmTimestamps.parseMs("soon")).isInstanceOf(CaptionFormatException.class)
        .hasMessageContaining("'soon'").hasMessageContaining("HH:MM:SS.mmm");
    assertThatThrownBy(() -> LlmTimestamps.parseMs("")).isInstanceOf(CaptionFormatException.class);
    assertThatThrownBy(() -> LlmTimestamps.parseSeconds(-1.0)).isInstanceOf(CaptionFormatException.class);
    assertThatThrownBy(() -> LlmTimestamps.parseSeconds(Double.NaN)).isInstanceOf(CaptionFormatException.class);
    assertThatThrownBy(() -> LlmTimestamps.parseSeconds(null)).isInstanceOf(CaptionFormatException.class);
  }
}
