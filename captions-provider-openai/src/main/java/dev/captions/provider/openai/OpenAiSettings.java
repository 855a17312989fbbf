package dev.captions.provider.openai;

import dev.captions.ConfigurationException;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Secret;
import dev.captions.spi.http.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the OpenAI providers need: key, endpoint, models and limits. Immutable and thread-safe;
 * {@link #toString()} never shows the key.
 *
 * <p>From a {@link ProviderConfig} ({@link #fromConfig}): {@code captions.openai.apiKey} / {@code OPENAI_API_KEY},
 * {@code captions.openai.baseUrl} / {@code OPENAI_BASE_URL} (keep the {@code /v1}), {@code captions.openai.model}
 * (the transcription model) and {@code captions.openai.chatModel}.
 */
public final class OpenAiSettings {
  public static final String PROVIDER = "openai";
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  public static final String DEFAULT_TRANSCRIPTION_MODEL = "whisper-1";
  public static final String DEFAULT_CHAT_MODEL = "gpt-4o";
  /** OpenAI's upload limit for {@code /audio/transcriptions}: 25 MB. */
  public static final long MAX_UPLOAD_BYTES = 25L * 1000 * 1000;

  private final Secret apiKey;
  private final String baseUrl;
  private final String transcriptionModel;
  private final String chatModel;
  private final Duration requestTimeout;
  private final long maxUploadBytes;
  private final String imageDetail;
  private final int translationBatchSize;
  private final int translationAttempts;
  private final RetryPolicy retryPolicy;

  private OpenAiSettings(Builder b) {
    this.apiKey = b.apiKey;
    this.baseUrl = b.baseUrl;
    this.transcriptionModel = b.transcriptionModel;
    this.chatModel = b.chatModel;
    this.requestTimeout = b.requestTimeout;
    this.maxUploadBytes = b.maxUploadBytes;
    this.imageDetail = b.imageDetail;
    this.translationBatchSize = b.translationBatchSize;
    this.translationAttempts = b.translationAttempts;
    this.retryPolicy = b.retryPolicy;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** @throws ConfigurationException when no API key is configured, naming where to set one */
  public static OpenAiSettings fromConfig(ProviderConfig config) {
    Secret key = config.secret(ProviderConfig.API_KEY, "OPENAI_API_KEY").orElseThrow(() -> new ConfigurationException(
        "OpenAI needs an API key: set OPENAI_API_KEY, the system property captions.openai.apiKey, or "
            + "ProviderConfig.builder(\"openai\").apiKey(…)"));
    Builder b = builder().apiKey(key).retryPolicy(RetryPolicy.fromConfig(config));
    config.get(ProviderConfig.BASE_URL, "OPENAI_BASE_URL").ifPresent(b::baseUrl);
    config.get(ProviderConfig.MODEL).ifPresent(b::transcriptionModel);
    config.get("chatModel").ifPresent(b::chatModel);
    return b.build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.apiKey = apiKey;
    b.baseUrl = baseUrl;
    b.transcriptionModel = transcriptionModel;
    b.chatModel = chatModel;
    b.requestTimeout = requestTimeout;
    b.maxUploadBytes = maxUploadBytes;
    b.imageDetail = imageDetail;
    b.translationBatchSize = translationBatchSize;
    b.translationAttempts = translationAttempts;
    b.retryPolicy = retryPolicy;
    return b;
  }

  public Secret apiKey() {
    return apiKey;
  }

  /** Including {@code /v1}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** {@code whisper-1} (timestamps) or a {@code gpt-4o*-transcribe} model (text only). */
  public String transcriptionModel() {
    return transcriptionModel;
  }

  public String chatModel() {
    return chatModel;
  }

  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** Audio larger than this is split into chunks (WAV only). */
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** {@code low}, {@code high} or {@code auto}: how closely GPT-4o looks at keyframes. */
  public String imageDetail() {
    return imageDetail;
  }

  public int translationBatchSize() {
    return translationBatchSize;
  }

  public int translationAttempts() {
    return translationAttempts;
  }

  /** The only retry policy applied (the SDK's {@code maxRetries} is 0). Default {@link RetryPolicy#defaults()}. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  @Override
  public String toString() {
    return "OpenAiSettings{baseUrl=" + baseUrl + ", transcriptionModel=" + transcriptionModel + ", chatModel="
        + chatModel + ", apiKey=" + apiKey + '}';
  }

  /** Builds {@link OpenAiSettings}. Not thread-safe. */
  public static final class Builder {
    private Secret apiKey;
    private String baseUrl = DEFAULT_BASE_URL;
    private String transcriptionModel = DEFAULT_TRANSCRIPTION_MODEL;
    private String chatModel = DEFAULT_CHAT_MODEL;
    private Duration requestTimeout = Duration.ofMinutes(10);
    private long maxUploadBytes = MAX_UPLOAD_BYTES;
    private String imageDetail = "low";
    private int translationBatchSize = 80;
    private int translationAttempts = 3;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private Builder() {}

    public Builder apiKey(Secret apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return this;
    }

    public Builder apiKey(String apiKey) {
      return apiKey(Secret.of(Objects.requireNonNull(apiKey, "apiKey == null")));
    }

    /** E.g. {@code "http://localhost:8089/v1"}; keep the {@code /v1}. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null").replaceAll("/+$", "");
      return this;
    }

    public Builder transcriptionModel(String model) {
      this.transcriptionModel = Objects.requireNonNull(model, "model == null");
      return this;
    }

    public Builder chatModel(String model) {
      this.chatModel = Objects.requireNonNull(model, "model == null");
      return this;
    }

    public Builder requestTimeout(Duration requestTimeout) {
      Objects.requireNonNull(requestTimeout, "requestTimeout == null");
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
      }
      this.requestTimeout = requestTimeout;
      return this;
    }

    /** At most {@link #MAX_UPLOAD_BYTES}; lower it to make smaller chunks. */
    public Builder maxUploadBytes(long maxUploadBytes) {
      if (maxUploadBytes < 64 * 1024 || maxUploadBytes > MAX_UPLOAD_BYTES) {
        throw new IllegalArgumentException("maxUploadBytes (" + maxUploadBytes + ") must be in [65536, " + MAX_UPLOAD_BYTES + "]");
      }
      this.maxUploadBytes = maxUploadBytes;
      return this;
    }

    public Builder imageDetail(String imageDetail) {
      if (!java.util.Set.of("low", "high", "auto").contains(imageDetail)) {
        throw new IllegalArgumentException("imageDetail must be low, high or auto, but is " + imageDetail);
      }
      this.imageDetail = imageDetail;
      return this;
    }

    public Builder translationBatchSize(int n) {
      if (n < 1) throw new IllegalArgumentException("translationBatchSize must be >= 1");
      this.translationBatchSize = n;
      return this;
    }

    public Builder translationAttempts(int n) {
      if (n < 1) throw new IllegalArgumentException("translationAttempts must be >= 1");
      this.translationAttempts = n;
      return this;
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** @throws ConfigurationException when no API key was set */
    public OpenAiSettings build() {
      if (apiKey == null) {
        throw new ConfigurationException("OpenAiSettings needs an API key: call apiKey(…) or use fromConfig(…) with OPENAI_API_KEY set");
      }
      return new OpenAiSettings(this);
    }
  }
}
