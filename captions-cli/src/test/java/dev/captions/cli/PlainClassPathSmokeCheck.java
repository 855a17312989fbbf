package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ordinary deployment of an app, on a machine that never ran Maven: the command's thin jar plus every runtime
 * dependency as its own jar in {@code lib/} (what {@code copy-dependencies} made in {@code target/deploy/lib}), run as
 * {@code java -cp 'captions-cli.jar:lib/*' dev.captions.cli.CaptionsCommand caption ...} in a child JVM whose home
 * ({@code HOME} and {@code user.home}) is an empty directory and whose {@code java.io.tmpdir} is fresh, with no API
 * key in its environment. The offline default (FFmpeg + Vosk) must caption the sample from the jars alone; with the
 * model jar removed from {@code lib/} it must fail when the pipeline is built, naming the fix, before FFmpeg runs.
 *
 * <p>Runs in {@code verify} through failsafe, after {@code package} built the jar and the lib folder. Not on Windows
 * (the FFmpeg stand-in below is a shell script).
 */
@DisabledOnOs(OS.WINDOWS)
class PlainClassPathSmokeCheck {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path SAMPLE = ROOT.resolve("samples/talk.mp4");
  private static final Path SCRIPT = ROOT.resolve("samples/talk.script.txt");
  private static final String MAIN = "dev.captions.cli.CaptionsCommand";
  private static final String MODEL_JAR_PREFIX = "captions-vosk-model-en-";

  @TempDir Path tmp;

  private static Path built(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property %s, set by the failsafe configuration in captions-cli/pom.xml", property)
        .isNotNull();
    return Path.of(value);
  }

  /** {@code dir/captions-cli.jar} and {@code dir/lib/*.jar}, hard-linked (copied where links are not possible). */
  private Path deploy(String name, boolean withModel) throws IOException {
    Path app = Files.createDirectories(tmp.resolve(name));
    Path lib = Files.createDirectories(app.resolve("lib"));
    link(built("captions.cli.jar"), app.resolve("captions-cli.jar"));
    List<Path> jars;
    try (Stream<Path> s = Files.list(built("captions.cli.lib"))) {
      jars = s.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
    }
    assertThat(jars).as("the runtime dependencies, one jar each").anyMatch(PlainClassPathSmokeCheck::isModelJar)
        .noneMatch(p -> p.getFileName().toString().endsWith(".aar"));
    for (Path jar : jars) {
      if (withModel || !isModelJar(jar)) link(jar, lib.resolve(jar.getFileName()));
    }
    return app;
  }

  private static boolean isModelJar(Path jar) {
    return jar.getFileName().toString().startsWith(MODEL_JAR_PREFIX);
  }

