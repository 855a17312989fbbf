package dev.captions.provider.gemini;

import dev.captions.ConfigurationException;
import dev.captions.PipelineStage;
import dev.captions.spi.ProviderConfig;
import dev.captions.http.JobPoller;
import dev.captions.llm.LlmProviderSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Gemini providers need: key, endpoint, model and limits (key, base URL, request time-out, retry policy
 * and translation batching as in {@link LlmProviderSettings}). Immutable and thread-safe; {@link #toString()} never
 * shows the key.
 *
 * <p>From a {@link ProviderConfig} ({@link #fromConfig}): {@code captions.gemini.apiKey} / {@code GEMINI_API_KEY},
 * {@code captions.gemini.baseUrl} / {@code GOOGLE_GEMINI_BASE_URL}, {@code captions.gemini.model},
 * {@code captions.gemini.maxContinuations}.
 */
public final class GeminiSettings extends LlmProviderSettings {
  /** The provider name used in configuration keys and exceptions. */
  public static final String PROVIDER = "gemini";
  /** The model used when none is configured. */
  public static final String DEFAULT_MODEL = "gemini-2.5-flash";
  /** {@link ProviderConfig} key for {@link #maxContinuations()}: {@code captions.gemini.maxContinuations}. */
  public static final String MAX_CONTINUATIONS = "maxContinuations";

  private final String model;
  private final long inlineLimitBytes;
  private final long maxWindowMs;
  private final long minWindowMs;
  private final JobPoller filePoller;
  private final Integer maxOutputTokens;
  private final int maxContinuations;
  private final int maxConcurrency;

  private GeminiSettings(Builder b) {
    super(b);
    this.model = b.model;
    this.inlineLimitBytes = b.inlineLimitBytes;
    this.maxWindowMs = b.maxWindowMs;
    this.minWindowMs = b.minWindowMs;
    this.filePoller = b.filePoller;
    this.maxOutputTokens = b.maxOutputTokens;
    this.maxContinuations = b.maxContinuations;
    this.maxConcurrency = b.maxConcurrency;
  }

  /**
   * A builder with the defaults; {@link Builder#build()} needs an API key.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @throws ConfigurationException when no API key is configured, naming where to set one
   */
  /** Waiting for an upload to become ACTIVE: every 2 s, then up to every 10 s, for at most 10 minutes. */
  private static JobPoller.Builder uploadPoller() {
    return JobPoller.builder(PROVIDER).stage(PipelineStage.TRANSCRIBE).initialInterval(Duration.ofSeconds(2))
        .maxInterval(Duration.ofSeconds(10)).timeout(Duration.ofMinutes(10));
  }

  /**
   * Settings from {@code config}: API key ({@code captions.gemini.apiKey} or {@code GEMINI_API_KEY}), base URL,
   * model, retry policy, upload polling and {@link #MAX_CONTINUATIONS}.
   *
   * @param config the provider's configuration
   * @return the settings
   * @throws ConfigurationException when no API key is configured, naming where to set one, or a value is malformed
   */
  public static GeminiSettings fromConfig(ProviderConfig config) {
    Builder b = new Builder(config)
        .filePoller(JobPoller.fromConfig(config, uploadPoller()).build());
    config.get(ProviderConfig.MODEL).ifPresent(b::model);
    long continuations = config.getLong(MAX_CONTINUATIONS, b.maxContinuations);
    if (continuations < 0 || continuations > Integer.MAX_VALUE) {
      throw new ConfigurationException("captions.gemini." + MAX_CONTINUATIONS + " must be 0 or more, but is " + continuations);
    }
    return b.maxContinuations((int) continuations).build();
  }

  /**
   * A builder holding these settings.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(this);
    b.model = model;
    b.inlineLimitBytes = inlineLimitBytes;
    b.maxWindowMs = maxWindowMs;
    b.minWindowMs = minWindowMs;
    b.filePoller = filePoller;
    b.maxOutputTokens = maxOutputTokens;
    b.maxContinuations = maxContinuations;
    b.maxConcurrency = maxConcurrency;
    return b;
  }

  /** {@return the endpoint root without {@code /v1beta}, or empty for Google's default} */
  public Optional<String> baseUrl() {
    return Optional.ofNullable(baseUrlOrNull());
  }

  /**
   * The Gemini model, e.g. {@code "gemini-2.5-flash"}.
   *
   * @return the model name; never null
   */
  public String model() {
    return model;
  }

  /**
   * Media up to this size is sent inline (base64 in the request); larger media goes through the Files API.
   *
   * @return the limit in bytes; 14 MiB by default
   */
  public long inlineLimitBytes() {
    return inlineLimitBytes;
  }

  /**
   * How many chunks of one media are transcribed at once; {@code captions.gemini.maxConcurrency} overrides it.
   * Gemini documents per-minute rate limits, not a concurrency limit (a 429 is retried after its Retry-After).
   *
   * @return the bound; 16 by default
   */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /**
   * The chunk length long media is cut into: short enough that one chunk's cues fit the reply's output tokens.
   *
   * @return the chunk length in milliseconds; 10 min by default
   */
  public long maxWindowMs() {
    return maxWindowMs;
  }

  /**
   * A truncated reply for a window shorter than twice this is an error instead of a further split.
   *
   * @return the shortest window in milliseconds; 30 s by default
   */
  public long minWindowMs() {
    return minWindowMs;
  }

  /**
   * Waits for a Files API upload to become {@code ACTIVE}; its timeout is how long a file may stay
   * {@code PROCESSING}. Default: every 2 s, up to 10 s apart, at most 10 min.
   *
   * @return the poller; never null
   */
  public JobPoller filePoller() {
    return filePoller;
  }

  /** {@return the output token limit sent with each request, or empty for the model's own} */
  public Optional<Integer> maxOutputTokens() {
    return Optional.ofNullable(maxOutputTokens);
  }

  /**
   * When the media's duration is unknown and a transcription reply is cut off, how many times the rest is asked for
   * from the end of the last complete cue ({@link GeminiTranscriber}). Default 16: with gemini-2.5-flash's 65,536
   * output tokens per reply that is far more speech than the 9.5 h of audio one prompt can hold.
   *
   * @return the number of continuations, at least 0
   */
  public int maxContinuations() {
    return maxContinuations;
  }

  @Override
  public String toString() {
    return "GeminiSettings{model=" + model + ", baseUrl=" + baseUrl().orElse("default") + ", apiKey=" + apiKey() + '}';
  }

  /**
   * Builds {@link GeminiSettings}. Not thread-safe. {@link #baseUrl(String) baseUrl(null)} restores Google's default
   * endpoint.
   */
  public static final class Builder extends LlmProviderSettings.Builder<Builder> {
    private String model = DEFAULT_MODEL;
    private long inlineLimitBytes = 14L * 1024 * 1024; // base64 grows it by 4/3: stays under the 20 MB request limit
    private long maxWindowMs = 10 * 60_000L;
    private long minWindowMs = 30_000L;
    private JobPoller filePoller = uploadPoller().build();
    private Integer maxOutputTokens;
    private int maxContinuations = 16;
    private int maxConcurrency = 16;

    private Builder() {
      super(PROVIDER, "Gemini", "GEMINI_API_KEY", "GOOGLE_GEMINI_BASE_URL", null);
    }

    private Builder(ProviderConfig config) {
      this();
      readConfig(config);
    }

    private Builder(GeminiSettings from) {
      this();
      copyFrom(from);
    }

    /**
     * Sets the model.
     *
     * @param model the model name; not null
     * @return this builder
     */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /**
     * Sets the largest media sent inline.
     *
     * @param inlineLimitBytes the limit in bytes, at least 0
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder inlineLimitBytes(long inlineLimitBytes) {
      if (inlineLimitBytes < 0) throw new IllegalArgumentException("inlineLimitBytes must be >= 0");
      this.inlineLimitBytes = inlineLimitBytes;
      return this;
    }

    /**
     * Sets the window length for long media.
     *
     * @param maxWindowMs the length in milliseconds, at least 1000
     * @return this builder
     * @throws IllegalArgumentException when below 1000
     */
    public Builder maxWindowMs(long maxWindowMs) {
      if (maxWindowMs < 1000) throw new IllegalArgumentException("maxWindowMs (" + maxWindowMs + ") must be >= 1000");
      this.maxWindowMs = maxWindowMs;
      return this;
    }

    /**
     * Sets how many chunks of one media are transcribed at once.
     *
     * @param maxConcurrency the bound, at least 1
     * @return this builder
     * @throws IllegalArgumentException when under 1
     */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency (" + maxConcurrency + ") must be >= 1");
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /**
     * Sets the shortest window a cut-off reply is split into.
     *
     * @param minWindowMs the length in milliseconds, at least 1
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder minWindowMs(long minWindowMs) {
      if (minWindowMs < 1) throw new IllegalArgumentException("minWindowMs (" + minWindowMs + ") must be >= 1");
      this.minWindowMs = minWindowMs;
      return this;
    }

    /**
     * Sets how Files API uploads are waited for.
     *
     * @param filePoller the poller; not null
     * @return this builder
     */
    public Builder filePoller(JobPoller filePoller) {
      this.filePoller = Objects.requireNonNull(filePoller, "filePoller == null");
      return this;
    }

    /**
     * @param maxOutputTokens null for the model's own limit
     *
     * @return this builder
     */
    public Builder maxOutputTokens(Integer maxOutputTokens) {
      if (maxOutputTokens != null && maxOutputTokens < 1) throw new IllegalArgumentException("maxOutputTokens must be >= 1");
      this.maxOutputTokens = maxOutputTokens;
      return this;
    }

    /**
     * @param maxContinuations 0 makes any cut-off reply of unknown-duration media an error
     *
     * @return this builder
     */
    public Builder maxContinuations(int maxContinuations) {
      if (maxContinuations < 0) throw new IllegalArgumentException("maxContinuations (" + maxContinuations + ") must be >= 0");
      this.maxContinuations = maxContinuations;
      return this;
    }

    /**
     * @throws ConfigurationException when no API key was set
     *
     * @return the settings
     */
    public GeminiSettings build() {
      return new GeminiSettings(this);
    }
  }
}
