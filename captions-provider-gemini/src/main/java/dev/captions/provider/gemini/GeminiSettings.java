package dev.captions.provider.gemini;

import dev.captions.ConfigurationException;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Secret;
import dev.captions.spi.http.JobPoller;
import dev.captions.spi.http.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the Gemini providers need: key, endpoint, model and limits. Immutable and thread-safe;
 * {@link #toString()} never shows the key.
 *
 * <p>From a {@link ProviderConfig} ({@link #fromConfig}): {@code captions.gemini.apiKey} / {@code GEMINI_API_KEY},
 * {@code captions.gemini.baseUrl} / {@code GOOGLE_GEMINI_BASE_URL}, {@code captions.gemini.model}.
 */
public final class GeminiSettings {
  /** The provider name used in configuration keys and exceptions. */
  public static final String PROVIDER = "gemini";
  public static final String DEFAULT_MODEL = "gemini-2.5-flash";

  private final Secret apiKey;
  private final String baseUrl;
  private final String model;
  private final Duration requestTimeout;
  private final long inlineLimitBytes;
  private final long maxWindowMs;
  private final long minWindowMs;
  private final JobPoller filePoller;
  private final int translationBatchSize;
  private final int translationAttempts;
  private final Integer maxOutputTokens;
  private final RetryPolicy retryPolicy;

  private GeminiSettings(Builder b) {
    this.apiKey = b.apiKey;
    this.baseUrl = b.baseUrl;
    this.model = b.model;
    this.requestTimeout = b.requestTimeout;
    this.inlineLimitBytes = b.inlineLimitBytes;
    this.maxWindowMs = b.maxWindowMs;
    this.minWindowMs = b.minWindowMs;
    this.filePoller = b.filePoller;
    this.translationBatchSize = b.translationBatchSize;
    this.translationAttempts = b.translationAttempts;
    this.maxOutputTokens = b.maxOutputTokens;
    this.retryPolicy = b.retryPolicy;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * @throws ConfigurationException when no API key is configured, naming where to set one
   */
  public static GeminiSettings fromConfig(ProviderConfig config) {
    Secret key = config.secret(ProviderConfig.API_KEY, "GEMINI_API_KEY").orElseThrow(() -> new ConfigurationException(
        "Gemini needs an API key: set GEMINI_API_KEY, the system property captions.gemini.apiKey, or "
            + "ProviderConfig.builder(\"gemini\").apiKey(…)"));
    Builder b = builder().apiKey(key)
        .retryPolicy(RetryPolicy.fromConfig(config))
        .filePoller(JobPoller.fromConfig(config).stage("upload").build());
    config.get(ProviderConfig.BASE_URL, "GOOGLE_GEMINI_BASE_URL").ifPresent(b::baseUrl);
    config.get(ProviderConfig.MODEL).ifPresent(b::model);
    return b.build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.apiKey = apiKey;
    b.baseUrl = baseUrl;
    b.model = model;
    b.requestTimeout = requestTimeout;
    b.inlineLimitBytes = inlineLimitBytes;
    b.maxWindowMs = maxWindowMs;
    b.minWindowMs = minWindowMs;
    b.filePoller = filePoller;
    b.translationBatchSize = translationBatchSize;
    b.translationAttempts = translationAttempts;
    b.maxOutputTokens = maxOutputTokens;
    b.retryPolicy = retryPolicy;
    return b;
  }

  public Secret apiKey() {
    return apiKey;
  }

  /** The endpoint root without {@code /v1beta}, or empty for Google's default. */
  public Optional<String> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  public String model() {
    return model;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Media up to this size is sent inline (base64 in the request); larger media goes through the Files API. */
  public long inlineLimitBytes() {
    return inlineLimitBytes;
  }

  /** Media longer than this (when its duration is known) is transcribed in windows of this length. */
  public long maxWindowMs() {
    return maxWindowMs;
  }

  /** A truncated reply for a window shorter than twice this is an error instead of a further split. */
  public long minWindowMs() {
    return minWindowMs;
  }

  /**
   * Waits for a Files API upload to become {@code ACTIVE}; its timeout is how long a file may stay
   * {@code PROCESSING}. Default: every 2 s, up to 10 s apart, at most 10 min.
   */
  public JobPoller filePoller() {
    return filePoller;
  }

  public int translationBatchSize() {
    return translationBatchSize;
  }

  public int translationAttempts() {
    return translationAttempts;
  }

  /** The output token limit sent with each request, or empty for the model's own. */
  public Optional<Integer> maxOutputTokens() {
    return Optional.ofNullable(maxOutputTokens);
  }

  /**
   * The only retry policy applied to Gemini calls (the SDK's own retries are switched off): 429, 408, 5xx and I/O
   * failures are retried. Default {@link RetryPolicy#defaults()}.
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  @Override
  public String toString() {
    return "GeminiSettings{model=" + model + ", baseUrl=" + (baseUrl == null ? "default" : baseUrl) + ", apiKey="
        + apiKey + '}';
  }

  /** Builds {@link GeminiSettings}. Not thread-safe. */
  public static final class Builder {
    private Secret apiKey;
    private String baseUrl;
    private String model = DEFAULT_MODEL;
    private Duration requestTimeout = Duration.ofMinutes(10);
    private long inlineLimitBytes = 14L * 1024 * 1024; // base64 grows it by 4/3: stays under the 20 MB request limit
    private long maxWindowMs = 10 * 60_000L;
    private long minWindowMs = 30_000L;
    private JobPoller filePoller = JobPoller.builder(PROVIDER).stage("upload").initialInterval(Duration.ofSeconds(2))
        .maxInterval(Duration.ofSeconds(10)).timeout(Duration.ofMinutes(10)).build();
    private int translationBatchSize = 80;
    private int translationAttempts = 3;
    private Integer maxOutputTokens;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private Builder() {}

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    public Builder apiKey(Secret apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    public Builder apiKey(String apiKey) {
      return apiKey(Secret.of(Objects.requireNonNull(apiKey, "apiKey == null")));
    }

    /** E.g. {@code "http://localhost:8089"} for a test server or a gateway; {@code null} for Google's default. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
      return this;
    }

    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model == null");
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    public Builder inlineLimitBytes(long inlineLimitBytes) {
      if (inlineLimitBytes < 0) throw new IllegalArgumentException("inlineLimitBytes must be >= 0");
      this.inlineLimitBytes = inlineLimitBytes;
      return this;
    }

    public Builder maxWindowMs(long maxWindowMs) {
      if (maxWindowMs < 1000) throw new IllegalArgumentException("maxWindowMs (" + maxWindowMs + ") must be >= 1000");
      this.maxWindowMs = maxWindowMs;
      return this;
    }

    public Builder minWindowMs(long minWindowMs) {
      if (minWindowMs < 1) throw new IllegalArgumentException("minWindowMs (" + minWindowMs + ") must be >= 1");
      this.minWindowMs = minWindowMs;
      return this;
    }

    public Builder filePoller(JobPoller filePoller) {
      this.filePoller = Objects.requireNonNull(filePoller, "filePoller == null");
      return this;
    }

    public Builder translationBatchSize(int translationBatchSize) {
      if (translationBatchSize < 1) throw new IllegalArgumentException("translationBatchSize must be >= 1");
      this.translationBatchSize = translationBatchSize;
      return this;
    }

    public Builder translationAttempts(int translationAttempts) {
      if (translationAttempts < 1) throw new IllegalArgumentException("translationAttempts must be >= 1");
      this.translationAttempts = translationAttempts;
      return this;
    }

    /** @param maxOutputTokens null for the model's own limit */
    public Builder maxOutputTokens(Integer maxOutputTokens) {
      if (maxOutputTokens != null && maxOutputTokens < 1) throw new IllegalArgumentException("maxOutputTokens must be >= 1");
      this.maxOutputTokens = maxOutputTokens;
      return this;
    }

    /** @throws ConfigurationException when no API key was set */
    public GeminiSettings build() {
      if (apiKey == null) {
        throw new ConfigurationException("GeminiSettings needs an API key: call apiKey(…) or use fromConfig(…) with GEMINI_API_KEY set");
      }
      return new GeminiSettings(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
      return d;
    }
  }
}
