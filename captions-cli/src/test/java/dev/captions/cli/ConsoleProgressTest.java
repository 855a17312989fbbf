package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.PipelineStage;
import dev.captions.ProgressEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the bar shows: seconds of media once the length is known (else percent), and the time left. */
class ConsoleProgressTest {
  @Test
  void countsSecondsOfMediaWithTheTimeLeft() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ConsoleProgress p = new ConsoleProgress(new PrintStream(buf, true, StandardCharsets.UTF_8))) {
      p.onProgress(ProgressEvent.of(PipelineStage.TRANSCRIBE, 0, "started").withMediaDurationMs(300_000));
      Thread.sleep(150);
      p.onProgress(ProgressEvent.of(PipelineStage.TRANSCRIBE, 0.42, "decoding").withMediaDurationMs(300_000));
      Thread.sleep(1_200); // the bar redraws every second
    }
    String shown = buf.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("transcribe").contains("126/300 s");
    // progressbar's "(elapsed / estimated total)" once progress has been made: the time left is their difference.
    assertThat(shown).containsPattern("\\(\\d+:\\d{2}:\\d{2} / \\d+:\\d{2}:\\d{2}\\)");
  }

  @Test
  void countsPercentWhileTheLengthIsUnknown() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ConsoleProgress p = new ConsoleProgress(new PrintStream(buf, true, StandardCharsets.UTF_8))) {
      p.onProgress(ProgressEvent.of(PipelineStage.EXTRACT_AUDIO, 0.5, "halfway"));
    }
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("extract-audio").contains("50/100%")
        .doesNotContain("/1000");
  }
}
