package dev.captions.spi;

import java.util.Set;

/**
 * Creates one kind of provider. Registered in {@code META-INF/services} under the kind's sub-interface
 * ({@link TranscriberFactory}, {@link TranslatorFactory}, {@link SummarizerFactory}, {@link MediaProcessorFactory}).
 *
 * <p>Implementations have a public no-argument constructor that does no I/O: discovery instantiates every factory on
 * the class path just to read its name.
 *
 * @param <T> the provider type
 */
public interface ProviderFactory<T extends Provider> {
  /** {@return the name users select it by, e.g. {@code "gemini"}} Lower case; unique per kind. */
  String name();

  /**
   * The Maven coordinates that bring this factory in, e.g. {@code "dev.captions:captions-provider-gemini"}.
   *
   * @return the Maven coordinates that bring this factory in, e.g. {@code "dev.captions:captions-provider-gemini"}
   */
  String artifact();

  /** {@return true for providers that work offline with no credentials (the embedded default)} */
  default boolean isEmbedded() {
    return false;
  }

  /**
   * {@return whether {@code config} has what {@link #create} needs (typically an API key)} Must not do I/O.
   *
   * @param config the configuration to look at
   */
  boolean isConfigured(ProviderConfig config);

  /**
   * Short capability words shown by {@code captions providers}, e.g. {@code "words"}, {@code "url-input"}.
   *
   * @return the capability words; never null
   */
  default Set<String> capabilities() {
    return Set.of();
  }

  /**
   * Among configured cloud providers, lower runs first when no provider is named.
   *
   * @return the priority; lower runs first
   */
  default int priority() {
    return 100;
  }

  /**
   * @param config the configuration (credentials, base URL, model)
   * @throws dev.captions.ConfigurationException when something required is missing, naming the key, the system
   *     property and the environment variable that would set it
   * @return a new provider; the caller owns it
   */
  T create(ProviderConfig config);
}
