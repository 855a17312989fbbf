package dev.captions.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.genai.errors.ApiException;
import dev.captions.ProviderException;
import dev.captions.RateLimitException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Gemini states its wait only in the 429 message text; the SDK drops headers and RetryInfo. */
class GeminiRateLimitTest {
  @Test
  void theWaitGeminiStatesBecomesTheRetryAfter() {
    ProviderException e = GeminiApi.map("transcribe", new ApiException(429, "RESOURCE_EXHAUSTED",
        "You exceeded your current quota, please check your plan and billing details. Please retry in 29.577865s."), GeminiStubs.KEY);
    assertThat(e).isInstanceOf(RateLimitException.class);
    assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofMillis(29_578));
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void noStatedWaitLeavesItToOurBackoff() {
    ProviderException e = GeminiApi.map("transcribe", new ApiException(429, "RESOURCE_EXHAUSTED", "Too many requests"), GeminiStubs.KEY);
    assertThat(((RateLimitException) e).retryAfter()).isEmpty();
    assertThat(GeminiApi.retryDelayIn("Please retry in 750ms")).isEqualTo(Duration.ofMillis(750));
    assertThat(GeminiApi.retryDelayIn(null)).isNull();
  }
}
