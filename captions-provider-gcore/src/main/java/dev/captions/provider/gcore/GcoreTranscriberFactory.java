package dev.captions.provider.gcore;

import dev.captions.ConfigurationException;
import dev.captions.provider.gcore.internal.GcoreHttp;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import java.time.Duration;
import java.util.Set;

/**
 * Registers {@link GcoreTranscriber} as {@code "gcore"}. Configuration (builder value, then system property
 * {@code captions.gcore.<key>}, then environment variable):
 * <ul>
 *   <li>{@code apiKey} / {@code GCORE_API_KEY} — required;</li>
 *   <li>{@code baseUrl} / {@code GCORE_BASE_URL} — default {@code https://api.gcore.com};</li>
 *   <li>{@code subtitlesLanguage} / {@code GCORE_SUBTITLES_LANGUAGE} — BCP-47; also translate (paid);</li>
 *   <li>{@code timeoutSeconds} — overall limit per task, default 1800.</li>
 * </ul>
 */
public final class GcoreTranscriberFactory implements TranscriberFactory {
  static final String ENV_API_KEY = "GCORE_API_KEY";
  static final String ENV_BASE_URL = "GCORE_BASE_URL";
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
    return config.get(ProviderConfig.API_KEY, ENV_API_KEY).isPresent();
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("url-input", "segments", "auto-language", "code-switching", "translation");
  }

  @Override
  public Transcriber create(ProviderConfig config) {
    GcoreTranscriber.Builder b = GcoreTranscriber.builder().apiKey(config.secret(ProviderConfig.API_KEY, ENV_API_KEY)
        .orElseThrow(() -> new ConfigurationException("Gcore needs an API key: set the environment variable "
            + ENV_API_KEY + " or the system property captions.gcore.apiKey")));
    config.get(ProviderConfig.BASE_URL, ENV_BASE_URL).ifPresent(b::baseUrl);
    String subtitles = config.get("subtitlesLanguage", ENV_SUBTITLES_LANGUAGE).orElse(null);
    try {
      b.subtitlesLanguage(subtitles);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("captions.gcore.subtitlesLanguage: " + e.getMessage());
    }
    b.timeout(Duration.ofSeconds(config.getLong("timeoutSeconds", 1800)));
    return b.build();
  }
}
