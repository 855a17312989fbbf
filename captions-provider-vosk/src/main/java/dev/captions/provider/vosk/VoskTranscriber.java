package dev.captions.provider.vosk;

import dev.captions.ConfigurationException;
import dev.captions.PipelineStage;
import dev.captions.ProgressEvent;
import dev.captions.ProgressListener;
import dev.captions.ProviderTimeoutException;
import dev.captions.chunking.ChunkLimits;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vosk.Model;

/**
 * Offline speech recognition with <a href="https://alphacephei.com/vosk/">Vosk</a>: no key, no network.
 *
 * <p><b>Input:</b> a 16 kHz mono 16-bit PCM WAV file or stream, which the caption pipeline's ffmpeg media processor
 * extracts from any media; anything else is an {@link dev.captions.InvalidMediaException} saying so.
 *
 * <p><b>Model:</b> a model directory set with {@link Builder#modelDirectory} (any unpacked model from
 * https://alphacephei.com/vosk/models); by default the small US English model that
 * {@code dev.captions:captions-vosk-model-en} puts on the class path (made from Maven Central's
 * {@code com.alphacephei:vosk-model-en:0.3.45}), extracted once to
 * {@code ~/.cache/captions/vosk/vosk-model-en-us-0.3.45/} (under {@code $XDG_CACHE_HOME} when set; under
 * {@code java.io.tmpdir} when the home cache cannot be written). {@link #checkReady()} finds the model and the native
 * library when the caption pipeline is built, so a missing model fails before any media work. The native library and
 * each model are loaded once per JVM, on the first {@link #transcribe} call, and shared by all instances.
 *
 * <p><b>Speed:</b> one call decodes its audio with one recogniser. Long audio goes through the long-media engine
 * ({@link dev.captions.chunking.ChunkedTranscriber}, which the caption pipeline applies): it is cut at pauses into
 * chunks of about {@link Builder#chunkDuration} (shorter when that keeps every {@link Builder#threads thread} busy),
 * decoded in parallel and put back on the file's time line. Each recogniser first hears the 3 s before its chunk to
 * adapt to the voice, and the engine drops the words it finds there ({@link #chunkLimits()}).
 *
 * <p><b>Output:</b> timed words with Vosk's confidences, made readable: a pause of at least
 * {@link Builder#sentencePause} ends a sentence (full stop, then a capital), "i"/"i'm"/"i'll" become "I"/"I'm"/"I'll".
 * Silence gives an empty transcript.
 *
 * <p><b>Threading:</b> immutable and thread-safe. {@link #transcribe} blocks; interrupting the calling thread stops
 * all decoding and throws {@link CancellationException} with the interrupt flag kept.
 */
public final class VoskTranscriber implements Transcriber {
  /** The name this transcriber is selected by. */
  public static final String NAME = "vosk";

  /**
   * Long enough that a recogniser's warm-up (seconds of CPU for its decoding graph's caches) is a small share. A
   * chunk's length costs no heap: its stream is decoded as it is read, a block at a time.
   */
  static final Duration DEFAULT_CHUNK = Duration.ofMinutes(10);
  // Vosk's word end times run into the following silence, so a 700 ms pause between sentences measures ~600 ms
  // between words; 500 ms still sits well above the gaps between words inside a sentence (< 300 ms).
  static final Duration DEFAULT_SENTENCE_PAUSE = Duration.ofMillis(500);
  /** Audio before a chunk that its recogniser hears first, to adapt, without keeping its words. */
  static final long WARM_UP_MS = 3_000;

  /** The language of the default model ({@link ClassPathModel#DEFAULT_NAME}). */
  static final String DEFAULT_LANGUAGE = "en";

  private static final Logger LOG = LoggerFactory.getLogger(VoskTranscriber.class);
  private static final Pattern MODEL_NAME_LANGUAGE = Pattern.compile("vosk-model-(?:small-)?([a-z]{2,3})(?:-|$)");

