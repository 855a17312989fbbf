package dev.captions.media.ffmpeg.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterEscapingTest {
  @Test
  void escapesBothLevels() {
    // inner level: ' → \' ; outer level then escapes the backslash and the quote again
    assertThat(FilterEscaping.optionValue("/tmp/it's [x].srt")).isEqualTo("/tmp/it\\\\\\'s \\[x\\].srt");
    assertThat(FilterEscaping.optionValue("C:\\subs,a;b")).isEqualTo("C\\\\:\\\\\\\\subs\\,a\\;b");
    assertThat(FilterEscaping.optionValue("plain/path dé.srt")).isEqualTo("plain/path dé.srt");
  }
}
