package dev.captions.provider.openai;

import dev.captions.ConfigurationException;
import dev.captions.spi.ProviderConfig;
import dev.captions.llm.LlmProviderSettings;
import java.util.Objects;

/**
 * Everything the OpenAI providers need: key, endpoint, models and limits (key, base URL, request time-out, retry
 * policy and translation batching as in {@link LlmProviderSettings}). Immutable and thread-safe; {@link #toString()}
 * never shows the key.
 *
 * <p>From a {@link ProviderConfig} ({@link #fromConfig}): {@code captions.openai.apiKey} / {@code OPENAI_API_KEY},
 * {@code captions.openai.baseUrl} / {@code OPENAI_BASE_URL} (keep the {@code /v1}), {@code captions.openai.model}
 * (the transcription model) and {@code captions.openai.chatModel}.
 */
public final class OpenAiSettings extends LlmProviderSettings {
  /** The provider name used in configuration keys and exceptions. */
  public static final String PROVIDER = "openai";
  /** OpenAI's public API. */
  public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
  /** The transcription model used when none is configured. */
  public static final String DEFAULT_TRANSCRIPTION_MODEL = "whisper-1";
  /** The model used when speakers are asked ({@code TranscriptionOptions.speakers()}): OpenAI's diarising model. */
  public static final String DEFAULT_DIARIZATION_MODEL = "gpt-4o-transcribe-diarize";
  /** The chat model used for translation and summaries when none is configured. */
  public static final String DEFAULT_CHAT_MODEL = "gpt-4o";
  /** OpenAI's upload limit for {@code /audio/transcriptions}: 25 MB. */
  public static final long MAX_UPLOAD_BYTES = 25L * 1000 * 1000;

  private final String transcriptionModel;
  private final String chatModel;
  private final long maxUploadBytes;
  private final String imageDetail;
  private final long chunkDurationMs;
  private final int maxConcurrency;
  private final String diarizationModel;
  private final long diarizationChunkMs;

  private OpenAiSettings(Builder b) {
    super(b);
    this.transcriptionModel = b.transcriptionModel;
    this.chatModel = b.chatModel;
    this.maxUploadBytes = b.maxUploadBytes;
    this.imageDetail = b.imageDetail;
    this.chunkDurationMs = b.chunkDurationMs;
    this.maxConcurrency = b.maxConcurrency;
    this.diarizationModel = b.diarizationModel;
    this.diarizationChunkMs = b.diarizationChunkMs;
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
   *
   * @param config the provider's configuration
   * @return the settings
   */
  public static OpenAiSettings fromConfig(ProviderConfig config) {
    Builder b = new Builder(config);
    config.get(ProviderConfig.MODEL).ifPresent(b::transcriptionModel);
    config.get("chatModel").ifPresent(b::chatModel);
    config.get("diarizationModel").ifPresent(b::diarizationModel);
    config.get("diarizationChunkMs").ifPresent(v -> b.diarizationChunkMs(parseMs("diarizationChunkMs", v)));
    return b.build();
  }

  private static long parseMs(String key, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new dev.captions.ConfigurationException("captions.openai." + key + " must be a number of milliseconds, but "
          + "is '" + value + "'");
    }
  }

  /**
   * A builder holding these settings.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(this);
    b.transcriptionModel = transcriptionModel;
    b.chatModel = chatModel;
    b.maxUploadBytes = maxUploadBytes;
    b.imageDetail = imageDetail;
    b.chunkDurationMs = chunkDurationMs;
    b.diarizationModel = diarizationModel;
    b.diarizationChunkMs = diarizationChunkMs;
    b.maxConcurrency = maxConcurrency;
    return b;
  }

  /**
   * Including {@code /v1}.
   *
   * @return the base URL; never null
   */
  public String baseUrl() {
    return baseUrlOrNull();
  }

  /** {@return {@code whisper-1} (timestamps) or a {@code gpt-4o*-transcribe} model (text only)} */
  public String transcriptionModel() {
    return transcriptionModel;
  }

  /**
   * The chat model for translation and summaries, e.g. {@code "gpt-4o"}.
   *
   * @return the model name; never null
   */
  public String chatModel() {
    return chatModel;
  }

  /**
   * The chunk length long audio is cut into for transcription: short enough that a 2-hour file keeps
   * {@link #maxConcurrency()} uploads busy, long enough that each request's fixed cost is small.
   *
   * @return the chunk length in milliseconds; 10 min by default
   */
  public long chunkDurationMs() {
    return chunkDurationMs;
  }

  /**
   * The model that transcribes when speakers are asked; {@code captions.openai.diarizationModel} overrides it.
   *
   * @return the model name; {@link #DEFAULT_DIARIZATION_MODEL} by default
   */
  public String diarizationModel() {
    return diarizationModel;
  }

  /**
   * The longest chunk of a diarising transcription. Speaker labels hold within one request only, so diarising runs
   * use chunks this long (not {@link #chunkDurationMs()}) and no more of them than the length needs. 20 min by
   * default, under the 25-minute (1500 s) input limit OpenAI's gpt-4o transcription models state; that limit for the
   * diarising model is not verified here (no live run). {@code captions.openai.diarizationChunkMs} overrides it.
   *
   * @return the length in milliseconds
   */
  public long diarizationChunkMs() {
    return diarizationChunkMs;
  }

