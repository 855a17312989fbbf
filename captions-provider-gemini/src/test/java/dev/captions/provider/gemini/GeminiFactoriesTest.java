package dev.captions.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.ConfigurationException;
import dev.captions.spi.ProviderConfig;
import dev.captions.http.JobPoller;
import dev.captions.spi.SummarizerFactory;
import dev.captions.spi.TranscriberFactory;
import dev.captions.spi.TranslatorFactory;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GeminiFactoriesTest {
  @Test
  void allThreeKindsAreRegistered() {
    assertThat(ServiceLoader.load(TranscriberFactory.class).stream().map(p -> p.get().name()).collect(Collectors.toList())).contains("gemini");
    assertThat(ServiceLoader.load(TranslatorFactory.class).stream().map(p -> p.get().name()).collect(Collectors.toList())).contains("gemini");
    assertThat(ServiceLoader.load(SummarizerFactory.class).stream().map(p -> p.get().name()).collect(Collectors.toList())).contains("gemini");
  }

  @Test
  void keyAndBaseUrlFromEnvironmentOrSystemProperties() {
    ProviderConfig env = ProviderConfig.builder("gemini").systemProperties(n -> null)
        .environment(n -> n.equals("GEMINI_API_KEY") ? "AIza-env" : n.equals("GOOGLE_GEMINI_BASE_URL") ? "http://gw:1/" : null)
        .build();
    assertThat(new GeminiFactories.TranscriberFactoryImpl().isConfigured(env)).isTrue();
    GeminiSettings s = GeminiSettings.fromConfig(env);
    assertThat(s.baseUrl()).contains("http://gw:1");
    assertThat(s.toString()).doesNotContain("AIza-env");

    ProviderConfig props = ProviderConfig.builder("gemini").environment(n -> null)
        .systemProperties(n -> n.equals("captions.gemini.baseUrl") ? "http://sys:2" : n.equals("captions.gemini.apiKey") ? "k" : null)
        .build();
    assertThat(GeminiSettings.fromConfig(props).baseUrl()).contains("http://sys:2");
  }

  @Test
  void maxContinuationsFromConfig() {
    ProviderConfig.Builder b = ProviderConfig.builder("gemini").apiKey("AIza-x").environment(n -> null).systemProperties(n -> null);
    assertThat(GeminiSettings.fromConfig(b.build()).maxContinuations()).isEqualTo(16);
    assertThat(GeminiSettings.fromConfig(b.set(GeminiSettings.MAX_CONTINUATIONS, "3").build()).maxContinuations()).isEqualTo(3);
    assertThatThrownBy(() -> GeminiSettings.fromConfig(b.set(GeminiSettings.MAX_CONTINUATIONS, "-1").build()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("captions.gemini.maxContinuations");
  }

  @Test
  void discoveredSettingsWaitForUploadsAsLongAsBuiltOnes() {
    ProviderConfig.Builder b = ProviderConfig.builder("gemini").apiKey("AIza-x").environment(n -> null).systemProperties(n -> null);
    JobPoller built = GeminiSettings.builder().apiKey("AIza-x").build().filePoller();
    JobPoller found = GeminiSettings.fromConfig(b.build()).filePoller();
    assertThat(found.timeout()).isEqualTo(built.timeout()).isEqualTo(java.time.Duration.ofMinutes(10));
    assertThat(GeminiSettings.fromConfig(b.set(JobPoller.CONFIG_JOB_TIMEOUT_MS, "60000").build()).filePoller().timeout())
        .isEqualTo(java.time.Duration.ofMinutes(1));
  }

  @Test
  void missingKeyNamesWhereToSetIt() {
    ProviderConfig none = ProviderConfig.builder("gemini").environment(n -> null).systemProperties(n -> null).build();
    assertThat(new GeminiFactories.TranslatorFactoryImpl().isConfigured(none)).isFalse();
    assertThatThrownBy(() -> new GeminiFactories.SummarizerFactoryImpl().create(none))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("GEMINI_API_KEY");
  }
}