  private final Path modelDirectory;
  private final Path cacheDirectory;
  private final boolean cacheDirectoryConfigured;
  private final String language;
  private final int threads;
  private final Duration chunkDuration;
  private final Duration sentencePause;
  /** A Vosk grammar restricting what is heard (the aligner's transcript vocabulary), or null. */
  private final String grammar;
  private final DecoderSettings decoderSettings;

  private VoskTranscriber(Builder b) {
    this.modelDirectory = b.modelDirectory;
    this.cacheDirectoryConfigured = b.cacheDirectory != null;
    this.cacheDirectory = b.cacheDirectory != null ? b.cacheDirectory : ClassPathModel.defaultCacheRoot(System::getenv);
    this.language = b.language != null ? b.language
        : b.modelDirectory == null ? DEFAULT_LANGUAGE : languageFromModelName(b.modelDirectory);
    this.threads = b.threads > 0 ? b.threads : Runtime.getRuntime().availableProcessors();
    this.chunkDuration = b.chunkDuration;
    this.sentencePause = b.sentencePause;
    this.grammar = b.grammar;
    this.decoderSettings = b.decoderSettings;
  }

  /** {@return a transcriber with the default English model (from the class path) and default settings} */
  public static VoskTranscriber create() {
    return builder().build();
  }

  /**
   * A builder with the defaults (the bundled English model).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this transcriber's settings.
   *
   * @return the builder
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.modelDirectory = modelDirectory;
    b.cacheDirectory = cacheDirectoryConfigured ? cacheDirectory : null;
    b.language = language;
    b.threads = threads;
    b.chunkDuration = chunkDuration;
    b.sentencePause = sentencePause;
    b.grammar = grammar;
    b.decoderSettings = decoderSettings;
    return b;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Local files and streams; a URL must be downloaded first. */
  @Override
  public Set<MediaSource.Kind> acceptedSources() {
    return EnumSet.of(MediaSource.Kind.FILE, MediaSource.Kind.STREAM);
  }

  /** {@return the configured model directory, or empty for the default English model from the class path} */
  public Optional<Path> modelDirectory() {
    return Optional.ofNullable(modelDirectory);
  }

  /**
   * Where the default model is extracted: {@code <cacheDirectory>/vosk-model-en-us-0.3.45}. When this is the default
   * per-user cache and it cannot be written, {@code <java.io.tmpdir>/captions-<user>/vosk} is used instead.
   *
   * @return the directory
   */
  public Path cacheDirectory() {
    return cacheDirectory;
  }

  /** {@return the model's language as BCP-47, {@code "und"} when unknown; transcripts carry it} */
  public String language() {
    return language;
  }

  /**
   * The decoder threads.
   *
   * @return the thread count; {@code 0} for one per available processor
   */
  public int threads() {
    return threads;
  }

  /**
   * The length long audio is cut into by the long-media engine.
   *
   * @return the duration; {@link Duration#ZERO} for one recogniser for the whole file
   */
  public Duration chunkDuration() {
    return chunkDuration;
  }

  /**
   * The pause that ends a sentence.
   *
   * @return the pause; never null
   */
  public Duration sentencePause() {
    return sentencePause;
  }

  /**
   * Loads the native library and the model now rather than on the first {@link #transcribe} call (extracting the
   * default model first if needed). Blocks for a few seconds the first time in a JVM; cheap afterwards.
   *
   * @return the model directory in use
   */
  public Path preload() {
    Path dir = resolveModelDirectory();
    VoskModels.get(loadDirectory(dir));
    return dir;
  }

  /**
   * The decoder settings the model is loaded with.
   *
   * @return the settings; never null
   */
  public DecoderSettings decoderSettings() {
    return decoderSettings;
  }

