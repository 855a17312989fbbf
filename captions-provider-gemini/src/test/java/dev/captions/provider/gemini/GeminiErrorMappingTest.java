package dev.captions.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.gemini.GeminiStubs.GENERATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.captions.AuthenticationException;
import dev.captions.ProviderException;
import dev.captions.RateLimitException;
import dev.captions.model.MediaSource;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gemini's google.rpc errors (providers.md §3.5) as our exception types, never carrying the key. */
class GeminiErrorMappingTest {
  @TempDir Path dir;
  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = GeminiStubs.server();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private Throwable transcribeAgainst(ResponseDefinitionBuilder response) {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(response));
    return catchThrowable(() -> new GeminiTranscriber(GeminiStubs.settings(wm).build())
        .transcribe(MediaSource.of(GeminiStubs.wav(dir, 200)), TranscriptionOptions.defaults()));
  }

  @Test
  void aBadKeyIs400InvalidArgumentAndBecomesAnAuthenticationErrorSayingWhereToSetTheKey() {
    // What generativelanguage.googleapis.com answers for a wrong key: 400, not 401.
    Throwable e = transcribeAgainst(GeminiStubs.error(400, "INVALID_ARGUMENT",
        "API key not valid. Please pass a valid API key.", "API_KEY_INVALID"));

    assertThat(e).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("API key not valid. Please pass a valid API key.")
        .hasMessageContaining("GeminiSettings.builder().apiKey(")
        .hasMessageContaining("GEMINI_API_KEY")
        .hasMessageNotContaining(GeminiStubs.KEY);
    assertThat(((ProviderException) e).httpStatus()).isEqualTo(400);
    assertThat(((ProviderException) e).isRetryable()).isFalse();
    wm.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void anExpiredKeyIsAnAuthenticationErrorToo() {
    Throwable e = transcribeAgainst(GeminiStubs.error(400, "INVALID_ARGUMENT",
        "API key expired. Please renew the API key.", "API_KEY_INVALID"));

    assertThat(e).isInstanceOf(AuthenticationException.class).hasMessageContaining("API key expired");
  }

  @Test
  void otherInvalidArgumentsStayPlainProviderErrors() {
    Throwable e = transcribeAgainst(GeminiStubs.error(400, "INVALID_ARGUMENT",
        "Request contains an invalid argument.", "BAD_REQUEST"));

    assertThat(e).isExactlyInstanceOf(ProviderException.class).hasMessageContaining("invalid argument");
  }

  @Test
  void aKeyEchoedInAnErrorMessageIsScrubbed() {
    Throwable e = transcribeAgainst(GeminiStubs.error(502, "UNAVAILABLE",
        "gateway: upstream rejected x-goog-api-key " + GeminiStubs.KEY));

    assertThat(e).isInstanceOf(ProviderException.class).hasMessageContaining("x-goog-api-key ****");
    assertThat(e.getMessage()).doesNotContain(GeminiStubs.KEY);
    assertThat(e.toString()).doesNotContain(GeminiStubs.KEY);
  }

  @Test
  void aKeyEchoedInA429IsScrubbed() {
    Throwable e = transcribeAgainst(GeminiStubs.error(429, "RESOURCE_EXHAUSTED",
        "Quota exceeded for key " + GeminiStubs.KEY + ". Please retry in 1ms."));

    assertThat(e).isInstanceOf(RateLimitException.class).hasMessageContaining("key ****");
    assertThat(e.toString()).doesNotContain(GeminiStubs.KEY);
  }
}
