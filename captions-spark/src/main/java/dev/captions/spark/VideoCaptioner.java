package dev.captions.spark;

import dev.captions.CaptionPipeline;
import dev.captions.Captions;
import dev.captions.CaptionsException;
import dev.captions.InvalidMediaException;
import dev.captions.PipelineResult;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.MediaSource;
import dev.captions.shaping.StyleProfile;
import dev.captions.spi.ProviderConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor side of {@link CaptionCatalog}: captions each video of a partition with an ordinary
 * {@link CaptionPipeline} and returns one result row per video. A video that fails gives a {@code failed} row; only a
 * cancelled task (the job killed) ends the partition early.
 *
 * <p>Per video: its output directory is {@code <output>/<stem>-<8 hex of the source>} (so two videos called
 * {@code intro.mp4} in different folders do not collide); when its {@link Manifest} carries this run's configuration
 * and every file it lists is there, the video is {@code skipped} and nothing is written. Otherwise the old manifest is
 * removed, the pipeline writes into a local temporary directory, each file is copied in atomically through Hadoop's
 * {@code FileSystem}, and the new manifest is written last.
 */
final class VideoCaptioner implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(VideoCaptioner.class);
  /** A URI scheme of two or more characters (so a Windows drive letter is not one). */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:");

  private final CatalogOptions options;
  private final Broadcast<HadoopConf> hadoopConf;
  private final LongAccumulator done;
  private final LongAccumulator failed;
  private final LongAccumulator skipped;
  private final DoubleAccumulator mediaMinutes;

  VideoCaptioner(CatalogOptions options, Broadcast<HadoopConf> hadoopConf, LongAccumulator done,
      LongAccumulator failed, LongAccumulator skipped, DoubleAccumulator mediaMinutes) {
    this.options = options;
    this.hadoopConf = hadoopConf;
    this.done = done;
    this.failed = failed;
    this.skipped = skipped;
    this.mediaMinutes = mediaMinutes;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> sources) throws IOException {
    Path work = Files.createTempDirectory("captions-task-");
    try {
      Partition partition = new Partition(work, hadoopConf.value().get(), ExecutorResources.environment());
      List<Row> results = new ArrayList<>();
      while (sources.hasNext()) results.add(partition.caption(sources.next().getString(0)));
      return results.iterator();
    } finally {
      deleteRecursively(work);
    }
  }

  /** One partition's state: its pipelines (one per source kind, built on first use) and scratch directory. */
  private final class Partition {
    private final Path work;
    private final Configuration conf;
    private final Function<String, String> environment;
    private final Map<MediaSource.Kind, CaptionPipeline> pipelines = new EnumMap<>(MediaSource.Kind.class);
    private final Map<MediaSource.Kind, RuntimeException> buildErrors = new EnumMap<>(MediaSource.Kind.class);
    private final Semaphore permits = ExecutorResources.permits(options.maxConcurrentPerExecutor());

    Partition(Path work, Configuration conf, Function<String, String> environment) {
      this.work = work;
      this.conf = conf;
      this.environment = environment;
    }

    Row caption(String source) {
      long t0 = System.nanoTime();
      Path scratch = work.resolve("video");
      try {
        if (source == null || source.isBlank()) {
          throw new InvalidMediaException(InvalidMediaException.Reason.NOT_FOUND,
              "The catalogue has an empty source; give a path or URL in the 'source' column.");
        }
        Files.createDirectories(scratch);
        MediaSource media = resolve(source, scratch.resolve("in"));
        CaptionPipeline pipeline = pipeline(media.kind());
        Map<String, String> providers = providers(pipeline);
        String configuration = CatalogOptions.sha256(options.configurationHash() + "|" + providers);
        OutputStore store = OutputStore.open(new org.apache.hadoop.fs.Path(options.outputDirectory(),
            directoryName(source)), conf);

        Optional<Manifest> previous = store.readText(Manifest.FILE_NAME).flatMap(Manifest::parse);
        if (previous.isPresent() && previous.get().configuration.equals(configuration) && allPresent(store, previous.get())) {
          skipped.add(1);
          return ResultRows.finished(source, ResultRows.SKIPPED, previous.get(), uris(store, previous.get()), seconds(t0));
        }
        // From here on the directory is being rewritten: without a manifest, a crash leaves it to be redone.
        store.delete(Manifest.FILE_NAME);
        PipelineResult result = runLimited(pipeline, media);
        List<String> names = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        for (Path f : result.files()) {
          String name = f.getFileName().toString();
          uris.add(store.put(f, name));
          names.add(name);
        }
        Double mediaSeconds = result.mediaInfo().map(i -> i.durationMs() / 1000.0)
            .orElse(result.transcript().mediaDurationMs().isPresent()
                ? result.transcript().mediaDurationMs().getAsLong() / 1000.0 : null);
        Manifest manifest = new Manifest(configuration, source, result.captions().language(),
            result.captions().cues().size(), result.quality().summary(), mediaSeconds, names, providers);
        store.putText(Manifest.FILE_NAME, manifest.toJson());
        done.add(1);
        if (mediaSeconds != null) mediaMinutes.add(mediaSeconds / 60.0);
        LOG.info("Captioned {}: {} cues into {}", source, manifest.cueCount, store.directory());
        return ResultRows.finished(source, ResultRows.DONE, manifest, uris, seconds(t0));
      } catch (CancellationException e) {
        throw e; // the task is being killed: not this video's fault, and Spark must see it
      } catch (Exception e) {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("task interrupted");
        failed.add(1);
        LOG.warn("Could not caption {}: {}", source, e.toString());
        return ResultRows.failed(source, e, seconds(t0));
      } finally {
        deleteRecursively(scratch);
      }
    }

    private PipelineResult runLimited(CaptionPipeline pipeline, MediaSource media) {
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted while waiting for a free slot");
      }
      try {
        return pipeline.run(media);
      } finally {
        permits.release();
      }
    }

    /** The pipeline for sources of {@code kind}: discovery then picks only providers that can take them. */
    private CaptionPipeline pipeline(MediaSource.Kind kind) {
      RuntimeException error = buildErrors.get(kind);
      if (error != null) throw error;
      CaptionPipeline p = pipelines.get(kind);
      if (p != null) return p;
      try {
        p = newPipeline(kind);
        pipelines.put(kind, p);
        return p;
      } catch (RuntimeException e) {
        buildErrors.put(kind, e);
        throw e;
      }
    }

    private CaptionPipeline newPipeline(MediaSource.Kind kind) {
      CaptionPipeline.Builder b = Captions.pipeline()
          .outputs(work.resolve("out"), options.formats().toArray(new CaptionFormat[0]))
          .profile(StyleProfile.byName(options.profile()))
          .spokenLanguage(options.spokenLanguage())
          .translateTo(options.translateTo())
          .expectedSource(kind);
      options.transcriber().ifPresent(n -> b.transcriber(Captions.transcriber(n, config(n))));
      options.media().ifPresent(n -> {
        if (n.equals(CatalogOptions.NO_MEDIA)) b.withoutMediaProcessor();
        else b.mediaProcessor(Captions.mediaProcessor(n, config(n)));
      });
      options.translator().ifPresent(n -> b.translator(Captions.translator(n, config(n))));
      return b.build();
    }

    /** A named provider's configuration: its keys from this executor's environment or Spark configuration secrets. */
    private ProviderConfig config(String provider) {
      return ProviderConfig.builder(provider).environment(environment).build();
    }

    /** A local file as is; an http(s) URL for providers that fetch it; anything else copied here through Hadoop. */
    private MediaSource resolve(String source, Path localDir) throws IOException {
      String lower = source.toLowerCase(Locale.ROOT);
      if (lower.startsWith("http://") || lower.startsWith("https://")) return MediaSource.ofUrl(source);
      // A plain path (no "scheme:" prefix) is a local file as written, whatever characters its name has.
      if (!SCHEME.matcher(source).lookingAt()) return MediaSource.of(Paths.get(source));
      URI uri = new org.apache.hadoop.fs.Path(source).toUri();
      if ("file".equalsIgnoreCase(uri.getScheme())) return MediaSource.of(Paths.get(uri.getPath()));
      org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(uri);
      FileSystem fs = remote.getFileSystem(conf);
      if (!fs.exists(remote)) {
        throw new InvalidMediaException(InvalidMediaException.Reason.NOT_FOUND, "Not found: " + source + ". Check the path.");
      }
      Files.createDirectories(localDir);
      Path local = localDir.resolve(remote.getName());
      fs.copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(local.toUri()), true);
      return MediaSource.of(local);
    }
  }

  private static Map<String, String> providers(CaptionPipeline pipeline) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("media", pipeline.mediaProcessor().map(p -> p.name()).orElse(CatalogOptions.NO_MEDIA));
    m.put("transcriber", pipeline.transcriber().name());
    return m;
  }

  private static boolean allPresent(OutputStore store, Manifest m) throws IOException {
    for (String f : m.files) if (!store.exists(f)) return false;
    return true;
  }

  private static List<String> uris(OutputStore store, Manifest m) {
    List<String> uris = new ArrayList<>();
    for (String f : m.files) uris.add(store.uriOf(f));
    return uris;
  }

  /** {@code <stem>-<first 8 hex of SHA-256(source)>}, with characters outside {@code [A-Za-z0-9._-]} replaced. */
  static String directoryName(String source) {
    String name = source;
    int q = name.indexOf('?');
    if (q >= 0 && name.contains("://")) name = name.substring(0, q);
    while (name.endsWith("/")) name = name.substring(0, name.length() - 1);
    name = name.substring(name.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    if (dot > 0) name = name.substring(0, dot);
    name = name.replaceAll("[^A-Za-z0-9._-]", "_");
    if (name.length() > 80) name = name.substring(0, 80);
    if (name.isEmpty() || name.startsWith(".") || name.startsWith("_")) name = "video" + name;
    return name + "-" + CatalogOptions.sha256(source).substring(0, 8);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          LOG.debug("Could not delete {}", p, e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("Could not clean {}", dir, e);
    }
  }

  /** Whether trying the video again later could help: the exception says so; I/O trouble (storage, network) may pass. */
  static boolean retryable(Throwable e) {
    if (e instanceof CaptionsException) return ((CaptionsException) e).isRetryable();
    return e instanceof IOException || e instanceof UncheckedIOException;
  }
}
