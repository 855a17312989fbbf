package dev.captions.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.ConfigurationException;
import dev.captions.OutputNotWritableException;
import dev.captions.codec.CaptionFormat;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the catalogue behaves around the pipeline, with the {@link ProbeTranscriber} test double and no media processor
 * (so each video costs a few milliseconds): the per-executor bound, secrets, resume after a change of options, and
 * bad catalogues.
 */
class CaptionCatalogTest {
  @TempDir Path dir;
  final SparkSession spark = LocalSpark.session();

  @BeforeEach
  void reset() {
    ProbeTranscriber.reset();
  }

  @Test
  void atMostTheBoundOfVideosRunAtOncePerExecutor() throws Exception {
    Dataset<Row> videos = catalogue(files(8));
    CaptionCatalog.run(videos, probe(dir.resolve("out1")).partitions(4).maxConcurrentPerExecutor(1).build());
    assertThat(ProbeTranscriber.MAX_RUNNING.get()).as("with a bound of 1").isEqualTo(1);

    ProbeTranscriber.reset();
    CaptionCatalog.run(videos, probe(dir.resolve("out2")).partitions(4).maxConcurrentPerExecutor(2).build());
    assertThat(ProbeTranscriber.MAX_RUNNING.get()).as("with a bound of 2, local[2] runs two at once").isEqualTo(2);
  }