  /**
   * Checks that the model and the Vosk native library are there, without loading the model: a configured model
   * directory must look like one; the default model must be on the class path, and is extracted to the cache now if
   * it is not there yet (about a second, once per machine). The caption pipeline calls this from {@code build()}.
   *
   * @throws ConfigurationException when the model is missing (naming {@code dev.captions:captions-vosk-model-en} and
   *     {@code captions.vosk.model}), is not a model directory, or cannot be extracted to any cache directory
   * @throws dev.captions.ProviderException when the native library cannot be loaded on this platform
   */
  @Override
  public void checkReady() {
    loadDirectory(resolveModelDirectory());
    VoskModels.loadNativeLibrary();
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code options.language()}, when given, must match the model's language; the timeout, when given, bounds the
   * decoding (not the first model load). Progress reports the fraction of the audio decoded, from decoder threads; for a
   * stream whose WAV header does not give its length (ffmpeg writing to a pipe) the fraction is unknown
   * ({@code NaN}) until the end, and the events say how much audio has been decoded so far.
   */
  @Override
  public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
    Objects.requireNonNull(audio, "audio == null");
    Objects.requireNonNull(options, "options == null");
    options.checkSpeakersSupported(this); // Vosk has no diarisation: refused, not ignored
    checkLanguage(options);
    WavAudio.Samples samples = WavAudio.open(audio); // a file is mapped; a stream has only its header read here
    Path dir = resolveModelDirectory();
    Model model = VoskModels.get(loadDirectory(dir));
    if (Thread.currentThread().isInterrupted()) throw new CancellationException("cancelled");

    Progress progress = new Progress(options.progress(), samples.announcedCount());
    long started = System.nanoTime();
    Duration timeout = options.timeout().orElse(null);
    long deadline = timeout == null ? Long.MAX_VALUE : started + timeout.toNanos();
    Thread caller = Thread.currentThread();
    List<TimedWord> words;
    try {
      words = ChunkDecoder.decode(model, decoderSettings, grammar, samples, progress::add, () -> {
        if (System.nanoTime() > deadline) {
          throw new ProviderTimeoutException(NAME, "decoding did not finish within " + timeout, null, timeout, null);
        }
        return caller.isInterrupted();
      });
    } catch (CancellationException e) {
      caller.interrupt(); // keep the flag: the decoder stopped because it was set
      throw e;
    }
    LOG.debug("Decoded {} ({} ms of audio) in {} ms", samples.name(), samples.readMs(),
        (System.nanoTime() - started) / 1_000_000);
    progress.finish();

