package dev.captions.spi;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Configuration for one provider, looked up in this order: values set on the builder, then the system property
 * {@code captions.<provider>.<key>} (e.g. {@code captions.gemini.apiKey}), then an environment variable the provider
 * names (e.g. {@code GEMINI_API_KEY}). Immutable and thread-safe; {@link #toString()} never shows values.
 *
 * <p>Well-known keys: {@link #API_KEY}, {@link #BASE_URL}, {@link #MODEL}.
 */
public final class ProviderConfig {
  /** The key of the API key (a {@link Secret}; never printed). */
  public static final String API_KEY = "apiKey";
  /** The key of the provider's base URL (for proxies and tests). */
  public static final String BASE_URL = "baseUrl";
  /** The key of the model name. */
  public static final String MODEL = "model";

  private final String provider;
  private final Map<String, String> values;
  private final Function<String, String> systemProperties;
  private final Function<String, String> environment;

  private ProviderConfig(Builder b) {
    this.provider = b.provider;
    this.values = Map.copyOf(b.values);
    this.systemProperties = b.systemProperties;
    this.environment = b.environment;
  }

  /**
   * Configuration read from system properties and the environment only.
   *
   * @param provider the provider's name, e.g. {@code "gemini"}; it names the system properties read
   * @return the configuration
   */
  public static ProviderConfig fromEnvironment(String provider) {
    return builder(provider).build();
  }

  /**
   * A builder for the configuration of {@code provider}.
   *
   * @param provider the provider's name, e.g. {@code "openai"}; not null
   * @return a new builder reading the real system properties and environment
   */
  public static Builder builder(String provider) {
    return new Builder(provider);
  }

  /**
   * A builder holding this configuration's values and lookups.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(provider);
    b.values.putAll(values);
    b.systemProperties = systemProperties;
    b.environment = environment;
    return b;
  }

  /**
   * The provider this configuration is for.
   *
   * @return the provider's name; never null
   */
  public String provider() {
    return provider;
  }

  /**
   * {@return the value for {@code key}, from the builder or the system property {@code captions.<provider>.<key>}}
   *
   * @param key the key, e.g. {@link #API_KEY}
   */
  public Optional<String> get(String key) {
    return get(key, null);
  }

  /**
   * The value for {@code key}: builder, then system property {@code captions.<provider>.<key>}, then the environment
   * variable {@code envVar} (may be null). Blank values count as absent.
   *
   * @param key the key, e.g. {@link #API_KEY}
   * @param envVar the environment variable to fall back to, or {@code null}
   * @return the value, or empty when no source sets it
   */
  public Optional<String> get(String key, String envVar) {
    String v = values.get(key);
    if (isBlank(v)) v = systemProperties.apply("captions." + provider + "." + key);
    if (isBlank(v) && envVar != null) v = environment.apply(envVar);
    return isBlank(v) ? Optional.empty() : Optional.of(v.strip());
  }

  /**
   * Like {@link #get(String, String)} but wrapped so it cannot be printed.
   *
   * @param key the key, e.g. {@link #API_KEY}
   * @param envVar the environment variable to fall back to, or {@code null}
   * @return the secret, or empty when no source sets it
   */
  public Optional<Secret> secret(String key, String envVar) {
    return get(key, envVar).map(Secret::of);
  }

  /**
   * {@return a duration-like or numeric value parsed as a long, or {@code defaultValue}}
   *
   * @param key the key
   * @param defaultValue the value when the key is not set
   * @throws dev.captions.ConfigurationException when the value is set but is not a number, naming the key
   */
  public long getLong(String key, long defaultValue) {
    Optional<String> v = get(key);
    if (v.isEmpty()) return defaultValue;
    try {
      return Long.parseLong(v.get());
    } catch (NumberFormatException e) {
      throw new dev.captions.ConfigurationException(
          "captions." + provider + "." + key + " must be a whole number, but is '" + v.get() + "'");
    }
  }

  /** {@return the environment lookup this configuration uses (tests inject their own)} */
  public Function<String, String> environment() {
    return environment;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  @Override
  public String toString() {
    return "ProviderConfig{provider=" + provider + ", keys=" + values.keySet() + '}';
  }

  /** Builds a {@link ProviderConfig}. */
  public static final class Builder {
    private final String provider;
    private final Map<String, String> values = new HashMap<>();
    private Function<String, String> systemProperties = System::getProperty;
    private Function<String, String> environment = System::getenv;

    private Builder(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
    }

    /**
     * Sets a value.
     *
     * @param key the key; not null
     * @param value the value, or {@code null} to unset the key
     * @return this builder
     */
    public Builder set(String key, String value) {
      Objects.requireNonNull(key, "key == null");
      if (value == null) values.remove(key);
      else values.put(key, value);
      return this;
    }

    /**
     * Sets the API key.
     *
     * @param apiKey the key, or {@code null} to unset it
     * @return this builder
     */
    public Builder apiKey(String apiKey) {
      return set(API_KEY, apiKey);
    }

    /**
     * Sets the base URL.
     *
     * @param baseUrl the URL, or {@code null} to unset it
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      return set(BASE_URL, baseUrl);
    }

    /**
     * Sets the model.
     *
     * @param model the model name, or {@code null} to unset it
     * @return this builder
     */
    public Builder model(String model) {
      return set(MODEL, model);
    }

    /**
     * Replaces the environment lookup (tests; sandboxes).
     *
     * @param environment maps a variable name to its value or {@code null}; not null
     * @return this builder
     */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /**
     * Replaces the system property lookup (tests).
     *
     * @param systemProperties maps a property name to its value or {@code null}; not null
     * @return this builder
     */
    public Builder systemProperties(Function<String, String> systemProperties) {
      this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties == null");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the configuration
     */
    public ProviderConfig build() {
      return new ProviderConfig(this);
    }
  }
}
