package dev.captions.llm;

import dev.captions.ConfigurationException;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Secret;
import dev.captions.http.RetryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The settings every SDK-based LLM provider (Gemini, OpenAI) shares, written once: API key, base URL, request
 * time-out, the {@link RetryPolicy} (the only retries applied; the SDK's own are switched off) and the cue translation
 * batch size and attempts. A provider's settings class extends it and adds what is specific to its SDK (models, upload
 * limits, ...). Unlike {@link dev.captions.http.HttpProviderBuilder} it holds no OkHttp client: the SDK builds its
 * own.
 *
 * <p>Immutable and thread-safe; subclasses must not show {@link #apiKey()} in {@code toString()} other than through
 * {@link Secret#toString()}.
 */
public abstract class LlmProviderSettings {
  private final Secret apiKey;
  private final String baseUrl;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final int translationBatchSize;
  private final int translationAttempts;

  /**
   * @throws ConfigurationException when no API key was set, naming the settings class and the environment variable
   *
   * @param b the builder holding the settings
   */
  protected LlmProviderSettings(Builder<?> b) {
    if (b.apiKey == null) {
      throw new ConfigurationException(getClass().getSimpleName() + " needs an API key: call apiKey(…) or use "
          + "fromConfig(…) with " + b.apiKeyEnvVar + " set");
    }
    this.apiKey = b.apiKey;
    this.baseUrl = b.baseUrl;
    this.requestTimeout = b.requestTimeout;
    this.retryPolicy = b.retryPolicy;
    this.translationBatchSize = b.translationBatchSize;
    this.translationAttempts = b.translationAttempts;
  }

  /**
   * The provider's API key.
   *
   * @return the key; never null, never printed
   */
  public Secret apiKey() {
    return apiKey;
  }

  /** {@return the base URL without trailing slashes; {@code null} when the SDK's own default applies} */
  protected final String baseUrlOrNull() {
    return baseUrl;
  }

  /**
   * The limit on one request to the provider, passed to the SDK as its per-request time-out (and shortened to what is
   * left of {@link RetryPolicy#deadline()}). Default {@link dev.captions.http.HttpClients#DEFAULT_REQUEST_TIMEOUT}
   * (2 min); {@code captions.<provider>.requestTimeoutMs} or {@code <PROVIDER>_REQUEST_TIMEOUT_MS} through
   * {@code fromConfig}.
   *
   * @return the time-out; never null
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /**
   * The limit on one request that uploads media (a transcription upload, a Files API upload): {@value
   * #UPLOAD_TIMEOUT_FACTOR} times {@link #requestTimeout()}, since sending megabytes takes longer than a reply.
   *
   * @return the time-out; never null
   */
  public Duration uploadTimeout() {
    return requestTimeout.multipliedBy(UPLOAD_TIMEOUT_FACTOR);
  }

  /** How many request time-outs one upload may take. */
  public static final int UPLOAD_TIMEOUT_FACTOR = 5;

  /**
   * The only retry policy applied to the provider's calls (the SDK's own retries are switched off): 429, 408, 5xx and
   * I/O failures are retried. Default {@link RetryPolicy#defaults()}.
   *
   * @return the policy; never null
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * Cues sent to the model per translation request ({@link CueTranslation}). Default 80.
   *
   * @return the batch size, at least 1
   */
  public int translationBatchSize() {
    return translationBatchSize;
  }

  /**
   * Tries per batch when the reply does not match the request ({@link CueTranslation}). Default 3.
   *
   * @return the attempt count, at least 1
   */
  public int translationAttempts() {
    return translationAttempts;
  }

  /**
   * Builds the shared part of a provider's settings. Not thread-safe.
   *
   * @param <B> the concrete builder, returned by the setters for chaining
   */
  public abstract static class Builder<B extends Builder<B>> {
    private final String provider;
    private final String displayName;
    private final String apiKeyEnvVar;
    private final String baseUrlEnvVar;
    private final boolean sdkDefaultBaseUrl;
    private Secret apiKey;
    private String baseUrl;
    private Duration requestTimeout = dev.captions.http.HttpClients.DEFAULT_REQUEST_TIMEOUT;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private int translationBatchSize = 80;
    private int translationAttempts = 3;

    /**
     * @param provider the registered name, e.g. {@code "openai"} (system properties are {@code captions.<provider>.*})
     * @param displayName for messages, e.g. {@code "OpenAI"}
     * @param apiKeyEnvVar e.g. {@code "OPENAI_API_KEY"}
     * @param baseUrlEnvVar e.g. {@code "OPENAI_BASE_URL"}
     * @param defaultBaseUrl the provider's public API, or {@code null} when the SDK has its own default (then
     *     {@link #baseUrl(String) baseUrl(null)} restores it)
     */
    protected Builder(String provider, String displayName, String apiKeyEnvVar, String baseUrlEnvVar,
        String defaultBaseUrl) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
      this.displayName = Objects.requireNonNull(displayName, "displayName == null");
      this.apiKeyEnvVar = Objects.requireNonNull(apiKeyEnvVar, "apiKeyEnvVar == null");
      this.baseUrlEnvVar = Objects.requireNonNull(baseUrlEnvVar, "baseUrlEnvVar == null");
      this.baseUrl = defaultBaseUrl;
      this.sdkDefaultBaseUrl = defaultBaseUrl == null;
    }

    /**
     * This builder as its own type, for fluent setters in subclasses.
     *
     * @return this builder
     */
    @SuppressWarnings("unchecked")
    protected final B self() {
      return (B) this;
    }

    /**
     * Takes the API key ({@link ProviderConfig#API_KEY} or the API key environment variable), the base URL
     * ({@link ProviderConfig#BASE_URL} or its environment variable) when set, the request time-out
     * ({@link dev.captions.http.HttpClients#requestTimeout}) and the retry policy ({@link RetryPolicy#fromConfig}) from
     * {@code config}.
     *
     * @param config the provider's configuration
     * @throws ConfigurationException when no API key is configured, naming where to set one, or a value is malformed
     * @return this builder
     */
    protected final B readConfig(ProviderConfig config) {
      Secret key = config.secret(ProviderConfig.API_KEY, apiKeyEnvVar).orElseThrow(() -> new ConfigurationException(
          displayName + " needs an API key: set " + apiKeyEnvVar + ", the system property captions." + provider
              + ".apiKey, or ProviderConfig.builder(\"" + provider + "\").apiKey(…)"));
      apiKey(key).retryPolicy(RetryPolicy.fromConfig(config));
      requestTimeout(dev.captions.http.HttpClients.requestTimeout(config, requestTimeout));
      config.get(ProviderConfig.BASE_URL, baseUrlEnvVar).ifPresent(this::baseUrl);
      return self();
    }

    /**
     * Copies the shared settings of {@code from}, for a subclass's {@code toBuilder()}.
     *
     * @param from the settings to copy
     * @return this builder
     */
    protected final B copyFrom(LlmProviderSettings from) {
      apiKey = from.apiKey;
      baseUrl = from.baseUrl;
      requestTimeout = from.requestTimeout;
      retryPolicy = from.retryPolicy;
      translationBatchSize = from.translationBatchSize;
      translationAttempts = from.translationAttempts;
      return self();
    }

    /**
     * Required.
     *
     * @param apiKey the key; not null
     * @return this builder
     */
    public B apiKey(Secret apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey == null");
      return self();
    }

    /**
     * Required: the provider's API key, as a string (wrapped in a {@link Secret} at once).
     *
     * @param apiKey the key; not null, not blank
     * @return this builder
     */
    public B apiKey(String apiKey) {
      return apiKey(Secret.of(Objects.requireNonNull(apiKey, "apiKey == null")));
    }

    /**
     * E.g. {@code "http://localhost:8089"} for a test server or a gateway; trailing slashes are dropped. {@code null}
     * is accepted only by providers whose SDK has its own default, and restores it.
     *
     * @param baseUrl the URL, or {@code null}
     * @return this builder
     */
    public B baseUrl(String baseUrl) {
      if (baseUrl == null && !sdkDefaultBaseUrl) throw new NullPointerException("baseUrl == null");
      this.baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
      return self();
    }

    /**
     * Must be positive.
     *
     * @param requestTimeout a positive duration
     * @return this builder
     */
    public B requestTimeout(Duration requestTimeout) {
      Objects.requireNonNull(requestTimeout, "requestTimeout == null");
      if (requestTimeout.isNegative() || requestTimeout.isZero()) {
        throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
      }
      this.requestTimeout = requestTimeout;
      return self();
    }

    /**
     * Sets the retry policy. Default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy; not null
     * @return this builder
     */
    public B retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return self();
    }

    /**
     * Sets the cues per translation request. Default 80.
     *
     * @param translationBatchSize at least 1
     * @return this builder
     * @throws IllegalArgumentException when less than 1
     */
    public B translationBatchSize(int translationBatchSize) {
      if (translationBatchSize < 1) throw new IllegalArgumentException("translationBatchSize must be >= 1");
      this.translationBatchSize = translationBatchSize;
      return self();
    }

    /**
     * Sets the tries per translation batch. Default 3.
     *
     * @param translationAttempts at least 1
     * @return this builder
     * @throws IllegalArgumentException when less than 1
     */
    public B translationAttempts(int translationAttempts) {
      if (translationAttempts < 1) throw new IllegalArgumentException("translationAttempts must be >= 1");
      this.translationAttempts = translationAttempts;
      return self();
    }
  }
}
