package dev.captions.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.captions.PipelineStage;
import dev.captions.ProgressEvent;
import dev.captions.ProviderException;
import dev.captions.ProviderTimeoutException;
import dev.captions.spi.Async;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class JobPollerTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static final Map<String, JobStatus.State> STATES = Map.of(
      "queued", JobStatus.State.PENDING, "processing", JobStatus.State.RUNNING,
      "succeeded", JobStatus.State.SUCCEEDED, "failed", JobStatus.State.FAILED);

  FakeTime time;
  JobPoller poller;
  JsonHttp http;
  List<ProgressEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    time = new FakeTime();
    poller = JobPoller.builder("acme").stage(PipelineStage.TRANSCRIBE).initialInterval(Duration.ofSeconds(1))
        .maxInterval(Duration.ofSeconds(4)).timeout(Duration.ofSeconds(30)).jitter(0).sleeper(time).clock(time).build();
    http = JsonHttp.builder("acme").client(HttpClients.shared())
        .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build();
  }

  JobStatus<String> check() {
    JsonNode n = http.send(new Request.Builder().url(wm.baseUrl() + "/jobs/j1").build());
    return JobStatus.of(n.path("status").asText(null), STATES, n.path("progress").asDouble(Double.NaN),
        n.path("result").asText(null), n.path("error").asText(null));
  }

  void stubStatuses(String... bodies) {
    String state = Scenario.STARTED;
    for (int i = 0; i < bodies.length; i++) {
      String next = i == bodies.length - 1 ? state : "s" + (i + 1);
      wm.stubFor(get(urlEqualTo("/jobs/j1")).inScenario("job").whenScenarioStateIs(state)
          .willReturn(okJson(bodies[i])).willSetStateTo(next));
      state = next;
    }
  }

  @Test
  void pollsWithBackoffUntilSuccessAndReportsProgress() {
    stubStatuses("{\"status\":\"queued\"}", "{\"status\":\"processing\",\"progress\":0.25}",
        "{\"status\":\"processing\",\"progress\":0.5}", "{\"status\":\"processing\",\"progress\":0.75}",
        "{\"status\":\"succeeded\",\"result\":\"hello\"}");

    String result = poller.poll("j1", this::check, null, events::add);

    assertThat(result).isEqualTo("hello");
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(4));
    assertThat(events).extracting(ProgressEvent::stage).containsOnly(PipelineStage.TRANSCRIBE);
    assertThat(events).extracting(ProgressEvent::fraction).containsSubsequence(0.25, 0.5, 0.75, 1.0);
    wm.verify(5, getRequestedFor(urlEqualTo("/jobs/j1")));
  }

  @Test
  void progressNeverGoesBackwardsWhenTheProviderStartsOver() {
    stubStatuses("{\"status\":\"queued\"}", "{\"status\":\"processing\",\"progress\":0.6}",
        "{\"status\":\"processing\",\"progress\":0.2}", "{\"status\":\"processing\"}",
        "{\"status\":\"processing\",\"progress\":0.8}", "{\"status\":\"succeeded\",\"result\":\"hello\"}");

    poller.poll("j1", this::check, null, events::add);

    // Unknown until the provider gives a figure; then the highest so far, whatever came later.
    assertThat(events).extracting(ProgressEvent::fraction).containsExactly(Double.NaN, 0.6, 0.6, 0.6, 0.8, 1.0);
    assertThat(events.get(2).message()).endsWith("processing");
  }

  @Test
  void failedJobBecomesAnExceptionWithTheProvidersReason() {
    stubStatuses("{\"status\":\"processing\"}", "{\"status\":\"failed\",\"error\":\"audio stream not found\"}");

    assertThatThrownBy(() -> poller.poll("j1", this::check))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("acme: job j1 failed: audio stream not found (request id j1)");
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.requestId()).isEqualTo("j1");
        });
  }

  @Test
  void unknownStatusIsToleratedAndLoggedOnce() {
    Logger log = (Logger) LoggerFactory.getLogger(JobPoller.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    log.addAppender(appender);
    try {
      stubStatuses("{\"status\":\"transcoding\"}", "{\"status\":\"transcoding\"}", "{\"status\":\"succeeded\",\"result\":\"ok\"}");

      assertThat(poller.poll("j1", this::check)).isEqualTo("ok");

      assertThat(appender.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
          .containsExactly("acme: job j1 has status 'transcoding', which this SDK does not know; still waiting");
    } finally {
      log.detachAppender(appender);
    }
  }

  @Test
  void overallTimeoutThrowsAndCallsTheCancelHook() {
    wm.stubFor(get(urlEqualTo("/jobs/j1")).willReturn(okJson("{\"status\":\"processing\"}")));
    AtomicInteger cancels = new AtomicInteger();

    assertThatThrownBy(() -> poller.poll("j1", this::check, cancels::incrementAndGet, null))
        .isInstanceOfSatisfying(ProviderTimeoutException.class, e -> {
          assertThat(e.limit()).isEqualTo(Duration.ofSeconds(30));
          assertThat(e.requestId()).isEqualTo("j1");
          assertThat(e.getMessage()).startsWith("acme: job j1 did not finish within 30000 ms (last status 'processing')");
        });
    assertThat(cancels).hasValue(1);
    // 1+2+4×6 = 27 s, then the last wait is cut to the 3 s left and one final check is made at the deadline
    assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4),
        Duration.ofSeconds(3));
    wm.verify(time.sleeps.size() + 1, getRequestedFor(urlEqualTo("/jobs/j1")));
  }

  @Test
  void aStatusCheckThatFailsEndsPollingAndCancelsTheJob() {
    AtomicInteger cancels = new AtomicInteger();
    assertThatThrownBy(() -> poller.poll("j1", () -> {
      throw new ProviderException("acme", "status check failed", 0, null, true, null);
    }, cancels::incrementAndGet, null)).isInstanceOf(ProviderException.class).hasMessageContaining("status check failed");
    assertThat(cancels).hasValue(1);
  }

  @Test
  void cancellationStopsRequestsRunsTheCancelHookAndRestoresTheInterrupt() throws Exception {
    wm.stubFor(get(urlEqualTo("/jobs/j1")).willReturn(okJson("{\"status\":\"processing\"}")));
    wm.stubFor(delete(urlEqualTo("/jobs/j1")).willReturn(aResponse().withStatus(204)));
    JobPoller real = poller.toBuilder().initialInterval(Duration.ofMillis(20)).maxInterval(Duration.ofMillis(20))
        .sleeper(Sleeper.SYSTEM).clock(java.time.Clock.systemUTC()).build();
    AtomicBoolean interruptFlagAfter = new AtomicBoolean();
    java.util.concurrent.CountDownLatch workerDone = new java.util.concurrent.CountDownLatch(1);
    CompletableFuture<String> future = Async.supply(() -> {
      try {
        return real.poll("j1", this::check,
            () -> http.send(new Request.Builder().url(wm.baseUrl() + "/jobs/j1").delete().build()), null);
      } finally {
        interruptFlagAfter.set(Thread.currentThread().isInterrupted());
        workerDone.countDown();
      }
    });
    Deadline.await("3 status checks", Duration.ofSeconds(10), () -> checks() >= 3);

    future.cancel(true);
    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);

    // The worker has left poll(), so its cancel hook has run and it can start no more requests.
    assertThat(workerDone.await(5, TimeUnit.SECONDS)).as("worker finished").isTrue();
    Deadline.await("the cancel hook's DELETE", Duration.ofSeconds(5),
        () -> wm.countRequestsMatching(deleteRequestedFor(urlEqualTo("/jobs/j1")).build()).getCount() >= 1);
    int checksAfterHook = checks();
    Thread.sleep(200); // ten polling intervals: a poller still running would check about ten more times
    // At most one check may show up late: the one in flight when the cancel interrupted it, logged after the hook.
    assertThat(checks()).isBetween(checksAfterHook, checksAfterHook + 1);
    wm.verify(1, deleteRequestedFor(urlEqualTo("/jobs/j1")));
    assertThat(interruptFlagAfter).isTrue();
  }

  private int checks() {
    return wm.countRequestsMatching(getRequestedFor(urlEqualTo("/jobs/j1")).build()).getCount();
  }

  @Test
  void interruptBeforePollingCancelsWithoutAnyRequest() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> poller.poll("j1", this::check)).isInstanceOf(CancellationException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    wm.verify(0, getRequestedFor(urlEqualTo("/jobs/j1")));
  }

  @Test
  void unknownStatusesKeepTheirRawValue() {
    JobStatus<String> s = JobStatus.of("Reticulating", STATES, Double.NaN, null, null);
    assertThat(s.state()).isEqualTo(JobStatus.State.UNKNOWN);
    assertThat(s.raw()).isEqualTo("Reticulating");
    assertThat(JobStatus.State.classify("SUCCEEDED", STATES)).isEqualTo(JobStatus.State.SUCCEEDED);
    assertThat(JobStatus.State.classify(null, STATES)).isEqualTo(JobStatus.State.UNKNOWN);
  }

  @Test
  void futureGetUnwrapsNothingOnSuccess() throws ExecutionException, InterruptedException {
    stubStatuses("{\"status\":\"succeeded\",\"result\":\"r\"}");
    assertThat(Async.supply(() -> poller.poll("j1", this::check)).get()).isEqualTo("r");
  }
}