  private static void link(Path from, Path to) throws IOException {
    try {
      Files.createLink(to, from);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

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

  /** Runs the command from {@code app} in a JVM that sees only {@code home}, {@code javaTmp} and {@code env}. */
  private Run run(Path app, Path home, Path javaTmp, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    Files.createDirectories(home);
    Files.createDirectories(javaTmp);
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Duser.home=" + home, "-Djava.io.tmpdir=" + javaTmp,
        "-cp", "captions-cli.jar" + java.io.File.pathSeparator + "lib/*", MAIN));
    command.addAll(List.of(args));
    Path stdout = tmp.resolve("stdout-" + System.nanoTime());
    Path stderr = tmp.resolve("stderr-" + System.nanoTime());
    ProcessBuilder pb = new ProcessBuilder(command).directory(app.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    // Nothing from this machine's set-up: no API key (the cloud providers stay unconfigured), no model or binary
    // setting, no cache location, no class path.
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/bin:/bin");
    pb.environment().put("HOME", home.toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("did not finish in 3 minutes: " + command);
    }
    return new Run(p.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
        Files.readString(stderr, StandardCharsets.UTF_8));
  }

  @Test
  void theOfflineDefaultCaptionsTheSampleFromAPlainLibFolderWithAnEmptyHome() throws Exception {
    Path app = deploy("app", true);
    Path home = tmp.resolve("home");
    Path out = tmp.resolve("out");

    Run run = run(app, home, tmp.resolve("java-tmp"), Map.of(), "caption", SAMPLE.toString(), "-o", out.toString());

    assertThat(run.exitCode).as(run.toString()).isZero();
    Path vtt = out.resolve("talk.en.vtt");
    assertThat(vtt).as(run.toString()).isRegularFile();
    String text = Files.readString(vtt, StandardCharsets.UTF_8);
    assertThat(text).startsWith("WEBVTT");
    List<String> cueText = new ArrayList<>();
    List<String> lines = text.lines().collect(Collectors.toList());
    int cues = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).contains(" --> ")) continue;
      cues++;
      for (int j = i + 1; j < lines.size() && !lines.get(j).isBlank(); j++) cueText.add(lines.get(j));
    }
    assertThat(cues).as("cues in\n" + text).isGreaterThanOrEqualTo(4);
    List<String> heard = SampleEndToEndTest.words(String.join(" ", cueText));
    List<String> script = SampleEndToEndTest.words(Files.readString(SCRIPT, StandardCharsets.UTF_8));
    assertThat(heard).as(text).contains("captions", "speech", "computer", "sample");
    double wer = (double) SampleEndToEndTest.editDistance(script, heard) / script.size();
    assertThat(wer).as("word error rate against samples/talk.script.txt; captions:\n" + text).isLessThanOrEqualTo(0.25);

    // The model came out of the jar in lib/ into the empty home's cache; nothing was looked up in a Maven repository.
    assertThat(home.resolve(".cache/captions/vosk/vosk-model-en-us-0.3.45/am/final.mdl")).isRegularFile();
    assertThat(home.resolve(".m2")).doesNotExist();
  }

  @Test
  void withoutTheModelJarTheCommandFailsAtBuildNamingTheFixBeforeFfmpegRuns() throws Exception {
    Path app = deploy("app-without-model", false);
    Path home = tmp.resolve("home-without-model");
    Path javaTmp = tmp.resolve("java-tmp-without-model");
    Path out = tmp.resolve("out-without-model");
    // FFmpeg is the bundled static build from lib/, behind a script that records every call before running it: had
    // the run got as far as probing or extracting audio, the record would show it.
    Path ffmpeg = extractBundledFfmpeg(app.resolve("lib"), tmp.resolve("ffmpeg"));
    Path calls = tmp.resolve("ffmpeg-calls.txt");
    Path recorder = tmp.resolve("ffmpeg-recorder.sh");
    Files.writeString(recorder, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\nexec '" + ffmpeg + "' \"$@\"\n");
    assertThat(recorder.toFile().setExecutable(true)).isTrue();

    Run run = run(app, home, javaTmp, Map.of("FFMPEG_PATH", recorder.toString()),
        "caption", SAMPLE.toString(), "-o", out.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(run.err).as(run.toString()).contains("dev.captions:captions-vosk-model-en")
        .contains("captions.vosk.model").contains("VOSK_MODEL");
    assertThat(calls).as("FFmpeg was never run (no probe, no audio extraction)").doesNotExist();
    try (Stream<Path> left = Files.walk(javaTmp)) {
      assertThat(left.filter(p -> p.getFileName().toString().endsWith(".wav"))).as("no extracted audio").isEmpty();
    }
    assertThat(out.resolve("talk.en.vtt")).doesNotExist();
  }

  /** The {@code ws/schild/jave/nativebin/ffmpeg-*} binary of the jave-nativebin jar in {@code lib}. */
  private static Path extractBundledFfmpeg(Path lib, Path target) throws IOException {
    List<Path> jave;
    try (Stream<Path> s = Files.list(lib)) {
      jave = s.filter(p -> p.getFileName().toString().startsWith("jave-nativebin-")).collect(Collectors.toList());
    }
    assertThat(jave).as("the FFmpeg static build for this platform in lib/").hasSize(1);
    try (JarFile jar = new JarFile(jave.get(0).toFile())) {
      JarEntry entry = jar.stream().filter(e -> e.getName().startsWith("ws/schild/jave/nativebin/ffmpeg"))
          .findFirst().orElseThrow(() -> new AssertionError("no ffmpeg binary in " + jave.get(0)));
      try (InputStream in = jar.getInputStream(entry)) {
        Files.copy(in, target);
      }
    }
    assertThat(target.toFile().setExecutable(true)).isTrue();
    return target;
  }
}
