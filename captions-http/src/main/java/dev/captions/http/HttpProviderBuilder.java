package dev.captions.http;

import dev.captions.ConfigurationException;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Secret;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The settings every REST provider built on this package offers, written once: API key, base URL, the OkHttp client
 * to derive from and the {@link RetryPolicy}, settable one by one or all at once from a {@link ProviderConfig}
 * ({@link #config}). A provider's public builder extends it (or {@link PollingProviderBuilder} when it polls jobs) and
 * adds only its own settings:
 *
 * <pre>{@code
 * public static final class Builder extends HttpProviderBuilder<Builder> {
 *   private Builder() { super(new HttpProviderBuilder.Endpoint("gcore", "Gcore", "https://api.gcore.com",
 *       "GCORE_API_KEY", "GCORE_BASE_URL")); }
 *   public GcoreVideos build() { return new GcoreVideos(jsonHttp(), baseHttpUrl(), requireApiKey()); }
 * }
 * }</pre>
 *
 * <p>Later calls win: {@link #config} replaces what it covers, so call it first and override single settings after it.
 * Not thread-safe; the built provider is.
 *
 * @param <B> the concrete builder, returned by the setters for chaining
 */
public abstract class HttpProviderBuilder<B extends HttpProviderBuilder<B>> {
  /** What identifies a provider's endpoint and where its credentials come from. Immutable. */
  public static final class Endpoint {
    private final String provider;
    private final String displayName;
    private final String defaultBaseUrl;
    private final String apiKeyEnvVar;
    private final String baseUrlEnvVar;

    /**
     * @param provider the registered name, e.g. {@code "gcore"} (system properties are {@code captions.<provider>.*})
     * @param displayName for messages, e.g. {@code "Gcore"}
     * @param defaultBaseUrl e.g. {@code "https://api.gcore.com"}
     * @param apiKeyEnvVar e.g. {@code "GCORE_API_KEY"}
     * @param baseUrlEnvVar e.g. {@code "GCORE_BASE_URL"}
     */
    public Endpoint(String provider, String displayName, String defaultBaseUrl, String apiKeyEnvVar,
        String baseUrlEnvVar) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
      this.displayName = Objects.requireNonNull(displayName, "displayName == null");
      this.defaultBaseUrl = Objects.requireNonNull(defaultBaseUrl, "defaultBaseUrl == null");
      this.apiKeyEnvVar = Objects.requireNonNull(apiKeyEnvVar, "apiKeyEnvVar == null");
      this.baseUrlEnvVar = Objects.requireNonNull(baseUrlEnvVar, "baseUrlEnvVar == null");
    }

    /**
     * The provider's registered name.
     *
     * @return the name, e.g. {@code "gcore"}
     */
    public String provider() {
      return provider;
    }

    /**
     * The provider's name for people.
     *
     * @return the name, e.g. {@code "Gcore"}
     */
    public String displayName() {
      return displayName;
    }

    /**
     * The provider's public API.
     *
     * @return the base URL
     */
    public String defaultBaseUrl() {
      return defaultBaseUrl;
    }

    /**
     * The environment variable that holds the API key.
     *
     * @return the variable name, e.g. {@code "GCORE_API_KEY"}
     */
    public String apiKeyEnvVar() {
      return apiKeyEnvVar;
    }

    /**
     * The environment variable that overrides the base URL.
     *
     * @return the variable name
     */
    public String baseUrlEnvVar() {
      return baseUrlEnvVar;
    }

    /** {@return a message for a missing key that says every way to give one} */
    public String missingApiKeyMessage() {
      return displayName + " needs an API key: set the environment variable " + apiKeyEnvVar
          + ", the system property captions." + provider + ".apiKey, or call apiKey(…) on the builder";
    }

    @Override
    public String toString() {
      return provider;
    }
  }

  private final Endpoint endpoint;
  private Secret apiKey;
  private String baseUrl;
  private OkHttpClient baseClient;
  private HttpClients.Builder clientSettings;
  private RetryPolicy retryPolicy = RetryPolicy.defaults();

  /**
   * A builder for the provider described by {@code endpoint}, with its default base URL and the default retry policy.
   *
   * @param endpoint the provider's names, default URL and environment variables; not null
   */
  protected HttpProviderBuilder(Endpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint == null");
    this.baseUrl = endpoint.defaultBaseUrl();
    this.clientSettings = HttpClients.builder().userAgentSuffix(endpoint.provider());
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
   * The provider this builder is for.
   *
   * @return the endpoint; never null
   */
  protected final Endpoint endpoint() {
    return endpoint;
  }

  /**
   * Required: the provider's API key.
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
   * Default: the provider's public API; tests and gateways point it elsewhere. Checked at build.
   *
   * @param baseUrl an http(s) URL
   * @return this builder
   */
  public B baseUrl(String baseUrl) {
    this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl == null");
    return self();
  }

  /**
   * The OkHttp client to derive from (sharing its pool and dispatcher); default {@link HttpClients#shared()}.
   *
   * @param client the client; not null
   * @return this builder
   */
  public B httpClient(OkHttpClient client) {
    this.baseClient = Objects.requireNonNull(client, "client == null");
    return self();
  }

  /**
   * The limit on one request to the provider (connect, send, wait, read): a hung endpoint ends in a
   * {@link dev.captions.ProviderTimeoutException} after it. Default {@link HttpClients#DEFAULT_REQUEST_TIMEOUT};
   * also {@code captions.<provider>.requestTimeoutMs} or {@code <PROVIDER>_REQUEST_TIMEOUT_MS} through
   * {@link #config}. The retry policy's {@link RetryPolicy#deadline()} bounds all attempts together.
   *
   * @param requestTimeout a positive duration
   * @throws IllegalArgumentException when not positive
   * @return this builder
   */
  public B requestTimeout(java.time.Duration requestTimeout) {
    clientSettings.requestTimeout(requestTimeout);
    return self();
  }

  /**
   * Default {@link RetryPolicy#defaults()}.
   *
   * @param retryPolicy the policy; not null
   * @return this builder
   */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
    return self();
  }

  /**
   * Takes what {@code config} sets: the API key ({@link ProviderConfig#API_KEY} or the endpoint's environment
   * variable), the base URL (likewise), the retry policy ({@link RetryPolicy#fromConfig}) and the client time-outs
   * ({@link HttpClients#fromConfig}). Settings {@code config} leaves out keep their current values, except the retry
   * policy and time-outs, which become the defaults overridden by {@code config}.
   *
   * @param config the provider's configuration
   * @throws ConfigurationException when a value is malformed
   * @return this builder
   */
  public B config(ProviderConfig config) {
    Objects.requireNonNull(config, "config == null");
    config.secret(ProviderConfig.API_KEY, endpoint.apiKeyEnvVar()).ifPresent(this::apiKey);
    config.get(ProviderConfig.BASE_URL, endpoint.baseUrlEnvVar()).ifPresent(this::baseUrl);
    this.retryPolicy = RetryPolicy.fromConfig(config);
    this.clientSettings = HttpClients.fromConfig(config);
    return self();
  }

  /**
   * @throws ConfigurationException when no API key was given, saying how to give one
   *
   * @return the API key
   */
  protected final Secret requireApiKey() {
    if (apiKey == null) throw new ConfigurationException(endpoint.missingApiKeyMessage());
    return apiKey;
  }

  /**
   * @throws ConfigurationException when the base URL is not an http(s) URL
   *
   * @return the base URL, parsed
   */
  protected final HttpUrl baseHttpUrl() {
    HttpUrl parsed = HttpUrl.parse(baseUrl);
    if (parsed == null) {
      throw new ConfigurationException(endpoint.displayName() + " base URL '" + baseUrl + "' is not an http(s) URL; set "
          + endpoint.baseUrlEnvVar() + " or captions." + endpoint.provider() + ".baseUrl to e.g. "
          + endpoint.defaultBaseUrl());
    }
    return parsed;
  }

  /**
   * The retry policy set or defaulted.
   *
   * @return the policy; never null
   */
  protected final RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * The provider's client (user agent suffix, time-outs, derived from {@link #httpClient}) in a {@link JsonHttp}.
   *
   * @return the provider's client (user agent suffix, time-outs, derived from {@link #httpClient}) in a {@link
   *     JsonHttp}
   */
  protected final JsonHttp jsonHttp() {
    if (baseClient != null) clientSettings.base(baseClient);
    return JsonHttp.builder(endpoint.provider()).client(clientSettings.build()).retryPolicy(retryPolicy).build();
  }
}
