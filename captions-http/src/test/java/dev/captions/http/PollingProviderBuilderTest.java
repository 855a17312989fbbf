package dev.captions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.PipelineStage;
import dev.captions.ConfigurationException;
import dev.captions.spi.ProviderConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollingProviderBuilderTest {
  static final HttpProviderBuilder.Endpoint ENDPOINT =
      new HttpProviderBuilder.Endpoint("acme", "Acme", "https://api.acme.test", "ACME_API_KEY", "ACME_BASE_URL");

  /** What a provider would build, exposed for inspection. */
  static final class Built {
    final JsonHttp http;
    final okhttp3.HttpUrl baseUrl;
    final dev.captions.spi.Secret apiKey;
    final JobPoller poller;

    Built(JsonHttp http, okhttp3.HttpUrl baseUrl, dev.captions.spi.Secret apiKey, JobPoller poller) {
      this.http = http;
      this.baseUrl = baseUrl;
      this.apiKey = apiKey;
      this.poller = poller;
    }
  }

  static final class AcmeBuilder extends PollingProviderBuilder<AcmeBuilder> {
    AcmeBuilder() {
      super(ENDPOINT, Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofMinutes(30));
    }

    Built build() {
      return new Built(jsonHttp(), baseHttpUrl(), requireApiKey(), poller(PipelineStage.TRANSCRIBE));
    }
  }

  static ProviderConfig.Builder config(Map<String, String> env, Map<String, String> sysProps) {
    return ProviderConfig.builder("acme").environment(env::get).systemProperties(sysProps::get);
  }

  @Test
  void configTakesKeyAndUrlFromTheEnvironmentAndRetriesAndPollingFromKeys() {
    Built b = new AcmeBuilder().config(config(Map.of("ACME_API_KEY", "k-123", "ACME_BASE_URL", "http://127.0.0.1:1/"),
        Map.of()).set(RetryPolicy.CONFIG_MAX_ATTEMPTS, "1").set(JobPoller.CONFIG_JOB_TIMEOUT_MS, "5000").build()).build();
    assertThat(b.apiKey.reveal()).isEqualTo("k-123");
    assertThat(b.baseUrl.toString()).isEqualTo("http://127.0.0.1:1/");
    assertThat(b.http.retryPolicy().maxAttempts()).isEqualTo(1);
    assertThat(b.http.provider()).isEqualTo("acme");
    assertThat(b.poller.timeout()).isEqualTo(Duration.ofMillis(5000));
  }

  @Test
  void whatConfigLeavesOutKeepsTheProvidersDefaultsAndSystemPropertiesStillWin() {
    Built defaults = new AcmeBuilder().config(config(Map.of(), Map.of()).apiKey("k").build()).build();
    assertThat(defaults.poller.timeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(defaults.baseUrl.toString()).isEqualTo("https://api.acme.test/");

    Built fromSysProp = new AcmeBuilder().config(config(Map.of(),
        Map.of("captions.acme." + JobPoller.CONFIG_JOB_TIMEOUT_MS, "7000")).apiKey("k").build()).build();
    assertThat(fromSysProp.poller.timeout()).isEqualTo(Duration.ofMillis(7000));
  }

  @Test
  void olderTimeoutSecondsKeyIsReadButJobTimeoutMsWins() {
    Built seconds = new AcmeBuilder().config(config(Map.of(), Map.of()).apiKey("k")
        .set(PollingProviderBuilder.CONFIG_TIMEOUT_SECONDS, "90").build()).build();
    assertThat(seconds.poller.timeout()).isEqualTo(Duration.ofSeconds(90));
    Built both = new AcmeBuilder().config(config(Map.of(), Map.of()).apiKey("k")
        .set(PollingProviderBuilder.CONFIG_TIMEOUT_SECONDS, "90").set(JobPoller.CONFIG_JOB_TIMEOUT_MS, "1000").build())
        .build();
    assertThat(both.poller.timeout()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void settersAfterConfigOverrideIt() {
    Built b = new AcmeBuilder().config(config(Map.of(), Map.of()).apiKey("k").build())
        .apiKey("other").baseUrl("http://127.0.0.1:2").timeout(Duration.ofSeconds(3))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build();
    assertThat(b.apiKey.reveal()).isEqualTo("other");
    assertThat(b.poller.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(b.http.retryPolicy().maxAttempts()).isEqualTo(2);
  }

  @Test
  void missingKeyAndBadUrlAreConfigurationErrorsSayingHowToFixThem() {
    assertThatThrownBy(() -> new AcmeBuilder().build()).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ACME_API_KEY").hasMessageContaining("captions.acme.apiKey");
    assertThatThrownBy(() -> new AcmeBuilder().apiKey("k").baseUrl("ftp://x").build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("ACME_BASE_URL")
        .hasMessageContaining("https://api.acme.test");
  }
}
