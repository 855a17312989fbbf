package dev.captions.chunking;

import dev.captions.AuthenticationException;
import dev.captions.CaptionsException;
import dev.captions.InvalidMediaException;
import dev.captions.InvalidMediaException.Reason;
import dev.captions.PipelineStage;
import dev.captions.ProgressEvent;
import dev.captions.ProgressListener;
import dev.captions.ProviderException;
import dev.captions.RateLimitException;
import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import dev.captions.model.Timecodes;
import dev.captions.model.Transcript;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-media engine: a {@link Transcriber} that cuts long audio into chunks at pauses, sized by what the wrapped
 * transcriber {@linkplain Transcriber#chunkLimits() declares}, transcribes them concurrently and stitches the results
 * back on the media's time line. Every transcriber (Vosk, OpenAI, Gemini) gets long media through this one engine;
 * the caption pipeline wraps its transcriber in it.
 *
 * <ul>
 *   <li><b>Input:</b> a 16-bit PCM WAV file (what {@code MediaProcessor.extractAudio} writes by default). Anything
 *       else, and any transcriber whose limits are {@linkplain ChunkLimits#splittable() unsplittable}, is handed to
 *       the wrapped transcriber unchanged.
 *   <li><b>Plan:</b> cuts in the middle of pauses of at least 300 ms (no word is cut), each chunk near the declared
 *       preferred length, shorter when that keeps every concurrent call busy, never over the declared maximum
 *       duration or upload size.
 *   <li><b>Upload:</b> each chunk is encoded as the first of the transcriber's accepted
 *       {@linkplain ChunkLimits#uploadFormats() formats} the {@linkplain Builder#mediaProcessor media processor}
 *       can write (e.g. MP3 at 0.18 MB per minute instead of WAV at 1.9), or sliced from the WAV without a copy.
 *       Chunks are encoded in order, {@linkplain Builder#encodingThreads one per processor} at a time, and each is
 *       sent as soon as it is encoded: the first requests are in flight while later chunks are still being encoded,
 *       and a resent chunk is not encoded again.
 *   <li><b>Concurrency:</b> at most {@link ChunkLimits#maxConcurrency()} chunks at once; the system property
 *       {@code captions.<provider>.maxConcurrency} (e.g. {@code captions.openai.maxConcurrency=4}) or
 *       {@link Builder#maxConcurrency} overrides it.
 *   <li><b>Failures:</b> a chunk whose failure {@linkplain CaptionsException#isRetryable() may pass} is sent again
 *       (after the provider's {@code Retry-After}, else 1 s, 2 s, …), up to {@link Builder#attempts} times; then the
 *       run stops with a {@link ChunkFailedException} naming the chunk, and the other chunks are cancelled.
 *       Authentication failures and bad input are thrown as they are.
 *   <li><b>Progress:</b> the fraction of the media's seconds transcribed, across chunks, with a message like
 *       {@code "00:42:10.000 of 02:00:00.000 transcribed (9/24 chunks)"}.
 *   <li><b>Cancellation:</b> interrupting the calling thread cancels every chunk in flight (their transcribers stop
 *       polling and cancel their jobs on interruption), waits for them to stop, deletes every temporary chunk file
 *       and throws {@link CancellationException} with the interrupt flag kept.
 * </ul>
 *
 * <p>Immutable and thread-safe; each call has its own threads and temporary directory.
 */
public final class ChunkedTranscriber implements Transcriber {
  /** The shortest chunk made only to keep concurrent calls busy (each call has a fixed cost). */
  static final long MIN_BUSY_CHUNK_MS = 30_000;
  /** Headroom under a byte limit: encoders' real sizes vary around their nominal bit rate. */
  static final double BYTE_LIMIT_HEADROOM = 0.9;

  private static final Logger LOG = LoggerFactory.getLogger(ChunkedTranscriber.class);
  private static final AtomicInteger THREAD_IDS = new AtomicInteger();

  private final Transcriber delegate;
  private final MediaProcessor media;
  private final int maxConcurrency;
  private final int attempts;
  private final Duration retryDelay;
  private final Path temporaryDirectory;
  private final int encodingThreads;

  private ChunkedTranscriber(Builder b) {
    this.delegate = b.delegate;
    this.media = b.media;
    this.encodingThreads = b.encodingThreads > 0 ? b.encodingThreads : Runtime.getRuntime().availableProcessors();
    this.attempts = b.attempts;
    this.retryDelay = b.retryDelay;
    this.temporaryDirectory = b.temporaryDirectory;
    int declared = delegate.chunkLimits().maxConcurrency();
    long configured = b.maxConcurrency > 0 ? b.maxConcurrency
        : ProviderConfig.fromEnvironment(delegate.name()).getLong("maxConcurrency", declared);
    if (configured < 1) {
      throw new dev.captions.ConfigurationException("captions." + delegate.name() + ".maxConcurrency must be >= 1, but is "
          + configured);
    }
    this.maxConcurrency = (int) Math.min(configured, 256);
  }

  /**
   * A builder for an engine around {@code delegate}.
   *
   * @param delegate the transcriber that gets the chunks; not a {@code ChunkedTranscriber}
   * @return a new builder
   * @throws NullPointerException when it is null
   * @throws IllegalArgumentException when it is already a {@code ChunkedTranscriber}
   */
  public static Builder builder(Transcriber delegate) {
    return new Builder(delegate);
  }

  /** {@return the wrapped transcriber} */
  public Transcriber delegate() {
    return delegate;
  }

  /** {@return how many chunks run at once: the declared bound, or its override} */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /** The wrapped transcriber's trust in its times: stitching keeps them as they are. */
  @Override
  public dev.captions.spi.TimingSource timingSource() {
    return delegate.timingSource();
  }

  /** The wrapped transcriber's name. */
  @Override
  public String name() {
    return delegate.name();
  }

  /** {@return whether the wrapped transcriber sends the prompt and vocabulary; every chunk gets them} */
  @Override
  public boolean usesPrompt() {
    return delegate.usesPrompt();
  }

  /** The wrapped transcriber's accepted sources. */
  @Override
  public Set<MediaSource.Kind> acceptedSources() {
    return delegate.acceptedSources();
  }

  /** The wrapped transcriber's limits. */
  @Override
  public ChunkLimits chunkLimits() {
    return delegate.chunkLimits();
  }

  /** The wrapped transcriber's limits for {@code options}. */
  @Override
  public ChunkLimits chunkLimits(TranscriptionOptions options) {
    return delegate.chunkLimits(options);
  }

  /** Whether the wrapped transcriber can label speakers. */
  @Override
  public boolean supportsSpeakers() {
    return delegate.supportsSpeakers();
  }

  /**
   * {@return the upload format chunks are sent in: the first accepted format that is PCM WAV (sliced here) or that
   * the media processor can write}
   */
  public AudioOptions.Format uploadFormat() {
    for (AudioOptions.Format f : delegate.chunkLimits().uploadFormats()) {
      if (f == AudioOptions.Format.WAV_16K_MONO) return f;
      if (media != null && media.supports(MediaOperation.EXTRACT_AUDIO) && media.audioFormats().contains(f)
          && media.acceptedSources().contains(MediaSource.Kind.FILE)) {
        return f;
      }
    }
    return AudioOptions.Format.WAV_16K_MONO;
  }

  /**
   * Transcribes {@code audio}, in concurrent chunks when it is a PCM WAV file and the transcriber is splittable, else
   * in one call to the wrapped transcriber.
   *
   * @throws ChunkFailedException naming the chunk when one could not be transcribed
   * @throws InvalidMediaException when the audio cannot be read
   * @throws CancellationException when the calling thread is interrupted
   */
  @Override
  public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
    Objects.requireNonNull(audio, "audio == null");
    Objects.requireNonNull(options, "options == null");
    options.checkSpeakersSupported(delegate);
    ChunkLimits limits = delegate.chunkLimits(options);
    if (!limits.splittable() || !audio.isFile() || !PcmWav.looksLikeWav(audio.path())) {
      return delegate.transcribe(audio, options);
    }
    PcmWav wav = PcmWav.open(audio.path());
    AudioOptions.Format format = uploadFormat();
    // Speaker labels hold within one request only: diarising runs take the fewest chunks the limits allow.
    List<Chunk> chunks = plan(wav, limits, format, options.speakers());
    if (options.speakers() && chunks.size() > 1) {
      LOG.warn("{}: {} ms of audio needs {} requests; speaker labels are per request, so each chunk's are kept apart "
          + "(\"A (part 2)\"): name them with speakerNames", name(), wav.durationMs(), chunks.size());
    }
    LOG.debug("{}: {} ms of audio in {} chunks as {} ({} at once)", name(), wav.durationMs(), chunks.size(), format,
        Math.min(maxConcurrency, chunks.size()));
    return new Run(wav, format, chunks, options).call();
  }

  /** The chunk plan for {@code wav} under {@code limits}, uploaded as {@code format}. */
  List<Chunk> plan(PcmWav wav, ChunkLimits limits, AudioOptions.Format format) {
    return plan(wav, limits, format, false);
  }

  /**
   * The chunk plan; with {@code fewestChunks} chunks are not shortened to keep every concurrent slot busy (for
   * diarisation, whose labels hold within one request only).
   */
  List<Chunk> plan(PcmWav wav, ChunkLimits limits, AudioOptions.Format format, boolean fewestChunks) {
    long duration = wav.durationMs();
    long maxMs = limits.maxDurationMs().orElse(0);
    if (limits.maxBytes().isPresent()) {
      double bytesPerMs = format == AudioOptions.Format.WAV_16K_MONO ? wav.bytesPerMs() : maxBytesPerMs(format);
      long bySize = (long) ((limits.maxBytes().getAsLong() * BYTE_LIMIT_HEADROOM - 1024) / bytesPerMs);
      maxMs = maxMs == 0 ? bySize : Math.min(maxMs, bySize);
    }
    long target = limits.preferredChunkMs();
    if (maxConcurrency > 1 && !fewestChunks) {
      long busy = Math.max(MIN_BUSY_CHUNK_MS, (duration + maxConcurrency - 1) / maxConcurrency);
      target = target == 0 ? busy : Math.min(target, busy);
    }
    if (target == 0 && maxMs == 0) return ChunkPlanner.plan(new float[0], duration, 0, 0, 0);
    return ChunkPlanner.plan(wav.levels(), duration, target, maxMs, limits.leadInMs());
  }

  /** The most bytes per millisecond an encoding may take for 16 kHz mono speech (its size estimate when planning). */
  static double maxBytesPerMs(AudioOptions.Format format) {
    switch (format) {
      case OGG_OPUS:
        return 4.0; // 24 kbit/s = 3 bytes/ms, plus Ogg pages and VBR peaks
      case MP3_16K_MONO:
        return 3.2; // a constant 24 kbit/s = 3 bytes/ms, plus the ID3 and Info frames
      case AAC:
        return 17.0; // 128 kbit/s
      case MP3:
        return 40.0; // VBR, up to 320 kbit/s
      default:
        return 32.0; // FLAC never exceeds 16-bit PCM by more than its frame headers
    }
  }

  @Override
  public String toString() {
    return "ChunkedTranscriber{" + delegate.name() + ", maxConcurrency=" + maxConcurrency + ", attempts=" + attempts + '}';
  }

  /** One transcribe call: its chunks, threads, temporary files and progress. */
  private final class Run {
    private final PcmWav wav;
    private final AudioOptions.Format format;
    private final List<Chunk> chunks;
    private final TranscriptionOptions options;
    private final long[] chunkDoneMs;
    private long doneMs;
    private int chunksDone;
    private int lastPercent = -1;
    private Path tempDir;
    /** Each chunk's encoded file, in chunk order, when chunks are uploaded compressed (empty for WAV slices). */
    private final List<Future<Path>> encoded = new ArrayList<>();
    /** The first chunk failure: what the run throws, even when a chunk it stopped is reported first. */
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Run(PcmWav wav, AudioOptions.Format format, List<Chunk> chunks, TranscriptionOptions options) {
      this.wav = wav;
      this.format = format;
      this.chunks = chunks;
      this.options = options;
      this.chunkDoneMs = new long[chunks.size()];
    }

    Transcript call() {
      report(0);
      int threads = Math.min(maxConcurrency, chunks.size());
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "captions-chunk-" + name() + "-" + THREAD_IDS.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      CompletionService<Integer> done = new ExecutorCompletionService<>(pool);
      List<Future<Integer>> futures = new ArrayList<>(chunks.size());
      Transcript[] parts = new Transcript[chunks.size()];
      ExecutorService encoders = null;
      try {
        if (format != AudioOptions.Format.WAV_16K_MONO) {
          tempDir = temporaryDirectory == null ? Files.createTempDirectory("captions-chunks-")
              : Files.createTempDirectory(Files.createDirectories(temporaryDirectory), "captions-chunks-");
          // Encoding is CPU-bound and requests mostly wait: encoding runs ahead on its own few threads, in chunk
          // order, so that each chunk goes out as soon as it is ready instead of after every chunk is encoded.
          encoders = Executors.newFixedThreadPool(Math.min(encodingThreads, chunks.size()), r -> {
            Thread t = new Thread(r, "captions-encode-" + name() + "-" + THREAD_IDS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
          for (Chunk chunk : chunks) {
            encoded.add(encoders.submit(() -> {
              if (failure.get() != null) throw new CancellationException("another chunk failed");
              return encode(chunk);
            }));
          }
        }
        for (Chunk chunk : chunks) {
          futures.add(done.submit(() -> {
            // After one chunk failed, chunks not yet started are not sent (the run fails anyway).
            if (failure.get() != null) throw new CancellationException("another chunk failed");
            try {
              parts[chunk.index()] = transcribeChunk(chunk);
            } catch (RuntimeException | Error e) {
              failure.compareAndSet(null, e);
              throw e;
            }
            return chunk.index();
          }));
        }
        for (int i = 0; i < chunks.size(); i++) {
          Future<Integer> f = done.take();
          int index = f.get();
          chunkFinished(index);
        }
        return Stitcher.stitch(chunks, List.of(parts), wav.durationMs());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        CancellationException c = new CancellationException("cancelled while transcribing " + chunks.size() + " chunks");
        c.initCause(e);
        throw c;
      } catch (ExecutionException e) {
        Throwable cause = failure.get() != null ? failure.get() : e.getCause();
        if (cause instanceof RuntimeException) throw (RuntimeException) cause;
        if (cause instanceof Error) throw (Error) cause;
        throw new ProviderException(name(), "chunk transcription failed: " + cause, cause);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a temporary directory for audio chunks: " + e.getMessage(), e);
      } finally {
        for (Future<Integer> f : futures) f.cancel(true);
        for (Future<Path> f : encoded) f.cancel(true);
        pool.shutdownNow();
        if (encoders != null) encoders.shutdownNow();
        awaitQuietly(pool);
        if (encoders != null) awaitQuietly(encoders);
        deleteTree(tempDir);
      }
    }

    /** Transcribes one chunk: waits for its encoding (if any), sends it with retries, deletes its encoded file. */
    private Transcript transcribeChunk(Chunk chunk) {
      if (format == AudioOptions.Format.WAV_16K_MONO) return transcribeWithRetries(chunk, null);
      Path file = awaitEncoded(chunk);
      try {
        LOG.debug("{}: sending {}", name(), chunk);
        return transcribeWithRetries(chunk, file);
      } finally {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.debug("could not delete {}: {}", file, e.toString());
        }
      }
    }

    /** Encodes {@code chunk} in the upload format into the run's temporary directory; returns the file. */
    private Path encode(Chunk chunk) {
      Path file = tempDir.resolve(String.format(Locale.ROOT, "chunk-%04d.%s", chunk.index(), format.extension()));
      MediaRef ref = media.extractAudio(MediaSource.of(wav.file()),
          AudioOptions.of(format).withRange(chunk.audioStartMs(), chunk.endMs()).withOutput(file));
      LOG.debug("{}: {} encoded", name(), chunk);
      return ref.source().path();
    }

    private Path awaitEncoded(Chunk chunk) {
      try {
        return encoded.get(chunk.index()).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        CancellationException c = new CancellationException("cancelled while " + chunk + " was being encoded");
        c.initCause(e);
        throw c;
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof CancellationException || cause instanceof InvalidMediaException) throw (RuntimeException) cause;
        if (cause instanceof Error) throw (Error) cause;
        throw new ChunkFailedException(name(), chunk, 0, cause);
      }
    }

    /** @param file the encoded chunk, or null to send a WAV slice */
    private Transcript transcribeWithRetries(Chunk chunk, Path file) {
      for (int attempt = 1; ; attempt++) {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException("cancelled");
        try {
          return transcribeOnce(chunk, file);
        } catch (CancellationException | AuthenticationException | InvalidMediaException e) {
          throw e;
        } catch (CaptionsException e) {
          if (!e.isRetryable() || attempt >= attempts) {
            if (e instanceof ProviderException || attempt > 1) throw new ChunkFailedException(name(), chunk, attempt, e);
            throw e;
          }
          Duration wait = e instanceof RateLimitException
              ? ((RateLimitException) e).retryAfter().orElse(backoff(attempt)) : backoff(attempt);
          LOG.info("{}: {} failed ({}); sending it again in {} ms (attempt {} of {})", name(), chunk, e.getMessage(),
              wait.toMillis(), attempt + 1, attempts);
          sleep(wait);
        } catch (RuntimeException e) {
          throw new ChunkFailedException(name(), chunk, attempt, e);
        }
      }
    }

    private Duration backoff(int attempt) {
      long ms = retryDelay.toMillis() << Math.min(10, attempt - 1);
      return Duration.ofMillis(Math.min(ms, 60_000));
    }

    private Transcript transcribeOnce(Chunk chunk, Path file) {
      long audioMs = chunk.endMs() - chunk.audioStartMs();
      TranscriptionOptions chunkOptions = options.toBuilder().mediaDurationMs(audioMs)
          .progress(e -> chunkProgress(chunk, e.fraction())).build();
      if (file != null) return delegate.transcribe(MediaSource.of(file).withMimeType(format.mimeType()), chunkOptions);
      String name = String.format(Locale.ROOT, "chunk-%04d.%s", chunk.index(), format.extension());
      try (InputStream in = wav.slice(chunk.audioStartMs(), chunk.endMs())) {
        return delegate.transcribe(MediaSource.of(in, name, format.mimeType()), chunkOptions);
      } catch (IOException e) {
        throw new InvalidMediaException(Reason.UNREADABLE, "cannot read " + wav.file() + ": " + e.getMessage(), e);
      }
    }

    private synchronized void chunkProgress(Chunk chunk, double fraction) {
      if (Double.isNaN(fraction)) return;
      long ms = (long) (chunk.durationMs() * Math.max(0, Math.min(1, fraction)));
      if (ms > chunkDoneMs[chunk.index()]) {
        doneMs += ms - chunkDoneMs[chunk.index()];
        chunkDoneMs[chunk.index()] = ms;
        report(doneMs);
      }
    }

    private synchronized void chunkFinished(int index) {
      Chunk chunk = chunks.get(index);
      doneMs += chunk.durationMs() - chunkDoneMs[index];
      chunkDoneMs[index] = chunk.durationMs();
      chunksDone++;
      report(doneMs);
    }

    /** Reports media seconds done, once per whole percent (and for every finished chunk). */
    private void report(long ms) {
      long total = Math.max(1, wav.durationMs());
      int percent = (int) (ms * 100 / total);
      if (percent <= lastPercent && ms < total) return;
      lastPercent = percent;
      ProgressListener listener = options.progress();
      try {
        listener.onProgress(ProgressEvent.of(PipelineStage.TRANSCRIBE, (double) ms / total,
            Timecodes.format(ms) + " of " + Timecodes.format(wav.durationMs()) + " transcribed (" + chunksDone + "/"
                + chunks.size() + " chunks)"));
      } catch (RuntimeException e) {
        LOG.warn("Progress listener failed; ignored", e);
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException c = new CancellationException("cancelled");
      c.initCause(e);
      throw c;
    }
  }

  /** Waits for chunk threads to stop, so that no call outlives the run; keeps the interrupt flag. */
  private static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = Thread.interrupted();
    try {
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) LOG.warn("chunk threads did not stop within 30 s");
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) return;
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("could not delete temporary audio chunks in {}: {}", dir, e.toString());
    }
  }

  /** Builds a {@link ChunkedTranscriber}. Not thread-safe. */
  public static final class Builder {
    private final Transcriber delegate;
    private MediaProcessor media;
    private int maxConcurrency;
    private int attempts = 3;
    private Duration retryDelay = Duration.ofSeconds(1);
    private Path temporaryDirectory;
    private int encodingThreads;

    private Builder(Transcriber delegate) {
      this.delegate = Objects.requireNonNull(delegate, "delegate == null");
      if (delegate instanceof ChunkedTranscriber) {
        throw new IllegalArgumentException("the transcriber is already a ChunkedTranscriber");
      }
    }

    /**
     * Sets the media processor that encodes chunks in a compressed upload format.
     *
     * @param media the processor; null (the default) sends PCM WAV slices
     * @return this builder
     */
    public Builder mediaProcessor(MediaProcessor media) {
      this.media = media;
      return this;
    }

    /**
     * Sets how many chunks run at once, overriding the declared bound and {@code captions.<provider>.maxConcurrency}.
     *
     * @param maxConcurrency the bound; 0 (the default) keeps the declared one or its override
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 0) throw new IllegalArgumentException("maxConcurrency must be >= 0, but is " + maxConcurrency);
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /**
     * Sets how many times a chunk is sent before the run fails (default 3).
     *
     * @param attempts the attempts, at least 1
     * @return this builder
     * @throws IllegalArgumentException when less than 1
     */
    public Builder attempts(int attempts) {
      if (attempts < 1) throw new IllegalArgumentException("attempts must be >= 1, but is " + attempts);
      this.attempts = attempts;
      return this;
    }

    /**
     * Sets the wait before the first resend, doubled for each further one (default 1 s).
     *
     * @param retryDelay the wait; not negative
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder retryDelay(Duration retryDelay) {
      Objects.requireNonNull(retryDelay, "retryDelay == null");
      if (retryDelay.isNegative()) throw new IllegalArgumentException("retryDelay must not be negative");
      this.retryDelay = retryDelay;
      return this;
    }

    /**
     * Sets where encoded chunks are written (each call makes and deletes its own directory there).
     *
     * @param temporaryDirectory the directory; null for the system's temporary directory
     * @return this builder
     */
    public Builder temporaryDirectory(Path temporaryDirectory) {
      this.temporaryDirectory = temporaryDirectory;
      return this;
    }

    /**
     * Sets how many chunks are encoded at once when chunks are uploaded compressed (each encoding is one media
     * processor call, e.g. an FFmpeg process, and uses about one processor).
     *
     * @param encodingThreads the bound; 0 (the default) for the number of available processors
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder encodingThreads(int encodingThreads) {
      if (encodingThreads < 0) throw new IllegalArgumentException("encodingThreads must be >= 0, but is " + encodingThreads);
      this.encodingThreads = encodingThreads;
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine
     * @throws dev.captions.ConfigurationException when {@code captions.<provider>.maxConcurrency} is not a positive
     *     whole number
     */
    public ChunkedTranscriber build() {
      return new ChunkedTranscriber(this);
    }
  }
}
