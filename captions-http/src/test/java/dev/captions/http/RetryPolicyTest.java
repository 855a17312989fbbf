package dev.captions.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.captions.AuthenticationException;
import dev.captions.CaptionsException;
import dev.captions.ProviderException;
import dev.captions.ProviderTimeoutException;
import dev.captions.RateLimitException;
import java.time.Duration;
import java.util.List;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryPolicyTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  FakeTime time;
  RetryPolicy policy;
  JsonHttp http;
  OkHttpClient client = HttpClients.builder().readTimeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void setUp() {
    time = new FakeTime();
    policy = RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ofMillis(100)).maxDelay(Duration.ofSeconds(1))
        .jitter(0).sleeper(time).clock(time).build();
    http = JsonHttp.builder("acme").client(client).retryPolicy(policy).build();
  }

  String url(String path) {
    return wm.baseUrl() + path;
  }

  void stubSequence(String path, boolean post, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... responses) {
    String state = Scenario.STARTED;
    for (int i = 0; i < responses.length; i++) {
      String next = i == responses.length - 1 ? state : "step" + (i + 1);
      wm.stubFor((post ? post(urlEqualTo(path)) : get(urlEqualTo(path))).inScenario(path)
          .whenScenarioStateIs(state).willReturn(responses[i]).willSetStateTo(next));
      state = next;
    }
  }

  @Test
  void honoursRetryAfterSecondsMeasuredOnTheFakeClock() {
    stubSequence("/r", false,
        aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("{\"error\":{\"message\":\"slow down\"}}"),
        aResponse().withStatus(200).withBody("{\"ok\":true}"));

    JsonNode body = http.send(new Request.Builder().url(url("/r")).build());

    assertThat(body.get("ok").asBoolean()).isTrue();
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(7));
    wm.verify(2, getRequestedFor(urlEqualTo("/r")));
  }

  @Test
  void honoursRetryAfterHttpDateAndRetryAfterMs() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(time.instant().plusSeconds(12).atZone(ZoneOffset.UTC));
    stubSequence("/d", false,
        aResponse().withStatus(503).withHeader("Retry-After", date),
        aResponse().withStatus(429).withHeader("Retry-After-Ms", "1500").withHeader("Retry-After", "99"),
        aResponse().withStatus(200).withBody("{}"));

    http.send(new Request.Builder().url(url("/d")).build());

    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(12), Duration.ofMillis(1500));
  }

  @Test
  void serverErrorThenSuccessSucceedsAfterExponentialBackoff() {
    stubSequence("/s", false,
        aResponse().withStatus(500), aResponse().withStatus(502), aResponse().withStatus(503),
        aResponse().withStatus(200).withBody("{\"n\":3}"));

    JsonNode body = http.send(new Request.Builder().url(url("/s")).build());

    assertThat(body.get("n").asInt()).isEqualTo(3);
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void givesUpAfterMaxAttemptsWithARetryableException() {
    wm.stubFor(get(urlEqualTo("/down")).willReturn(aResponse().withStatus(503).withHeader("x-request-id", "req-9")
        .withBody("{\"message\":\"maintenance\"}")));

    assertThatThrownBy(() -> http.send(new Request.Builder().url(url("/down")).build()))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.isRetryable()).isTrue();
          assertThat(e.httpStatus()).isEqualTo(503);
          assertThat(e.requestId()).isEqualTo("req-9");
          assertThat(e.getMessage()).isEqualTo("acme: Service Unavailable: maintenance (HTTP 503, request id req-9)");
        });
    wm.verify(4, getRequestedFor(urlEqualTo("/down")));
    assertThat(time.sleeps).hasSize(3);
  }

  @Test
  void badRequestIsNotRetried() {
    wm.stubFor(get(urlEqualTo("/bad")).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":{\"message\":\"field 'url' is required\"}}")));

    assertThatThrownBy(() -> http.send(new Request.Builder().url(url("/bad")).build()))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.getMessage()).isEqualTo("acme: Bad Request: field 'url' is required (HTTP 400)");
        });
    wm.verify(1, getRequestedFor(urlEqualTo("/bad")));
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void unauthorizedIsNotRetried() {
    wm.stubFor(get(urlEqualTo("/auth")).willReturn(aResponse().withStatus(401).withBody("{\"detail\":\"Invalid token\"}")));

    assertThatThrownBy(() -> http.send(new Request.Builder().url(url("/auth")).build()))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("Invalid token");
    wm.verify(1, getRequestedFor(urlEqualTo("/auth")));
  }

  @Test
  void postWithoutIdempotencyIsNotRetried() {
    wm.stubFor(post(urlEqualTo("/jobs")).willReturn(aResponse().withStatus(503)));

    Request request = new Request.Builder().url(url("/jobs")).post(http.json(java.util.Map.of("a", 1))).build();
    assertThatThrownBy(() -> http.send(request)).isInstanceOf(ProviderException.class);

    wm.verify(1, postRequestedFor(urlEqualTo("/jobs")));
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void postWithIdempotencyKeyOrMarkedSafeIsRetried() {
    stubSequence("/idem", true, aResponse().withStatus(503), aResponse().withStatus(200).withBody("{}"));
    http.send(new Request.Builder().url(url("/idem")).header(RetryPolicy.IDEMPOTENCY_KEY, "k-1")
        .post(RequestBody.create(new byte[0], JsonHttp.JSON)).build());
    wm.verify(2, postRequestedFor(urlEqualTo("/idem")));

    stubSequence("/marked", true, aResponse().withStatus(500), aResponse().withStatus(200).withBody("{}"));
    http.send(RetryPolicy.markSafeToRepeat(new Request.Builder().url(url("/marked"))
        .post(RequestBody.create(new byte[0], JsonHttp.JSON)).build()));
    wm.verify(2, postRequestedFor(urlEqualTo("/marked")));
  }

  @Test
  void timeoutBecomesProviderTimeoutException() {
    wm.stubFor(get(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(1500).withBody("{}")));
    OkHttpClient impatient = HttpClients.builder().readTimeout(Duration.ofMillis(200)).build();
    JsonHttp slowHttp = JsonHttp.builder("acme").client(impatient)
        .retryPolicy(policy.toBuilder().maxAttempts(2).build()).build();

    assertThatThrownBy(() -> slowHttp.send(new Request.Builder().url(url("/slow")).build()))
        .isInstanceOfSatisfying(ProviderTimeoutException.class, e -> {
          assertThat(e.isRetryable()).isTrue();
          assertThat(e.limit()).isEqualTo(Duration.ofMillis(200));
          assertThat(e.getMessage()).startsWith("acme: the request timed out after 200 ms");
        });
    wm.verify(2, getRequestedFor(urlEqualTo("/slow")));
  }

  @Test
  void stopsWhenTheNextWaitWouldExceedTheTotalDelayLimit() {
    wm.stubFor(get(urlEqualTo("/long")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    RetryPolicy capped = policy.toBuilder().maxTotalDelay(Duration.ofSeconds(60)).build();
    JsonHttp h = JsonHttp.builder("acme").client(client).retryPolicy(capped).build();

    assertThatThrownBy(() -> h.send(new Request.Builder().url(url("/long")).build()))
        .isInstanceOfSatisfying(RateLimitException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
    wm.verify(1, getRequestedFor(urlEqualTo("/long")));
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void backoffIsCappedAndJittered() {
    RetryPolicy p = RetryPolicy.builder().initialDelay(Duration.ofMillis(100)).maxDelay(Duration.ofMillis(500))
        .jitter(0.5).random(() -> 0.5).build();
    // 100·2^(n-1), capped at 500, minus 0.5 × 0.5 = 25 %
    assertThat(p.backoff(1)).isEqualTo(Duration.ofMillis(75));
    assertThat(p.backoff(3)).isEqualTo(Duration.ofMillis(300));
    assertThat(p.backoff(4)).isEqualTo(Duration.ofMillis(375));
    assertThat(p.backoff(40)).isEqualTo(Duration.ofMillis(375));
  }

  @Test
  void genericCallRetriesRetryableExceptionsHonouringRetryAfter() {
    AtomicInteger calls = new AtomicInteger();
    String result = policy.call(() -> {
      if (calls.incrementAndGet() == 1) throw new RateLimitException("sdk", "slow down", 429, null, Duration.ofSeconds(4));
      if (calls.get() == 2) throw new ProviderException("sdk", "overloaded", 503, null, true, null);
      return "done";
    });
    assertThat(result).isEqualTo("done");
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(4), Duration.ofMillis(200));
  }

  @Test
  void theDeadlineCountsEveryAttemptAndWaitAndGivesEachAttemptOnlyWhatIsLeft() {
    // waits of 1 s, 2 s, 4 s… counted against a 2.5 s deadline: after the 1 s wait, a 2 s wait would end past it
    RetryPolicy bounded = policy.toBuilder().maxAttempts(10).initialDelay(Duration.ofSeconds(1))
        .maxDelay(Duration.ofSeconds(8)).jitter(0).deadline(Duration.ofMillis(2500)).build();
    AtomicInteger calls = new AtomicInteger();
    List<Duration> budgets = new java.util.concurrent.CopyOnWriteArrayList<>();
    assertThatThrownBy(() -> bounded.callWithin(Duration.ofSeconds(60), budget -> {
      calls.incrementAndGet();
      budgets.add(budget);
      throw new ProviderException("sdk", "overloaded", 503, null, true, null);
    })).isInstanceOf(ProviderException.class).hasMessageContaining("overloaded");
    assertThat(calls).hasValue(2);
    assertThat(budgets.get(0)).isLessThanOrEqualTo(Duration.ofMillis(2500)); // not the 60 s request time-out
    assertThat(budgets.get(1)).isLessThanOrEqualTo(Duration.ofMillis(1500)); // what the 1 s wait left
  }

  @Test
  void anUnsafePostIsNotRetriedAfterAResetButARefusalIsWhenMarked() {
    wm.stubFor(post(urlEqualTo("/create")).willReturn(aResponse().withFault(
        com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
    Request create = new Request.Builder().url(url("/create")).post(http.json(java.util.Map.of("a", 1))).build();
    assertThatThrownBy(() -> http.send(create)).isInstanceOf(ProviderException.class)
        .hasMessageContaining("was not sent again because it may have reached");
    wm.verify(1, postRequestedFor(urlEqualTo("/create")));

    wm.stubFor(post(urlEqualTo("/refused")).willReturn(aResponse().withStatus(503)));
    Request refused = RetryPolicy.markRefusalsRetryable(
        new Request.Builder().url(url("/refused")).post(http.json(java.util.Map.of("a", 1))).build());
    assertThatThrownBy(() -> http.send(refused)).isInstanceOf(ProviderException.class);
    wm.verify(policy.maxAttempts(), postRequestedFor(urlEqualTo("/refused")));
  }

  @Test
  void genericCallDoesNotRetryWhatThePredicateRejects() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> policy.call(() -> {
      calls.incrementAndGet();
      throw new IllegalStateException("sdk says no");
    }, e -> e instanceof java.io.IOException)).isInstanceOf(IllegalStateException.class).hasMessage("sdk says no");
    assertThat(calls).hasValue(1);

    calls.set(0);
    assertThatThrownBy(() -> policy.call(() -> {
      calls.incrementAndGet();
      throw new CaptionsException("not retryable");
    })).isInstanceOf(CaptionsException.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void interruptDuringWaitCancelsAndKeepsTheFlag() {
    RetryPolicy interrupting = policy.toBuilder().sleeper(d -> {
      throw new InterruptedException();
    }).build();
    AtomicInteger calls = new AtomicInteger();
    try {
      assertThatThrownBy(() -> interrupting.call(() -> {
        calls.incrementAndGet();
        throw new ProviderException("sdk", "busy", 503, null, true, null);
      })).isInstanceOf(CancellationException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(calls).hasValue(1);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void cancellingTheFutureAbortsARequestInFlight() throws Exception {
    wm.stubFor(get(urlEqualTo("/hang")).willReturn(aResponse().withStatus(200).withFixedDelay(30_000).withBody("{}")));
    java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicReference<Throwable> outcome = new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.CompletableFuture<JsonNode> future = dev.captions.spi.Async.supply(() -> {
      try {
        return http.send(new Request.Builder().url(url("/hang")).build());
      } catch (Throwable t) {
        outcome.set(t);
        throw t;
      } finally {
        finished.countDown();
      }
    });
    Deadline.await("the request to reach the server", Duration.ofSeconds(10),
        () -> wm.countRequestsMatching(getRequestedFor(urlEqualTo("/hang")).build()).getCount() >= 1);

    future.cancel(true);

    // far below the 30 s the server would take and the 5 s read time-out
    assertThat(finished.await(4, java.util.concurrent.TimeUnit.SECONDS)).as("worker stopped").isTrue();
    assertThat(outcome.get()).isInstanceOf(CancellationException.class);
    wm.verify(1, getRequestedFor(urlEqualTo("/hang")));
  }

  @Test
  void safeToRepeatRules() {
    Request.Builder b = new Request.Builder().url("http://127.0.0.1/x");
    assertThat(RetryPolicy.isSafeToRepeat(b.get().build())).isTrue();
    assertThat(RetryPolicy.isSafeToRepeat(b.delete().build())).isTrue();
    assertThat(RetryPolicy.isSafeToRepeat(b.put(RequestBody.create(new byte[0], null)).build())).isTrue();
    assertThat(RetryPolicy.isSafeToRepeat(b.post(RequestBody.create(new byte[0], null)).build())).isFalse();
    assertThat(RetryPolicy.isSafeToRepeat(b.patch(RequestBody.create(new byte[0], null)).build())).isFalse();
  }

  @Test
  void builderRejectsNonsense() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).hasMessage("maxAttempts must be >= 1, but is 0");
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(2)).hasMessage("jitter must be in [0, 1], but is 2.0");
    assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(5)).maxDelay(Duration.ofSeconds(1)).build())
        .hasMessage("maxDelay (PT1S) must be >= initialDelay (PT5S)");
  }
}
