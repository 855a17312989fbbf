package dev.captions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.AuthenticationException;
import dev.captions.ProviderException;
import dev.captions.QuotaExceededException;
import dev.captions.RateLimitException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class HttpErrorsTest {
  static Function<String, String> headers(String... kv) {
    Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m::get;
  }

  @Test
  void authenticationFailures() {
    ProviderException e = HttpErrors.toException("openai", 401, headers("x-request-id", "req_1"),
        "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}");
    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.getMessage())
        .isEqualTo("openai: Unauthorized: Incorrect API key provided — check the API key (HTTP 401, request id req_1)");
    assertThat(e.isRetryable()).isFalse();
    assertThat(HttpErrors.toException("gcore", 403, headers(), "{\"message\":\"Forbidden\"}"))
        .isInstanceOf(AuthenticationException.class);
  }

  @Test
  void rateLimitCarriesRetryAfter() {
    ProviderException e = HttpErrors.toException("openai", 429, headers("retry-after", "20", "request-id", "r2"),
        "{\"error\":{\"message\":\"Rate limit reached\",\"code\":\"rate_limit_exceeded\"}}");
    assertThat(e).isInstanceOfSatisfying(RateLimitException.class, r -> {
      assertThat(r.retryAfter()).contains(Duration.ofSeconds(20));
      assertThat(r.isRetryable()).isTrue();
      assertThat(r.requestId()).isEqualTo("r2");
    });
  }

  @Test
  void exhaustedQuotaIsNotARateLimit() {
    ProviderException openai = HttpErrors.toException("openai", 429, headers(),
        "{\"error\":{\"message\":\"You exceeded your current quota, please check your plan and billing details.\","
            + "\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}}");
    assertThat(openai).isInstanceOf(QuotaExceededException.class);
    // the explicit code wins over a Retry-After
    assertThat(HttpErrors.toException("openai", 429, headers("retry-after", "1"),
        "{\"error\":{\"message\":\"quota\",\"code\":\"insufficient_quota\"}}")).isInstanceOf(QuotaExceededException.class);
    assertThat(openai.isRetryable()).isFalse();
    assertThat(HttpErrors.toException("ittybit", 429, headers(), "{\"error\":\"Insufficient credits on this account\"}"))
        .isInstanceOf(QuotaExceededException.class);
    assertThat(HttpErrors.toException("gcore", 402, headers(), "{\"message\":\"Payment required\"}"))
        .isInstanceOf(QuotaExceededException.class);
  }

  @Test
  void googleRetryInfoIsARateLimitWithItsDelay() {
    String body = "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota, please check your plan.\","
        + "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
        + "\"retryDelay\":\"29s\"}]}}";
    ProviderException e = HttpErrors.toException("gemini", 429, headers("x-goog-request-id", "g-7"), body);
    assertThat(e).isInstanceOfSatisfying(RateLimitException.class,
        r -> assertThat(r.retryAfter()).contains(Duration.ofSeconds(29)));
    assertThat(e.requestId()).isEqualTo("g-7");
  }

  @Test
  void serverErrorsAndRequestTimeoutAreRetryable() {
    for (int status : new int[] {408, 500, 502, 503, 504, 529}) {
      ProviderException e = HttpErrors.toException("p", status, headers(), null);
      assertThat(e.isRetryable()).as("HTTP %d", status).isTrue();
      assertThat(e.getClass()).isEqualTo(ProviderException.class);
    }
    assertThat(HttpErrors.toException("p", 529, headers(), "").getMessage()).isEqualTo("p: server error (HTTP 529)");
  }

  @Test
  void clientErrorsCarryTheProvidersMessageFromCommonShapes() {
    assertThat(HttpErrors.toException("p", 400, headers(), "{\"error\":{\"message\":\"nested\"}}").getMessage())
        .isEqualTo("p: Bad Request: nested (HTTP 400)");
    assertThat(HttpErrors.toException("p", 404, headers(), "{\"error\":\"plain\"}").getMessage())
        .isEqualTo("p: Not Found: plain (HTTP 404)");
    assertThat(HttpErrors.toException("p", 422, headers(), "{\"message\":\"top level\"}").getMessage())
        .isEqualTo("p: Unprocessable Entity: top level (HTTP 422)");
    assertThat(HttpErrors.toException("p", 409, headers(), "{\"detail\":\"already exists\"}").getMessage())
        .isEqualTo("p: Conflict: already exists (HTTP 409)");
    assertThat(HttpErrors.toException("p", 422, headers(), "{\"detail\":[{\"loc\":[\"body\",\"url\"],\"msg\":\"field required\"}]}")
        .getMessage()).isEqualTo("p: Unprocessable Entity: field required (HTTP 422)");
    assertThat(HttpErrors.toException("p", 400, headers(), "<html>\n  <b>Bad</b>\n</html>").getMessage())
        .isEqualTo("p: Bad Request: <html> <b>Bad</b> </html> (HTTP 400)");
    assertThat(HttpErrors.toException("p", 418, headers(), null).getMessage()).isEqualTo("p: request rejected (HTTP 418)");
    assertThat(HttpErrors.toException("p", 400, headers(), "x".repeat(2000)).getMessage())
        .hasSizeLessThan(HttpErrors.MAX_MESSAGE_CHARS + 40);
  }

  @Test
  void retryAfterParsing() {
    FakeTime clock = new FakeTime(Instant.parse("2015-10-21T07:28:00Z"));
    assertThat(HttpErrors.retryAfter(headers("Retry-After", "120"), clock)).isEqualTo(Duration.ofSeconds(120));
    assertThat(HttpErrors.retryAfter(headers("Retry-After", "Wed, 21 Oct 2015 07:28:30 GMT"), clock))
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(HttpErrors.retryAfter(headers("Retry-After", "Wed, 21 Oct 2015 07:00:00 GMT"), clock)).isEqualTo(Duration.ZERO);
    assertThat(HttpErrors.retryAfter(headers("retry-after-ms", "250", "Retry-After", "9"), clock))
        .isEqualTo(Duration.ofMillis(250));
    assertThat(HttpErrors.retryAfter(headers("Retry-After", "soon"), clock)).isNull();
    assertThat(HttpErrors.retryAfter(headers(), clock)).isNull();
  }
}