    words.sort(Comparator.comparingLong(TimedWord::startMs));
    boolean english = language.equals("en") || language.startsWith("en-");
    return Transcript.builder()
        .words(new SentenceFormatter(sentencePause.toMillis(), english).format(words))
        .language(language)
        .mediaDurationMs(samples.readMs()) // what was decoded: a streamed header may not say
        .providerMetadata(Map.of("model", String.valueOf(dir.getFileName())))
        .build();
  }

  /**
   * Chunks of about {@link Builder#chunkDuration} (none with {@link Duration#ZERO}), {@link Builder#threads} at once,
   * each heard with the 3 s before it, as 16 kHz mono PCM WAV.
   *
   * @return the limits the long-media engine cuts by
   */
  @Override
  public ChunkLimits chunkLimits() {
    if (chunkDuration.isZero()) return ChunkLimits.unchunked();
    return ChunkLimits.builder().preferredChunkMs(chunkDuration.toMillis()).maxConcurrency(threads)
        .leadInMs(WARM_UP_MS).uploadFormats(AudioOptions.Format.WAV_16K_MONO).build();
  }

  /** The directory Vosk loads: the model's own, or an overlay of it with the {@link DecoderSettings} written in. */
  private Path loadDirectory(Path model) {
    return ModelOverlay.of(model, decoderSettings.kaldiOptions(), cacheRoots());
  }

  private List<Path> cacheRoots() {
    return cacheDirectoryConfigured ? List.of(cacheDirectory)
        : List.of(cacheDirectory, ClassPathModel.temporaryCacheRoot());
  }

  /** The configured model directory (checked), else the default model from the class path, extracted. */
  private Path resolveModelDirectory() {
    if (modelDirectory != null) {
      VoskModels.checkModelDirectory(modelDirectory);
      return modelDirectory;
    }
    ClassPathModel model = ClassPathModel.find(ClassPathModel.DEFAULT_NAME)
        .orElseThrow(() -> ClassPathModel.missing(ClassPathModel.DEFAULT_NAME));
    return model.extract(cacheRoots());
  }

  private void checkLanguage(TranscriptionOptions options) {
    Optional<String> asked = options.language();
    if (asked.isEmpty() || language.equals("und")) return;
    String want = primary(asked.get());
    if (!want.equals(primary(language))) {
      throw new ConfigurationException("The Vosk model " + (modelDirectory == null ? "(default, English)"
          : modelDirectory.toString()) + " recognises '" + language + "' but '" + asked.get() + "' was asked."
          + " Download a '" + want + "' model from https://alphacephei.com/vosk/models and set captions.vosk.model"
          + " (or VOSK_MODEL) to its directory, or ask for language 'auto'.");
    }
  }

  private static String primary(String bcp47) {
    String lower = bcp47.toLowerCase(Locale.ROOT);
    int dash = lower.indexOf('-');
    return dash < 0 ? lower : lower.substring(0, dash);
  }

  /** "vosk-model-small-fr-0.22" → "fr"; Vosk's "cn" is "zh"; "und" when the name says nothing. */
  static String languageFromModelName(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    if (name == null) return "und";
    Matcher m = MODEL_NAME_LANGUAGE.matcher(name.toString().toLowerCase(Locale.ROOT));
    if (!m.find()) return "und";
    return m.group(1).equals("cn") ? "zh" : m.group(1);
  }

  @Override
  public String toString() {
    return "VoskTranscriber{model=" + (modelDirectory == null ? "default (" + ClassPathModel.DEFAULT_ARTIFACT + ")"
        : modelDirectory) + ", language=" + language + ", threads=" + threads + ", " + decoderSettings + '}';
  }

  /**
   * Reports the fraction of samples decoded, once per whole percent, from any thread. Without a total (a streamed
   * header that does not say) the fraction is {@code NaN} and an event says how much audio was decoded, once per
   * {@link #UNKNOWN_TOTAL_STEP_S} seconds of audio.
   */
  private static final class Progress {
    static final int UNKNOWN_TOTAL_STEP_S = 10;

    private final ProgressListener listener;
    private final long total;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong last = new AtomicLong(-1); // percent, or steps when the total is unknown

    /** {@code total}: the samples to decode, or {@code -1} when unknown. */
    Progress(ProgressListener listener, long total) {
      this.listener = listener;
      this.total = total;
      report(0);
    }

    void add(int samples) {
      long decoded = done.addAndGet(samples);
      if (total < 0) report(decoded / ((long) WavAudio.SAMPLE_RATE_HZ * UNKNOWN_TOTAL_STEP_S));
      else report(total == 0 ? 100 : decoded * 100 / total);
    }

    void finish() {
      if (total < 0) emit(1.0, "decoding speech");
      else report(100);
    }

    private void report(long step) {
      long previous = last.get();
      while (step > previous) {
        if (last.compareAndSet(previous, step)) {
          if (total >= 0) emit(step / 100.0, "decoding speech");
          else emit(Double.NaN, step == 0 ? "decoding speech"
              : "decoding speech (" + step * UNKNOWN_TOTAL_STEP_S + " s of audio decoded)");
          return;
        }
        previous = last.get();
      }
    }

    private void emit(double fraction, String message) {
      try {
        listener.onProgress(ProgressEvent.of(PipelineStage.TRANSCRIBE, fraction, message));
      } catch (RuntimeException e) {
        LOG.warn("Progress listener failed; ignored", e);
      }
    }
  }

  /** Builds a {@link VoskTranscriber}. Not thread-safe. */
  public static final class Builder {
    private Path modelDirectory;
    private Path cacheDirectory;
    private String language;
    private int threads;
    private Duration chunkDuration = DEFAULT_CHUNK;
    private Duration sentencePause = DEFAULT_SENTENCE_PAUSE;
    private String grammar;
    private DecoderSettings decoderSettings = DecoderSettings.defaults();

    private Builder() {}

    /**
     * Kaldi's decoder settings (search beam, hypotheses per frame, frames scored per network call) written over the
     * model's {@code conf/model.conf} in an overlay under the cache directory; the model's own files are not changed.
     * Default {@link DecoderSettings#defaults()}; {@link DecoderSettings#model()} loads the model as it is.
     *
     * @param settings the settings; not null
     * @return this builder
     */
    public Builder decoderSettings(DecoderSettings settings) {
      this.decoderSettings = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    /**
     * Restricts what the recogniser hears to a Vosk grammar (a JSON array of phrases), or {@code null} (the default)
     * for the model's whole vocabulary. Used by {@link VoskAligner}, which only needs to hear a transcript's words.
     */
    Builder grammar(String grammar) {
      this.grammar = grammar;
      return this;
    }

    /**
     * An unpacked Vosk model directory (with {@code am/}, {@code conf/}, {@code graph/}); {@code null} for the
     * default small English model from the class path ({@code dev.captions:captions-vosk-model-en}). Checked by
     * {@link VoskTranscriber#checkReady()} and before each transcription.
     *
     * @param modelDirectory the directory, or {@code null}
     * @return this builder
     */
    public Builder modelDirectory(Path modelDirectory) {
      this.modelDirectory = modelDirectory;
      return this;
    }

    /**
     * Where the default model is extracted, used alone; {@code null} for {@code ~/.cache/captions/vosk} (or
     * {@code $XDG_CACHE_HOME/captions/vosk}), falling back to {@code <java.io.tmpdir>/captions-<user>/vosk} when that
     * cannot be written.
     *
     * @param cacheDirectory the directory, or {@code null}
     * @return this builder
     */
    public Builder cacheDirectory(Path cacheDirectory) {
      this.cacheDirectory = cacheDirectory;
      return this;
    }

    /**
     * The model's language as BCP-47 (e.g. {@code "fr"}); {@code null} to use {@code "en"} for the default model and
     * to read it from a model directory's name ({@code vosk-model-small-fr-0.22}), else {@code "und"}.
     *
     * @param language a BCP-47 tag, or {@code null}
     * @return this builder
     */
    public Builder language(String language) {
      if (language != null && !language.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
        throw new IllegalArgumentException("language must be a BCP-47 tag like 'fr' or 'en-GB', but is '" + language + "'");
      }
      this.language = language;
      return this;
    }

    /**
     * Chunks decoded at once by the long-media engine; {@code 0} (the default) for one per available processor. The
     * system property {@code captions.vosk.maxConcurrency} overrides it.
     *
     * @param threads the thread count, at least 0
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 0) throw new IllegalArgumentException("threads (" + threads + ") must be >= 0");
      this.threads = threads;
      return this;
    }

    /**
     * The length long audio is cut into (default 10 min) by the long-media engine, at pauses; shorter when that keeps
     * every thread busy (but not under 30 s). {@link Duration#ZERO} decodes the whole file with one recogniser.
     *
     * @param chunkDuration a non-negative duration
     * @return this builder
     */
    public Builder chunkDuration(Duration chunkDuration) {
      Objects.requireNonNull(chunkDuration, "chunkDuration == null");
      if (chunkDuration.isNegative()) throw new IllegalArgumentException("chunkDuration must not be negative");
      if (!chunkDuration.isZero() && chunkDuration.toMillis() < 1000) {
        throw new IllegalArgumentException("chunkDuration (" + chunkDuration + ") must be zero or at least 1 s");
      }
      this.chunkDuration = chunkDuration;
      return this;
    }

    /**
     * The pause that ends a sentence (default 500 ms).
     *
     * @param sentencePause a non-negative duration
     * @return this builder
     */
    public Builder sentencePause(Duration sentencePause) {
      Objects.requireNonNull(sentencePause, "sentencePause == null");
      if (sentencePause.isNegative() || sentencePause.isZero()) {
        throw new IllegalArgumentException("sentencePause must be positive");
      }
      this.sentencePause = sentencePause;
      return this;
    }

    /**
     * Builds the transcriber; the model is loaded on first use, not here.
     *
     * @return the transcriber
     */
    public VoskTranscriber build() {
      return new VoskTranscriber(this);
    }
  }
}