  /**
   * How many transcription uploads run at once for one media; {@code captions.openai.maxConcurrency} overrides it.
   * OpenAI documents no concurrency limit, only per-minute rate limits (a 429 is retried after its Retry-After).
   *
   * @return the bound; 16 by default
   */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /**
   * The largest upload: long audio is cut into chunks below it.
   *
   * @return the limit in bytes; {@link #MAX_UPLOAD_BYTES} by default
   */
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** {@return {@code low}, {@code high} or {@code auto}: how closely GPT-4o looks at keyframes} */
  public String imageDetail() {
    return imageDetail;
  }

  @Override
  public String toString() {
    return "OpenAiSettings{baseUrl=" + baseUrl() + ", transcriptionModel=" + transcriptionModel + ", chatModel="
        + chatModel + ", diarizationModel=" + diarizationModel + ", apiKey=" + apiKey() + '}';
  }

  /**
   * Builds {@link OpenAiSettings}. Not thread-safe. The base URL (e.g. {@code "http://localhost:8089/v1"}) keeps the
   * {@code /v1} and may not be {@code null}.
   */
  public static final class Builder extends LlmProviderSettings.Builder<Builder> {
    private String transcriptionModel = DEFAULT_TRANSCRIPTION_MODEL;
    private String chatModel = DEFAULT_CHAT_MODEL;
    private long maxUploadBytes = MAX_UPLOAD_BYTES;
    private String imageDetail = "low";
    private long chunkDurationMs = 10 * 60_000L;
    private int maxConcurrency = 16;
    private String diarizationModel = DEFAULT_DIARIZATION_MODEL;
    private long diarizationChunkMs = 20 * 60_000L;

    private Builder() {
      super(PROVIDER, "OpenAI", "OPENAI_API_KEY", "OPENAI_BASE_URL", DEFAULT_BASE_URL);
    }

    private Builder(ProviderConfig config) {
      this();
      readConfig(config);
    }

    private Builder(OpenAiSettings from) {
      this();
      copyFrom(from);
    }

    /**
     * Sets the transcription model.
     *
     * @param model the model name; not null
     * @return this builder
     */
    public Builder transcriptionModel(String model) {
      this.transcriptionModel = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /**
     * Sets the model used when speakers are asked.
     *
     * @param model the model name; not null
     * @return this builder
     */
    public Builder diarizationModel(String model) {
      this.diarizationModel = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /**
     * Sets the longest chunk of a diarising transcription.
     *
     * @param diarizationChunkMs the length in milliseconds, at least 10 000
     * @return this builder
     * @throws IllegalArgumentException when under 10 s
     */
    public Builder diarizationChunkMs(long diarizationChunkMs) {
      if (diarizationChunkMs < 10_000) {
        throw new IllegalArgumentException("diarizationChunkMs (" + diarizationChunkMs + ") must be >= 10000");
      }
      this.diarizationChunkMs = diarizationChunkMs;
      return this;
    }

    /**
     * Sets the chat model.
     *
     * @param model the model name; not null
     * @return this builder
     */
    public Builder chatModel(String model) {
      this.chatModel = Objects.requireNonNull(model, "model == null");
      return this;
    }

    /**
     * At most {@link #MAX_UPLOAD_BYTES}; lower it to make smaller chunks.
     *
     * @param maxUploadBytes the limit in bytes
     * @return this builder
     */
    public Builder maxUploadBytes(long maxUploadBytes) {
      if (maxUploadBytes < 64 * 1024 || maxUploadBytes > MAX_UPLOAD_BYTES) {
        throw new IllegalArgumentException("maxUploadBytes (" + maxUploadBytes + ") must be in [65536, " + MAX_UPLOAD_BYTES + "]");
      }
      this.maxUploadBytes = maxUploadBytes;
      return this;
    }

    /**
     * Sets the chunk length long audio is cut into.
     *
     * @param chunkDurationMs the length in milliseconds, at least 10 000
     * @return this builder
     * @throws IllegalArgumentException when under 10 s
     */
    public Builder chunkDurationMs(long chunkDurationMs) {
      if (chunkDurationMs < 10_000) {
        throw new IllegalArgumentException("chunkDurationMs (" + chunkDurationMs + ") must be >= 10000");
      }
      this.chunkDurationMs = chunkDurationMs;
      return this;
    }

    /**
     * Sets how many uploads run at once for one media.
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
     * Sets how closely keyframes are looked at. Default {@code low}.
     *
     * @param imageDetail {@code "low"}, {@code "high"} or {@code "auto"}
     * @return this builder
     * @throws IllegalArgumentException for any other value
     */
    public Builder imageDetail(String imageDetail) {
      if (!java.util.Set.of("low", "high", "auto").contains(imageDetail)) {
        throw new IllegalArgumentException("imageDetail must be low, high or auto, but is " + imageDetail);
      }
      this.imageDetail = imageDetail;
      return this;
    }

    /**
     * @throws ConfigurationException when no API key was set
     *
     * @return the settings
     */
    public OpenAiSettings build() {
      return new OpenAiSettings(this);
    }
  }
}