  @Test
  void keysComeFromTheExecutorsSparkConfigurationAndNeverTravelInThePlan() throws Exception {
    CatalogOptions options = probe(dir.resolve("out")).build();
    CatalogRun run = CaptionCatalog.run(catalogue(files(2)), options);
    assertThat(run.done()).isEqualTo(2);
    assertThat(ProbeTranscriber.KEYS_SEEN).as("the provider got its key on the executor").containsExactly(LocalSpark.PROBE_SECRET);

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
      o.writeObject(options);
    }
    assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).doesNotContain(LocalSpark.PROBE_SECRET);
    assertThat(options.toString()).doesNotContain(LocalSpark.PROBE_SECRET);
    assertThat(run.results().queryExecution().toString()).doesNotContain(LocalSpark.PROBE_SECRET);
    assertThat(spark.sparkContext().conf().toDebugString()).as("Spark redacts it where it shows its configuration")
        .contains(ExecutorResources.SECRET_PREFIX + ProbeTranscriber.KEY_VARIABLE);
  }

  @Test
  void changedOptionsCaptionAgainAndTheSameOptionsSkip() throws Exception {
    Dataset<Row> videos = catalogue(files(3));
    Path out = dir.resolve("out");
    CatalogRun vtt = CaptionCatalog.run(videos, probe(out).formats(CaptionFormat.WEBVTT).build());
    assertThat(vtt.done()).isEqualTo(3);
    CatalogRun both = CaptionCatalog.run(videos, probe(out).formats(CaptionFormat.WEBVTT, CaptionFormat.SRT).build());
    assertThat(both.done()).as("another format is another configuration").isEqualTo(3);
    for (Row r : both.results().collectAsList()) assertThat(r.getList(r.fieldIndex("outputs"))).hasSize(2);
    CatalogRun again = CaptionCatalog.run(videos, probe(out).formats(CaptionFormat.WEBVTT, CaptionFormat.SRT)
        .partitions(1).maxConcurrentPerExecutor(1).build());
    assertThat(again.skipped()).as("partitions and concurrency are not part of the configuration").isEqualTo(3);
    assertThat(again.done()).isZero();
  }

  @Test
  void aVideoWhoseOutputWasDeletedIsCaptionedAgain() throws Exception {
    Dataset<Row> videos = catalogue(files(2));
    CatalogOptions options = probe(dir.resolve("out")).build();
    Row first = CaptionCatalog.run(videos, options).results().collectAsList().get(0);
    Files.delete(Path.of(java.net.URI.create(first.<String>getList(first.fieldIndex("outputs")).get(1))));
    CatalogRun second = CaptionCatalog.run(videos, options);
    assertThat(second.done()).isEqualTo(1);
    assertThat(second.skipped()).isEqualTo(1);
  }

  @Test
  void sourcesMayBeFileUrisAndPathsWithSpacesAndColons() throws Exception {
    Path odd = Files.writeString(dir.resolve("clip one: two.wav"), "RIFF");
    Path plain = files(1).get(0);
    List<String> sources = List.of(odd.toString(), plain.toUri().toString());
    CatalogRun run = CaptionCatalog.run(spark.createDataset(sources, Encoders.STRING()).toDF("source"),
        probe(dir.resolve("out")).build());
    assertThat(run.results().collectAsList()).allSatisfy(r -> assertThat(r.<String>getAs("status")).as(r.toString()).isEqualTo("done"));
  }

  @Test
  void anUnknownProviderFailsEachRowSayingWhich() throws Exception {
    CatalogRun run = CaptionCatalog.run(catalogue(files(2)),
        CatalogOptions.builder(dir.resolve("out").toString()).transcriber("nope").media(CatalogOptions.NO_MEDIA).build());
    assertThat(run.failed()).isEqualTo(2);
    Row r = run.results().collectAsList().get(0);
    assertThat(r.<String>getAs("error_type")).isEqualTo(dev.captions.ProviderNotFoundException.class.getName());
    assertThat(r.<String>getAs("error_message")).contains("nope");
    assertThat(r.<Boolean>getAs("retryable")).isFalse();
  }

  @Test
  void aCatalogueWithoutAStringSourceColumnIsAConfigurationError() {
    Dataset<Row> noSource = spark.createDataset(List.of("a.mp4"), Encoders.STRING()).toDF("path");
    assertThatThrownBy(() -> CaptionCatalog.run(noSource, probe(dir.resolve("out")).build()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'source'").hasMessageContaining("path");
    Dataset<Row> numbers = spark.createDataset(List.of(1, 2), Encoders.INT()).toDF("source");
    assertThatThrownBy(() -> CaptionCatalog.run(numbers, probe(dir.resolve("out")).build()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("must be a string");
  }

  @Test
  void anOutputDirectoryThatIsAFileFailsBeforeAnyWork() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> CaptionCatalog.run(catalogue(files(1)), probe(file).build()))
        .isInstanceOf(OutputNotWritableException.class).hasMessageContaining("not-a-dir");
    assertThat(ProbeTranscriber.MAX_RUNNING.get()).isZero();
  }

  @Test
  void directoryNamesKeepTheStemAndTellEqualNamesApart() {
    String a = VideoCaptioner.directoryName("/data/a/intro.mp4");
    String b = VideoCaptioner.directoryName("/data/b/intro.mp4");
    assertThat(a).startsWith("intro-").hasSize("intro-".length() + 8).isNotEqualTo(b);
    assertThat(VideoCaptioner.directoryName("https://cdn.example/v/Talk%20one.mp4?sig=abc")).startsWith("Talk_20one-");
    assertThat(VideoCaptioner.directoryName("s3a://bucket/_hidden.mov")).startsWith("video_hidden-");
  }

  @Test
  void manifestsRoundTrip() {
    Manifest m = new Manifest("abc", "/v/a.mp4", "en", 3, "3 cues", 4.5, List.of("a.en.vtt"), Map.of("transcriber", "vosk"));
    Manifest back = Manifest.parse(m.toJson()).orElseThrow();
    assertThat(back.toJson()).isEqualTo(m.toJson());
    assertThat(Manifest.parse("{not json")).isEmpty();
    assertThat(Manifest.parse("[1]")).isEmpty();
  }

  private CatalogOptions.Builder probe(Path out) {
    return CatalogOptions.builder(out.toString()).transcriber(ProbeTranscriber.NAME).media(CatalogOptions.NO_MEDIA);
  }

  /** Small non-empty files: the probe transcriber never reads them, the pipeline only checks they exist. */
  private List<Path> files(int n) throws Exception {
    List<Path> files = new ArrayList<>();
    Files.createDirectories(dir.resolve("videos"));
    for (int i = 0; i < n; i++) files.add(Files.writeString(dir.resolve("videos").resolve("clip-" + i + ".wav"), "RIFF" + i));
    return files;
  }

  private Dataset<Row> catalogue(List<Path> files) {
    List<String> sources = new ArrayList<>();
    files.forEach(f -> sources.add(f.toString()));
    return spark.createDataset(sources, Encoders.STRING()).toDF(CaptionCatalog.SOURCE_COLUMN);
  }
}
