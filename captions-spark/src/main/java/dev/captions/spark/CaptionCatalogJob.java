package dev.captions.spark;

import dev.captions.CaptionsException;
import dev.captions.codec.CaptionFormat;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code spark-submit} entry point: captions the catalogue INPUT into OUTPUT_DIR and writes one result row per
 * video.
 *
 * <pre>
 * spark-submit --master local[*] --class dev.captions.spark.CaptionCatalogJob captions-spark-job.jar \
 *     videos.txt out/ --formats vtt,srt --results out/_results.json
 * </pre>
 *
 * <p>INPUT is a text file of paths/URLs (one per line; blank lines and {@code #} comments skipped) or a Parquet, CSV
 * (with a header) or JSON table with a {@code source} column, told apart by its extension or {@code --input-format}.
 * Exit codes: 0 when the job ran (failed videos are in the results, and counted on stdout), 2 usage error, 3 a
 * configuration error (no {@code source} column, output directory not writable, unknown profile), 1 anything else.
 */
@Command(name = "CaptionCatalogJob", mixinStandardHelpOptions = true, version = "captions-spark",
    description = "Caption every video of a catalogue on Spark: one result row per video (done, skipped, failed).")
public final class CaptionCatalogJob implements Callable<Integer> {
  /** Exit status when the job ran, whatever its videos' outcomes. */
  public static final int OK = 0;
  /** Exit status for an unexpected failure. */
  public static final int FAILURE = 1;
  /** Exit status for a command-line usage error. */
  public static final int USAGE = 2;
  /** Exit status for a configuration error (input without a source column, output not writable, …). */
  public static final int CONFIGURATION = 3;

  @Parameters(index = "0", paramLabel = "INPUT",
      description = "Text file of paths/URLs (one per line), or a Parquet/CSV/JSON table with a 'source' column.")
  String input;

  @Parameters(index = "1", paramLabel = "OUTPUT_DIR", description = "Where the captions go (a Hadoop path or URI).")
  String output;

  @Option(names = "--formats", split = ",", paramLabel = "FMT", defaultValue = "vtt,srt",
      description = "Caption formats: vtt, srt, json, ttml, ass (default: vtt,srt).")
  List<String> formats;

  @Option(names = "--languages", split = ",", paramLabel = "LANG",
      description = "The spoken language (or auto, the default), then languages to translate into: en,es,fr.")
  List<String> languages = new ArrayList<>();

  @Option(names = "--transcriber", paramLabel = "NAME", description = "Transcriber: vosk, gemini, openai, gcore.")
  String transcriber;

  @Option(names = "--media", paramLabel = "NAME", description = "Media processor: ffmpeg, ittybit, none.")
  String media;

  @Option(names = "--translator", paramLabel = "NAME", description = "Translator for translations: gemini, openai.")
  String translator;

  @Option(names = "--profile", paramLabel = "NAME", defaultValue = "netflix",
      description = "Caption style: netflix (default), netflix-children, bbc, dcmp.")
  String profile;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
      description = "Spark tasks to spread the videos over (default: from the catalogue size and the cluster).")
  int partitions;

  @Option(names = "--max-concurrent-per-executor", paramLabel = "N", defaultValue = "2",
      description = "At most N videos captioned at once per executor (default 2).")
  int maxConcurrent;

  @Option(names = "--results", paramLabel = "PATH",
      description = "Where the result rows go: a path ending in .parquet or .json (default: OUTPUT_DIR/_results.parquet).")
  String results;

  @Option(names = "--input-format", paramLabel = "FMT",
      description = "text, parquet, csv or json (default: from INPUT's extension; text otherwise).")
  String inputFormat;

  private SparkSession spark;
  private PrintWriter out;

  /**
   * Runs the job in the Spark session that {@code spark-submit} set up, then stops it; exits the JVM with the status
   * (see the class comment).
   *
   * @param args INPUT OUTPUT_DIR [options]; {@code --help} lists them
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    // Parse before starting Spark, so that --help and usage errors cost nothing.
    CommandLine cmd = new CommandLine(new CaptionCatalogJob()).setOut(out).setErr(err);
    try {
      if (CommandLine.printHelpIfRequested(cmd.parseArgs(args))) return;
    } catch (CommandLine.ParameterException e) {
      err.println("captions: " + e.getMessage());
      e.getCommandLine().usage(err);
      System.exit(USAGE);
    }
    SparkSession spark = SparkSession.builder().appName("captions catalogue").getOrCreate();
    int status;
    try {
      status = run(spark, args, out, err);
    } finally {
      spark.stop();
    }
    if (status != OK) System.exit(status);
  }

  /**
   * Runs the job in {@code spark} (left running) and returns the exit status; for embedding and tests.
   *
   * @param spark the session to run in
   * @param args INPUT OUTPUT_DIR [options]
   * @param out where the summary lines go
   * @param err where errors and usage go
   * @return the exit status: {@link #OK}, {@link #USAGE}, {@link #CONFIGURATION} or {@link #FAILURE}
   */
  public static int run(SparkSession spark, String[] args, PrintWriter out, PrintWriter err) {
    CaptionCatalogJob job = new CaptionCatalogJob();
    job.spark = spark;
    job.out = out;
    CommandLine cmd = new CommandLine(job).setOut(out).setErr(err);
    cmd.setExecutionExceptionHandler((e, c, p) -> {
      if (e instanceof CommandLine.ParameterException) {
        err.println("captions: " + e.getMessage());
        c.usage(err);
        return USAGE;
      }
      if (e instanceof CaptionsException) {
        err.println("captions: " + e.getMessage());
        return CONFIGURATION;
      }
      err.println("captions: unexpected failure: " + e);
      e.printStackTrace(err);
      return FAILURE;
    });
    cmd.setParameterExceptionHandler((e, a) -> {
      err.println("captions: " + e.getMessage());
      e.getCommandLine().usage(err);
      return USAGE;
    });
    return cmd.execute(args);
  }

  /** Runs the parsed command; for picocli. @return {@link #OK} (errors are thrown and mapped by {@link #run}) */
  @Override
  public Integer call() {
    CatalogOptions options = options();
    Dataset<Row> videos = readCatalogue();
    CatalogRun run = CaptionCatalog.run(videos, options);
    String resultsPath = results != null ? results : output.replaceAll("/+$", "") + "/_results.parquet";
    spark.sparkContext().setJobDescription("captions: write the results to " + resultsPath);
    try {
      // One file: a catalogue's results are small, and one file is what people open.
      var writer = run.results().coalesce(1).write().mode(SaveMode.Overwrite);
      if (resultsPath.toLowerCase(Locale.ROOT).replaceAll("/+$", "").endsWith(".json")) writer.json(resultsPath);
      else writer.parquet(resultsPath);
    } finally {
      spark.sparkContext().setJobDescription(null);
      run.results().unpersist();
    }
    out.printf(Locale.ROOT, "captions: %d done, %d skipped, %d failed; %.2f media minutes captioned%n",
        run.done(), run.skipped(), run.failed(), run.mediaMinutes());
    out.println("captions: results in " + resultsPath);
    return OK;
  }

  private CatalogOptions options() {
    CatalogOptions.Builder b = CatalogOptions.builder(output).transcriber(transcriber).media(media)
        .translator(translator).profile(profile).partitions(partitions).maxConcurrentPerExecutor(maxConcurrent);
    List<CaptionFormat> fmts = new ArrayList<>();
    for (String f : new LinkedHashSet<>(formats)) {
      try {
        fmts.add(f.contains(".") ? null : CaptionFormat.from(f.trim()));
      } catch (IllegalArgumentException e) {
        fmts.add(null);
      }
      if (fmts.get(fmts.size() - 1) == null) {
        throw new CommandLine.ParameterException(new CommandLine(this), "unknown caption format '" + f
            + "'; valid values: vtt, srt, json, ttml, ass");
      }
    }
    b.formats(fmts.toArray(new CaptionFormat[0]));
    if (!languages.isEmpty()) {
      b.spokenLanguage(languages.get(0));
      b.translateTo(languages.subList(1, languages.size()).toArray(new String[0]));
    }
    return b.build();
  }

  /** INPUT as a Dataset with a string column {@code source}. */
  private Dataset<Row> readCatalogue() {
    String format = inputFormat != null ? inputFormat.toLowerCase(Locale.ROOT) : formatOf(input);
    switch (format) {
      case "parquet":
        return spark.read().parquet(input);
      case "csv":
        return spark.read().option("header", "true").csv(input);
      case "json":
        return spark.read().json(input);
      case "text":
        return spark.read().text(input)
            .select(functions.trim(functions.col("value")).as(CaptionCatalog.SOURCE_COLUMN))
            .filter(functions.length(functions.col(CaptionCatalog.SOURCE_COLUMN)).gt(0)
                .and(functions.not(functions.col(CaptionCatalog.SOURCE_COLUMN).startsWith("#"))));
      default:
        throw new CommandLine.ParameterException(new CommandLine(this), "unknown input format '" + inputFormat
            + "'; valid values: text, parquet, csv, json");
    }
  }

  static String formatOf(String path) {
    String p = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    if (p.endsWith(".parquet")) return "parquet";
    if (p.endsWith(".csv")) return "csv";
    if (p.endsWith(".json") || p.endsWith(".jsonl") || p.endsWith(".ndjson")) return "json";
    return "text";
  }
}
