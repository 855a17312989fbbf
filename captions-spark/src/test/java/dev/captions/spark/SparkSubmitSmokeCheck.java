package dev.captions.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code spark-submit} command, for real: {@code org.apache.spark.deploy.SparkSubmit} in a child JVM whose
 * class path is Spark's alone (the provided scope, as a Spark installation's {@code jars/}), with the shaded job jar,
 * {@code --master local[2]}. Runs in {@code verify} (failsafe), after {@code package} has built the jar.
 */
class SparkSubmitSmokeCheck {
  static final Path JOB_JAR = Path.of("target", "captions-spark-job.jar");
  static final Path SPARK_CLASS_PATH = Path.of("target", "spark-class-path.txt");
  static final Path SHARED_CLASS_PATH = Path.of("target", "spark-shared-class-path.txt");

  @TempDir Path dir;

  @Test
  void sparkSubmitCaptionsTheCatalogueWithTheJobJar() throws Exception {
    List<Path> videos = TestVideos.sentences(dir.resolve("videos"), 2);
    Path corrupt = TestVideos.corrupt(dir.resolve("videos").resolve("corrupt.mp4"));
    Path list = dir.resolve("videos.txt");
    List<String> lines = new ArrayList<>(List.of("# the catalogue", ""));
    videos.forEach(v -> lines.add(v.toString()));
    lines.add(corrupt.toString());
    Files.write(list, lines);
    Path out = dir.resolve("out");

    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(Arrays.asList(System.getProperty("spark.jvm.options").trim().split("\\s+")));
    String sparkJars = Files.readString(SPARK_CLASS_PATH).trim() + File.pathSeparator + Files.readString(SHARED_CLASS_PATH).trim();
    cmd.addAll(List.of("-cp", sparkJars, "org.apache.spark.deploy.SparkSubmit"));
    // From here on, exactly the README's command (spark-submit is this class with Spark's jars on the class path).
    cmd.addAll(List.of("--master", "local[2]", "--conf", "spark.ui.enabled=false",
        "--class", "dev.captions.spark.CaptionCatalogJob", JOB_JAR.toString(),
        list.toString(), out.toString(), "--formats", "vtt,srt", "--results", out.resolve("_results.json").toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("submit.log").toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    boolean finished = p.waitFor(8, TimeUnit.MINUTES);
    if (!finished) p.destroyForcibly();
    String log = Files.readString(dir.resolve("submit.log"));
    assertThat(finished).as("spark-submit finished\n%s", log).isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log).contains("captions: 2 done, 0 skipped, 1 failed");

    Map<String, JsonNode> rows = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> parts = Files.list(out.resolve("_results.json"))) {
      for (Path part : (Iterable<Path>) parts.filter(f -> f.getFileName().toString().startsWith("part-"))::iterator) {
        for (String line : Files.readAllLines(part)) {
          JsonNode row = json.readTree(line);
          rows.put(row.path("source").asText(), row);
        }
      }
    }
    assertThat(rows).hasSize(3);
    for (Path v : videos) {
      JsonNode row = rows.get(v.toString());
      assertThat(row.path("status").asText()).as(row.toString()).isEqualTo("done");
      assertThat(row.path("providers").path("transcriber").asText()).isEqualTo("vosk");
      assertThat(row.path("providers").path("media").asText()).isEqualTo("ffmpeg");
      assertThat(row.path("cue_count").asInt()).isPositive();
      for (JsonNode uri : row.path("outputs")) assertThat(new File(java.net.URI.create(uri.asText()))).isFile();
    }
    JsonNode bad = rows.get(corrupt.toString());
    assertThat(bad.path("status").asText()).isEqualTo("failed");
    assertThat(bad.path("error_type").asText()).isEqualTo("dev.captions.InvalidMediaException");
    assertThat(bad.path("retryable").asBoolean()).isFalse();
  }
}
