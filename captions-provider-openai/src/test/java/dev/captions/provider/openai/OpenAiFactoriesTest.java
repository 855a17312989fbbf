package dev.captions.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.ConfigurationException;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.SummarizerFactory;
import dev.captions.spi.TranscriberFactory;
import dev.captions.spi.TranslatorFactory;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OpenAiFactoriesTest {
  private static ProviderConfig config(String key) {
    return ProviderConfig.builder("openai").apiKey(key).environment(n -> null).systemProperties(n -> null).build();
  }

  @Test
  void allThreeKindsAreRegistered() {
    assertThat(ServiceLoader.load(TranscriberFactory.class).stream().map(p -> p.get().name()).collect(Collectors.toList())).contains("openai");
    assertThat(ServiceLoader.load(TranslatorFactory.class).stream().map(p -> p.get().name()).collect(Collectors.toList())).contains("openai");
    assertThat(ServiceLoader.load(SummarizerFactory.class).stream().map(p -> p.get().name()).collect(Collectors.toList())).contains("openai");
  }

  @Test
  void configuredOnlyWithAKeyAndMissingKeySaysWhereToSetIt() {
    OpenAiFactories.TranscriberFactoryImpl f = new OpenAiFactories.TranscriberFactoryImpl();
    assertThat(f.isConfigured(config(null))).isFalse();
    assertThat(f.isConfigured(config("sk-x"))).isTrue();
    assertThatThrownBy(() -> f.create(config(null))).isInstanceOf(ConfigurationException.class).hasMessageContaining("OPENAI_API_KEY");
  }

  @Test
  void baseUrlComesFromTheEnvironmentAndKeepsV1() {
    ProviderConfig c = ProviderConfig.builder("openai").environment(n -> n.equals("OPENAI_API_KEY") ? "sk-env"
        : n.equals("OPENAI_BASE_URL") ? "http://gateway.local:8080/v1/" : null).systemProperties(n -> null).build();
    OpenAiSettings s = OpenAiSettings.fromConfig(c);
    assertThat(s.baseUrl()).isEqualTo("http://gateway.local:8080/v1");
    assertThat(s.toString()).doesNotContain("sk-env");
  }
}
