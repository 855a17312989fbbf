package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code --timeout}: the request time-out of every cloud provider, as their {@code requestTimeoutMs} setting. */
class CaptionTimeoutOptionTest {
  @AfterEach
  void clear() {
    for (String p : CaptionCommand.CLOUD_PROVIDERS) System.clearProperty("captions." + p + ".requestTimeoutMs");
  }

  @Test
  void setsTheRequestTimeoutOfEveryCloudProviderInMilliseconds() {
    Cli run = Cli.run("caption", "no-such-video.mp4", "--timeout", "2.5", "-q");
    assertThat(run.exitCode).as(run.toString()).isEqualTo(7); // the file is missing: the option itself was accepted
    for (String p : CaptionCommand.CLOUD_PROVIDERS) {
      assertThat(System.getProperty("captions." + p + ".requestTimeoutMs")).as(p).isEqualTo("2500");
    }
  }

  @Test
  void rejectsANonPositiveTimeoutAsAUsageError() {
    Cli run = Cli.run("caption", "no-such-video.mp4", "--timeout", "0");
    assertThat(run.exitCode).isEqualTo(2);
    assertThat(run.err).contains("--timeout must be a number of seconds above 0");
    assertThat(System.getProperty("captions.gemini.requestTimeoutMs")).isNull();
  }
}
