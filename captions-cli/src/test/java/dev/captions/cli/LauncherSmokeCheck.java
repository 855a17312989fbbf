package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as a user runs it: the {@code ./captions} launcher on the shaded {@code captions.jar},
 * in a separate JVM with nothing but the jar. It catches what in-process tests cannot: a service file lost in
 * shading, a missing bundled model or binary, a wrong main class. Runs in {@code verify} through failsafe, after
 * {@code package} has built the jar ({@code *SmokeCheck} is not a surefire name).
 */
class LauncherSmokeCheck {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path LAUNCHER = ROOT.resolve("captions");
  private static final Path JAR = ROOT.resolve("captions-cli/target/captions.jar");

  @TempDir Path out;

  private static final class Run {
    final int exitCode;
    final String out;
    final String err;

    Run(int exitCode, String out, String err) {
      this.exitCode = exitCode;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private Run launch(String... args) throws IOException, InterruptedException {
    assertThat(JAR).as("the shaded jar, built by package").isRegularFile();
    List<String> command = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile(out, "stdout", ".txt");
    Path stderr = Files.createTempFile(out, "stderr", ".txt");
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    // Exactly what a user's shell gives: the launcher must not need anything from this JVM's class path.
    pb.environment().remove("CLASSPATH");
    pb.environment().remove("CAPTIONS_REBUILD");
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the launcher did not finish in 5 minutes: " + command);
    }
    return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  @Test
  void theReadmeFirstCommandCaptionsTheSampleOffline() throws Exception {
    Path dir = out.resolve("captions out");
    Run run = launch("caption", "samples/talk.mp4", "-o", dir.toString());
    assertThat(run.exitCode).as(run.toString()).isZero();
    Path vtt = dir.resolve("talk.en.vtt");
    Path srt = dir.resolve("talk.en.srt");
    assertThat(run.out).as(run.toString()).contains(vtt.toString(), srt.toString());
    assertThat(Files.readString(vtt)).startsWith("WEBVTT").contains(" --> ");
    assertThat(Files.readString(srt)).startsWith("1\n").contains(" --> ");

    Run check = launch("validate", "--strict", vtt.toString(), srt.toString());
    assertThat(check.exitCode).as(check.toString()).isZero();
  }

  @Test
  void theJarFindsEveryShippedProviderAndNoTestDouble() throws Exception {
    Run run = launch("providers");
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).contains("ffmpeg", "vosk", "gemini", "openai", "gcore", "ittybit")
        .doesNotContain("stub");
  }
}
