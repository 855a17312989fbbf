package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The memory claim, checked in CI: a 1 GB file streams through the reader in a JVM whose heap is 64 MB. The
 * input is generated as UTF-8 bytes while it is read ({@link GigabyteStream}), so the test needs no disk and the only
 * place the data could pile up is the reader. A reader that kept its input or its cues would die of
 * {@link OutOfMemoryError} here.
 */
class SmallHeapStreamingTest {
  @ParameterizedTest
  @ValueSource(strings = {"vtt", "srt"})
  void aGigabyteStreamsUnderA64MegabyteHeap(String format) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        GigabyteStream.class.getName(), format, "1000")).redirectErrorStream(true).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("streaming 1 GB did not finish in 5 minutes");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).containsPattern("maxHeapMB=(6[0-4]|5\\d)\\b").doesNotContain("OutOfMemoryError");
    long generated = Long.parseLong(out.replaceAll("(?s).*generated=(\\d+).*", "$1"));
    assertThat(generated).isGreaterThan(5_000_000L);
    assertThat(out).contains("arrived=" + generated + " ").contains("warnings=0 ");
    assertThat(Long.parseLong(out.replaceAll("(?s).*bytes=(\\d+).*", "$1"))).isGreaterThanOrEqualTo(1_000_000_000L);
  }
}
