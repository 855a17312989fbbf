package dev.captions.provider.gcore;

import dev.captions.ConfigurationException;
import dev.captions.provider.gcore.internal.GcoreHttp;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import java.util.Set;

/**
 * Registers {@link GcoreTranscriber} as {@code "gcore"}. Configuration (builder value, then system property
 * {@code captions.gcore.<key>}, then environment variable):
 * <ul>
 *   <li>{@code apiKey} / {@code GCORE_API_KEY} — required;</li>
 *   <li>{@code baseUrl} / {@code GCORE_BASE_URL} — default {@code https://api.gcore.com};</li>
 *   <li>{@code subtitlesLanguage} / {@code GCORE_SUBTITLES_LANGUAGE} — BCP-47; also translate (paid);</li>
 *   <li>{@code jobTimeoutMs} (or the older {@code timeoutSeconds}) — overall limit per task, default 30 min;
 *       {@code pollIntervalMs} / {@code pollMaxIntervalMs} — default 2000 / 20000;</li>
 *   <li>{@code maxAttempts} and the other {@link dev.captions.http.RetryPolicy#fromConfig} keys, and the
 *       {@link dev.captions.http.HttpClients#fromConfig} time-outs.</li>
 * </ul>
 */
public final class GcoreTranscriberFactory implements TranscriberFactory {
  static final String ENV_SUBTITLES_LANGUAGE = "GCORE_SUBTITLES_LANGUAGE";

  @Override
  public String name() {
    return GcoreHttp.PROVIDER;
  }

  @Override
  public String artifact() {
    return "dev.captions:captions-provider-gcore";
  }

  @Override
  public boolean isConfigured(ProviderConfig config) {
    return config.get(ProviderConfig.API_KEY, GcoreHttp.ENDPOINT.apiKeyEnvVar()).isPresent();
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("url-input", "segments", "auto-language", "code-switching", "translation");
  }

  @Override
  public Transcriber create(ProviderConfig config) {
    GcoreTranscriber.Builder b = GcoreTranscriber.builder().config(config);
    try {
      b.subtitlesLanguage(config.get("subtitlesLanguage", ENV_SUBTITLES_LANGUAGE).orElse(null));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("captions.gcore.subtitlesLanguage: " + e.getMessage());
    }
    return b.build();
  }
}
