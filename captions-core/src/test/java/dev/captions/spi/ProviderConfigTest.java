package dev.captions.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {
  private static final Map<String, String> ENV = Map.of("GEMINI_API_KEY", "env-key", "GEMINI_TIMEOUT", "x");
  private static final Map<String, String> PROPS = Map.of("captions.gemini.baseUrl", "http://props");

  private ProviderConfig.Builder config() {
    return ProviderConfig.builder("gemini").environment(ENV::get).systemProperties(PROPS::get);
  }

  @Test
  void builderBeatsSystemPropertyBeatsEnvironment() {
    assertThat(config().apiKey("explicit").build().get("apiKey", "GEMINI_API_KEY")).contains("explicit");
    assertThat(config().build().get("apiKey", "GEMINI_API_KEY")).contains("env-key");
    assertThat(config().build().get("baseUrl", "GOOGLE_GEMINI_BASE_URL")).contains("http://props");
    assertThat(config().baseUrl("http://builder").build().get("baseUrl")).contains("http://builder");
    assertThat(config().apiKey("  ").build().get("apiKey", "GEMINI_API_KEY")).contains("env-key");
    assertThat(config().build().get("model")).isEmpty();
  }

  @Test
  void secretsNeverPrint() {
    ProviderConfig c = config().apiKey("sk-very-secret").build();
    Secret s = c.secret("apiKey", "GEMINI_API_KEY").orElseThrow();
    assertThat(s.reveal()).isEqualTo("sk-very-secret");
    assertThat(s.toString()).isEqualTo("Secret[****]");
    assertThat(c.toString()).doesNotContain("sk-very-secret");
    assertThatThrownBy(() -> Secret.of(" ")).hasMessage("a secret must not be blank");
  }

  @Test
  void secretsAreScrubbedFromEchoedText() {
    Secret s = Secret.of("sk-very-secret");
    assertThat(s.scrubFrom("invalid key sk-very-secret (sk-very-secret)")).isEqualTo("invalid key **** (****)");
    assertThat(s.scrubFrom(null)).isNull();
    // Too short to hide anything, and replacing it everywhere would garble the message.
    assertThat(Secret.mask("a bad request", "ba")).isEqualTo("a bad request");
    assertThat(Secret.mask("abcdef!", "abcdef")).isEqualTo("****!");
  }

  @Test
  void numbersAreChecked() {
    assertThat(config().set("timeoutMs", "250").build().getLong("timeoutMs", 5)).isEqualTo(250);
    assertThat(config().build().getLong("timeoutMs", 5)).isEqualTo(5);
    assertThatThrownBy(() -> config().set("timeoutMs", "soon").build().getLong("timeoutMs", 5))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("captions.gemini.timeoutMs must be a whole number, but is 'soon'");
  }
}
