package dev.captions.media.ittybit;

import dev.captions.ConfigurationException;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.MediaProcessorFactory;
import dev.captions.spi.ProviderConfig;
import java.util.Set;

/**
 * Registers {@link IttybitMediaProcessor} as {@code "ittybit"}. Configuration: {@code apiKey} /
 * {@code ITTYBIT_API_KEY} (required), {@code baseUrl} / {@code ITTYBIT_BASE_URL}, {@code maxConcurrentJobs} (default
 * 4), {@code jobTimeoutMs} (or the older {@code timeoutSeconds}; default 30 min), {@code pollIntervalMs} /
 * {@code pollMaxIntervalMs} (default 1000 / 10000), {@code maxAttempts} and the other
 * {@link dev.captions.http.RetryPolicy#fromConfig} and {@link dev.captions.http.HttpClients#fromConfig} keys;
 * each also as system property {@code captions.ittybit.<key>}.
 */
public final class IttybitMediaProcessorFactory implements MediaProcessorFactory {

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
    return config.get(ProviderConfig.API_KEY, IttybitMediaProcessor.ENDPOINT.apiKeyEnvVar()).isPresent();
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("url-input", "audio", "frames", "burn-in");
  }

  @Override
  public MediaProcessor create(ProviderConfig config) {
    IttybitMediaProcessor.Builder b = IttybitMediaProcessor.builder().config(config);
    try {
      b.maxConcurrentJobs(Math.toIntExact(config.getLong("maxConcurrentJobs", 4)));
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ConfigurationException("captions.ittybit.maxConcurrentJobs: " + e.getMessage());
    }
    return b.build();
  }
}
