package dev.captions.testkit.fake;

import dev.captions.ConfigurationException;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Secret;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import java.util.Set;

/**
 * A fake cloud transcriber used to exercise the contract kit in core, and a short reference for provider authors:
 * configuration from {@link ProviderConfig}, {@code JsonHttp}/{@code JobPoller} built from it, errors via
 * {@code HttpErrors}. Registered only in core's test scope and kept out of the test-jar.
 */
public final class FakeCloudTranscriberFactory implements TranscriberFactory {
  static final String NAME = "fakecloud";
  static final String API_KEY_ENV = "FAKECLOUD_API_KEY";
  static final String BASE_URL_ENV = "FAKECLOUD_BASE_URL";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String artifact() {
    return "dev.captions:captions-core";
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("words", "url-input");
  }

  @Override
  public boolean isConfigured(ProviderConfig config) {
    return config.get(ProviderConfig.API_KEY, API_KEY_ENV).isPresent();
  }

  @Override
  public Transcriber create(ProviderConfig config) {
    Secret key = config.secret(ProviderConfig.API_KEY, API_KEY_ENV).orElseThrow(() -> new ConfigurationException(
        NAME + " needs an API key: set the environment variable " + API_KEY_ENV + ", the system property captions."
            + NAME + ".apiKey, or ProviderConfig.apiKey(...)"));
    String baseUrl = config.get(ProviderConfig.BASE_URL, BASE_URL_ENV).orElse("https://api.fakecloud.invalid");
    return new FakeCloudTranscriber(config, key, baseUrl);
  }
}
