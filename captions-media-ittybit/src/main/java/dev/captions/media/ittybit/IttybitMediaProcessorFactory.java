package dev.captions.media.ittybit;

import dev.captions.ConfigurationException;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.MediaProcessorFactory;
import dev.captions.spi.ProviderConfig;
import java.time.Duration;
import java.util.Set;

/**
 * Registers {@link IttybitMediaProcessor} as {@code "ittybit"}. Configuration: {@code apiKey} /
 * {@code ITTYBIT_API_KEY} (required), {@code baseUrl} / {@code ITTYBIT_BASE_URL}, {@code maxConcurrentJobs} (default
 * 4), {@code timeoutSeconds} (default 1800); each also as system property {@code captions.ittybit.<key>}.
 */
public final class IttybitMediaProcessorFactory implements MediaProcessorFactory {
  static final String ENV_API_KEY = "ITTYBIT_API_KEY";
  static final String ENV_BASE_URL = "ITTYBIT_BASE_URL";

  @Override
  public String name() {
    return IttybitMediaProcessor.PROVIDER;
  }

  @Override
  public String artifact() {
    return "dev.captions:captions-media-ittybit";
  }

  @Override
  public boolean isConfigured(ProviderConfig config) {
    return config.get(ProviderConfig.API_KEY, ENV_API_KEY).isPresent();
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("url-input", "audio", "frames", "burn-in");
  }

  @Override
  public MediaProcessor create(ProviderConfig config) {
    IttybitMediaProcessor.Builder b = IttybitMediaProcessor.builder().apiKey(config.secret(ProviderConfig.API_KEY,
        ENV_API_KEY).orElseThrow(() -> new ConfigurationException("Ittybit needs an API key: set the environment "
        + "variable " + ENV_API_KEY + " or the system property captions.ittybit.apiKey")));
    config.get(ProviderConfig.BASE_URL, ENV_BASE_URL).ifPresent(b::baseUrl);
    b.maxConcurrentJobs((int) config.getLong("maxConcurrentJobs", 4));
    b.timeout(Duration.ofSeconds(config.getLong("timeoutSeconds", 1800)));
    return b.build();
  }
}
