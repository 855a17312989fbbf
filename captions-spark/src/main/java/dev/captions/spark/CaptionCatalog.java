package dev.captions.spark;

import dev.captions.ConfigurationException;
import dev.captions.OutputNotWritableException;
import java.util.Arrays;
import java.util.Objects;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Captions a catalogue of videos as a Spark job: each video runs the ordinary {@link dev.captions.CaptionPipeline} on
 * an executor, with the providers discovered there.
 *
 * <pre>{@code
 * Dataset<Row> videos = spark.read().parquet("catalogue.parquet");       // a string column "source"
 * Dataset<Row> results = CaptionCatalog.caption(videos,
 *     CatalogOptions.builder("s3a://bucket/captions").formats(CaptionFormat.WEBVTT).build());
 * results.filter("status = 'failed'").show(false);
 * }</pre>
 *
 * <p><b>Sources</b> (column {@value #SOURCE_COLUMN}): local paths (which every executor must see, e.g. a shared
 * mount), {@code http(s)} URLs (given as is to providers that fetch URLs), or any Hadoop URI ({@code hdfs:},
 * {@code s3a:}, {@code gs:}, …), copied to the executor's local disk first. Duplicate sources are captioned once.
 *
 * <p><b>Outputs</b> go to {@code <output>/<stem>-<8 hex>/} (the hex is of the source, so equal file names in different
 * folders never collide), through Hadoop's {@code FileSystem}, each file written atomically (temporary name, then
 * rename), with the same names and contents as {@code captions caption} gives. A manifest {@code _captions.json},
 * written last, records the configuration hash ({@link CatalogOptions#configurationHash()} plus the providers
 * actually used); a video whose manifest matches and whose files are all there is {@code skipped}, writing nothing.
 * So a crashed or cancelled job is resumed by running it again.
 *
 * <p><b>Failures</b> stay in their row: one bad video never fails the job. A failed row gives the exception's class,
 * its {@code InvalidMediaException} reason, message, and whether retrying could help.
 *
 * <p><b>Secrets</b> are never part of the job's plan or closures: providers read their keys on the executor, from its
 * environment ({@code GEMINI_API_KEY}, …) or from the Spark configuration entry
 * {@code spark.captions.secret.<VARIABLE>} (e.g. {@code spark.captions.secret.GEMINI_API_KEY}), which Spark redacts
 * in its UI and logs; the latter reaches providers named in the options.
 *
 * <p><b>Monitoring:</b> the job runs in job group {@value #JOB_GROUP} with a description and call site naming the
 * catalogue, so the Spark UI's job and stage names say what runs; named accumulators count videos done, failed and
 * skipped and the media minutes captioned (see {@link CatalogRun}).
 *
 * <p>Not thread-safe per {@code SparkContext}: it sets the calling thread's job group and description while it runs.
 */
public final class CaptionCatalog {
  /** The input column holding each video's path, URI or URL. */
  public static final String SOURCE_COLUMN = "source";
  /** The Spark job group of a catalogue run (cancel it with {@code SparkContext.cancelJobGroup}). */
  public static final String JOB_GROUP = "captions-catalog";

  /**
   * The columns of the results, one row per video: {@code source}; {@code status} ({@code done}, {@code skipped},
   * {@code failed}); {@code spoken_language}; {@code outputs} (file URIs); {@code cue_count}; {@code quality} (the
   * shaping report's summary); {@code media_seconds}; {@code wall_seconds} (time spent on the row in this run);
   * {@code providers} (role → name: {@code media}, {@code transcriber}); and for failures {@code error_type} (the
   * exception's class name), {@code error_reason} (an {@code InvalidMediaException} reason, else null),
   * {@code error_message} and {@code retryable}.
   */
  public static final StructType RESULT_SCHEMA = ResultRows.SCHEMA;

  private CaptionCatalog() {}

  /**
   * Captions every video of {@code videos} and returns the results (see {@link #run} for what happens).
   *
   * @param videos a Dataset with a string column {@value #SOURCE_COLUMN}; other columns are ignored
   * @param options where and how to caption
   * @return one row per distinct source, in {@link #RESULT_SCHEMA}, computed and persisted
   * @throws ConfigurationException when {@code videos} has no string {@value #SOURCE_COLUMN} column
   * @throws OutputNotWritableException when the output directory cannot be created or written
   */
  public static Dataset<Row> caption(Dataset<Row> videos, CatalogOptions options) {
    return run(videos, options).results();
  }

  /**
   * Captions every video of {@code videos} now (this call runs the Spark job and blocks until it ends) and returns the
   * persisted results with the run's counters. If the Spark job itself fails or is cancelled (not a video: the
   * job), Spark's own exception propagates.
   *
   * @param videos a Dataset with a string column {@value #SOURCE_COLUMN}; other columns are ignored
   * @param options where and how to caption
   * @return the results and counters
   * @throws ConfigurationException when {@code videos} has no string {@value #SOURCE_COLUMN} column
   * @throws OutputNotWritableException when the output directory cannot be created or written
   */
  public static CatalogRun run(Dataset<Row> videos, CatalogOptions options) {
    Objects.requireNonNull(videos, "videos == null");
    Objects.requireNonNull(options, "options == null");
    StructType schema = videos.schema();
    if (!Arrays.asList(schema.fieldNames()).contains(SOURCE_COLUMN)) {
      throw new ConfigurationException("The catalogue has no '" + SOURCE_COLUMN + "' column (it has "
          + Arrays.toString(schema.fieldNames()) + "). Name the column holding each video's path or URL 'source'.");
    }
    if (!schema.apply(SOURCE_COLUMN).dataType().equals(DataTypes.StringType)) {
      throw new ConfigurationException("The catalogue's '" + SOURCE_COLUMN + "' column is "
          + schema.apply(SOURCE_COLUMN).dataType().simpleString() + "; it must be a string (a path or URL).");
    }
    SparkSession spark = videos.sparkSession();
    SparkContext sc = spark.sparkContext();
    OutputStore.checkWritable(options.outputDirectory(), sc.hadoopConfiguration());

    Dataset<Row> sources = videos.select(functions.col(SOURCE_COLUMN)).dropDuplicates();
    LongAccumulator done = sc.longAccumulator("captions: videos done");
    LongAccumulator failed = sc.longAccumulator("captions: videos failed");
    LongAccumulator skipped = sc.longAccumulator("captions: videos skipped");
    DoubleAccumulator minutes = sc.doubleAccumulator("captions: media minutes");
    Broadcast<HadoopConf> conf = JavaSparkContext.fromSparkContext(sc).broadcast(new HadoopConf(sc.hadoopConfiguration()));
    try {
      sc.setJobGroup(JOB_GROUP, "captions: counting the catalogue", true);
      sc.setCallSite("captions: count the catalogue");
      long count = sources.count();
      int partitions = options.partitions() > 0 ? options.partitions()
          : (int) Math.max(1, Math.min(count, 4L * sc.defaultParallelism()));
      String what = "captions: caption " + count + " videos into " + options.outputDirectory();
      sc.setJobGroup(JOB_GROUP, what + " (" + partitions + " tasks, at most " + options.maxConcurrentPerExecutor()
          + " at once per executor)", true);
      sc.setCallSite(what);
      Dataset<Row> results = sources.repartition(partitions)
          .mapPartitions(new VideoCaptioner(options, conf, done, failed, skipped, minutes), Encoders.row(RESULT_SCHEMA))
          .persist(StorageLevel.MEMORY_AND_DISK());
      results.count(); // runs the captioning now, once; later actions read the persisted rows
      return new CatalogRun(results, done, failed, skipped, minutes);
    } finally {
      sc.clearCallSite();
      sc.clearJobGroup();
    }
  }
}
