package dev.captions.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CaptionCatalogJob}'s command line in the test session: each input format, the results file, exit statuses.
 * The {@link ProbeTranscriber} double stands in for a transcriber (the real pipeline runs in the end-to-end test).
 */
class CaptionCatalogJobTest {
  @TempDir Path dir;
  final SparkSession spark = LocalSpark.session();
  List<String> sources;

  @BeforeEach
  void videos() throws Exception {
    Files.createDirectories(dir.resolve("videos"));
    sources = new ArrayList<>();
    for (int i = 0; i < 3; i++) sources.add(Files.writeString(dir.resolve("videos").resolve("v" + i + ".wav"), "RIFF").toString());
  }

  @Test
  void aTextFileOfPathsSkippingBlankLinesAndComments() throws Exception {
    List<String> lines = new ArrayList<>(List.of("# my catalogue", "   "));
    sources.forEach(s -> lines.add("  " + s + "  "));
    Path input = Files.write(dir.resolve("videos.txt"), lines);
    Job job = run(input.toString(), dir.resolve("out").toString(), "--transcriber", "probe", "--media", "none",
        "--formats", "vtt", "--results", dir.resolve("results.json").toString());
    assertThat(job.status).as(job.toString()).isZero();
    assertThat(job.out).contains("captions: 3 done, 0 skipped, 0 failed").contains(dir.resolve("results.json").toString());
    List<Row> rows = spark.read().json(dir.resolve("results.json").toString()).collectAsList();
    assertThat(rows).extracting(r -> r.<String>getAs("source")).containsExactlyInAnyOrderElementsOf(sources);
    assertThat(rows).allSatisfy(r -> assertThat(r.<String>getAs("status")).isEqualTo("done"));
  }

  @Test
  void csvJsonAndParquetTablesWithASourceColumn() throws Exception {
    Path csv = Files.write(dir.resolve("videos.csv"), withHeader("id,source"));
    Path json = dir.resolve("videos.json");
    List<String> jsonLines = new ArrayList<>();
    sources.forEach(s -> jsonLines.add("{\"source\": \"" + s + "\", \"title\": \"t\"}"));
    Files.write(json, jsonLines);
    Path parquet = dir.resolve("videos.parquet");
    spark.createDataset(sources, Encoders.STRING()).toDF("source").write().parquet(parquet.toString());

    for (Path input : List.of(csv, json, parquet)) {
      Path out = dir.resolve("out-" + input.getFileName());
      Job job = run(input.toString(), out.toString(), "--transcriber", "probe", "--media", "none");
      assertThat(job.status).as(job.toString()).isZero();
      assertThat(job.out).as(input.toString()).contains("captions: 3 done");
      // default results: OUTPUT_DIR/_results.parquet
      assertThat(spark.read().parquet(out.resolve("_results.parquet").toString()).count()).isEqualTo(3);
    }
    Job again = run(csv.toString(), dir.resolve("out-videos.csv").toString(), "--transcriber", "probe", "--media", "none");
    assertThat(again.out).contains("captions: 0 done, 3 skipped, 0 failed");
  }

  @Test
  void usageErrorsExitTwoAndConfigurationErrorsThree() throws Exception {
    Job usage = run("only-one-argument");
    assertThat(usage.status).isEqualTo(CaptionCatalogJob.USAGE);
    assertThat(usage.err).contains("OUTPUT_DIR");
    Job format = run("videos.txt", "out", "--formats", "vtt,sbv");
    assertThat(format.status).isEqualTo(CaptionCatalogJob.USAGE);
    assertThat(format.err).contains("unknown caption format 'sbv'");

    Path noSource = Files.write(dir.resolve("videos.csv"), withHeader("id,path"));
    Job config = run(noSource.toString(), dir.resolve("out").toString());
    assertThat(config.status).isEqualTo(CaptionCatalogJob.CONFIGURATION);
    assertThat(config.err).contains("no 'source' column");
  }

  private List<String> withHeader(String header) {
    List<String> lines = new ArrayList<>(List.of(header));
    for (int i = 0; i < sources.size(); i++) lines.add(i + "," + sources.get(i));
    return lines;
  }

  private Job run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = CaptionCatalogJob.run(spark, args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Job(status, out.toString(), err.toString());
  }

  private static final class Job {
    final int status;
    final String out;
    final String err;

    Job(int status, String out, String err) {
      this.status = status;
      this.out = out;
      this.err = err;
    }

    @Override
    public String toString() {
      return "exit " + status + "\n--- out\n" + out + "--- err\n" + err;
    }
  }
}
