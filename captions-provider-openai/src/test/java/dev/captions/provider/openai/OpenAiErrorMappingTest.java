package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.openai.OpenAiStubs.CHAT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.captions.AuthenticationException;
import dev.captions.ProviderException;
import dev.captions.QuotaExceededException;
import dev.captions.RateLimitException;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.spi.SummaryRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * openai-java's error bodies (providers.md §4.6) reach {@code HttpErrors} as JSON, so the provider's message, its
 * {@code insufficient_quota} code and the request id all come through, and never the key. (A non-JSON error body, such
 * as a proxy's HTML page, is dropped by the SDK itself: only the status reaches us.)
 */
class OpenAiErrorMappingTest {
  WireMockServer wm;
  final List<Duration> waits = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    wm = OpenAiStubs.server();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private Throwable summarizeAgainst(ResponseDefinitionBuilder response) {
    wm.stubFor(post(urlEqualTo(CHAT)).willReturn(response));
    OpenAiSettings settings = OpenAiStubs.settings(wm).retryPolicy(OpenAiStubs.fastRetries(3, waits::add)).build();
    SummaryRequest request = SummaryRequest.builder()
        .transcript(CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(Cue.of(0, 2000, "Hello.")))).build();
    return catchThrowable(() -> new OpenAiSummarizer(settings).summarize(request));
  }

  @Test
  void insufficientQuotaIsNotRetriedEvenWithRetryAfter() {
    // OpenAI's "out of credit" answer is a 429 too; a Retry-After (as a proxy may add) must not make it look transient.
    Throwable e = summarizeAgainst(OpenAiStubs.error(429, "insufficient_quota", "insufficient_quota",
        "You exceeded your current quota, please check your plan and billing details.").withHeader("Retry-After", "20"));

    assertThat(e).isInstanceOf(QuotaExceededException.class)
        .hasMessage("openai: Too Many Requests: You exceeded your current quota, please check your plan and billing "
            + "details. (HTTP 429, request id req_err)");
    assertThat(((ProviderException) e).isRetryable()).isFalse();
    wm.verify(1, postRequestedFor(urlEqualTo(CHAT)));
    assertThat(waits).isEmpty();
  }

  @Test
  void rateLimitExceededIsRetriedThenARateLimitException() {
    Throwable e = summarizeAgainst(OpenAiStubs.error(429, "requests", "rate_limit_exceeded",
        "Rate limit reached for gpt-4o in organization org-x on requests per min (RPM): Limit 500, Used 500, "
            + "Requested 1. Please try again in 120ms.").withHeader("Retry-After-Ms", "120"));

    assertThat(e).isInstanceOf(RateLimitException.class).hasMessageStartingWith("openai: Too Many Requests: Rate limit reached")
        .hasMessageNotContaining("{error=");
    assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofMillis(120));
    wm.verify(3, postRequestedFor(urlEqualTo(CHAT)));
    assertThat(waits).containsExactly(Duration.ofMillis(120), Duration.ofMillis(120));
  }

  @Test
  void invalidApiKeyCarriesOnlyTheProvidersMessage() {
    Throwable e = summarizeAgainst(OpenAiStubs.error(401, "invalid_request_error", "invalid_api_key",
        "Incorrect API key provided: sk-test-****CRET. You can find your API key at https://platform.openai.com/account/api-keys."));

    assertThat(e).isInstanceOf(AuthenticationException.class)
        .hasMessage("openai: Unauthorized: Incorrect API key provided: sk-test-****CRET. You can find your API key at "
            + "https://platform.openai.com/account/api-keys. — check the API key (HTTP 401, request id req_err)");
    wm.verify(1, postRequestedFor(urlEqualTo(CHAT)));
  }

  @Test
  void aKeyEchoedInAJsonErrorBodyIsScrubbed() {
    Throwable e = summarizeAgainst(OpenAiStubs.error(502, "gateway_error", null,
        "upstream refused the request with Authorization: Bearer " + OpenAiStubs.KEY));

    assertThat(e).isInstanceOf(ProviderException.class).hasMessageContaining("Authorization: Bearer ****");
    assertThat(e.getMessage()).doesNotContain(OpenAiStubs.KEY);
    assertThat(e.toString()).doesNotContain(OpenAiStubs.KEY);
  }
}
