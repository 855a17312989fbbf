package dev.captions.provider.gcore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.captions.AuthenticationException;
import dev.captions.ProviderException;
import dev.captions.ProviderTimeoutException;
import dev.captions.QuotaExceededException;
import dev.captions.http.RetryPolicy;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import dev.captions.shaping.CaptionQualityReport;
import dev.captions.shaping.CaptionShaper;
import dev.captions.shaping.Repair;
import dev.captions.shaping.StyleProfile;
import dev.captions.spi.TranscriptionOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gcore under faults (issue 10): every scenario asserts the outcome (or the exact exception type), that it ended within
 * the configured bound, and how many task creates the stub received; a lost create reply is resolved by looking the
 * task up by its {@code client_user_id} token, so no scenario starts a second paid task.
 */
@Timeout(30)
class GcoreFaultsTest {
  static final String KEY = "123$abcSECRETgcorekey";
  static final String TASK = GcoreTranscriberTest.TASK;
  static final String VIDEO_URL = GcoreTranscriberTest.VIDEO_URL;
  static final String TASKS = "/streaming/ai/tasks";
  /** Short, with headroom for the first requests of a JVM on a busy machine (300 ms and 1.5 s both flaked at load 18-24 on 2 cores). */
  static final Duration REQUEST_TIMEOUT = Duration.ofMillis(3000);
  static final Duration JOB_TIMEOUT = Duration.ofMillis(1500);
  /** The most any scenario may take: three attempts' time-outs, the job time-out and some slack for a busy machine. */
  static final Duration BOUND = REQUEST_TIMEOUT.multipliedBy(3).plus(JOB_TIMEOUT).plusSeconds(6);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final java.util.concurrent.atomic.AtomicInteger SCENARIOS = new java.util.concurrent.atomic.AtomicInteger();

  final List<Duration> waits = new CopyOnWriteArrayList<>();

  GcoreTranscriber transcriber() {
    return GcoreTranscriber.builder().apiKey(KEY).baseUrl(wm.baseUrl()).requestTimeout(REQUEST_TIMEOUT)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(5)).deadline(Duration.ofSeconds(10)).sleeper(waits::add).build())
        .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20)).timeout(JOB_TIMEOUT).build();
  }

  /** Warms OkHttp, Jackson and WireMock up before any bound is measured: a JVM's first calls are slow on a busy machine. */
  @org.junit.jupiter.api.BeforeAll
  static void warmUp() {
    GcoreFaultsTest t = new GcoreFaultsTest();
    t.createReplies(created());
    t.pollSucceeds();
    t.run();
    wm.resetAll();
  }

  Transcript run() {
    return transcriber().transcribe(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults());
  }

  static <T> T within(Duration bound, Callable<T> call) throws Exception {
    long start = System.nanoTime();
    try {
      return call.call();
    } finally {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
    }
  }

  static void thrownWithin(Duration bound, Callable<?> call, Class<? extends Throwable> type) {
    long start = System.nanoTime();
    assertThatThrownBy(call::call).isExactlyInstanceOf(type);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
  }

  static ResponseDefinitionBuilder created() {
    return okJson(GcoreTranscriberTest.body("task-created.json"));
  }

  void createReplies(ResponseDefinitionBuilder... replies) {
    sequence(() -> post(TASKS), replies);
  }

  void pollReplies(ResponseDefinitionBuilder... replies) {
    sequence(() -> get(TASKS + "/" + TASK), replies);
  }

  /** Stubs {@code request} to give {@code replies} in turn, the last one from then on. */
  static void sequence(java.util.function.Supplier<MappingBuilder> request, ResponseDefinitionBuilder... replies) {
    String scenario = "s" + SCENARIOS.incrementAndGet();
    for (int i = 0; i < replies.length; i++) {
      ScenarioMappingBuilder m = request.get().inScenario(scenario)
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "r" + i).willReturn(replies[i]);
      if (i + 1 < replies.length) m = m.willSetStateTo("r" + (i + 1));
      wm.stubFor(m);
    }
  }

  /** Gcore lists the task that the lost create made, tagged with the create's own token. */
  void lookupFindsTheTask() {
    wm.stubFor(get(urlPathEqualTo(TASKS)).withQueryParam("search", matching("captions-.*"))
        .willReturn(okJson("{\"results\":[{\"task_id\":\"" + TASK + "\",\"status\":\"STARTED\",\"task_data\":"
            + "{\"task_name\":\"transcription\",\"client_user_id\":\"{{request.query.search}}\"}}]}")
            .withTransformers("response-template")));
  }

  void lookupFindsNothing() {
    wm.stubFor(get(urlPathEqualTo(TASKS)).withQueryParam("search", matching("captions-.*"))
        .willReturn(okJson("{\"results\":[]}")));
  }

  void pollSucceeds() {
    pollReplies(okJson(GcoreTranscriberTest.body("task-success.json")));
  }

  static int creates() {
    return wm.findAll(postRequestedFor(urlEqualTo(TASKS))).size();
  }

  static int lookups() {
    return wm.findAll(getRequestedFor(urlPathEqualTo(TASKS))).size();
  }

  static int cancels() {
    return wm.findAll(postRequestedFor(urlEqualTo(TASKS + "/" + TASK + "/cancel"))).size();
  }

  @Test
  void rateLimitWithRetryAfterIsWaitedOutThenSucceeds() throws Exception {
    createReplies(aResponse().withStatus(429).withHeader("Retry-After", "1"), created());
    pollSucceeds();
    assertThat(within(BOUND, this::run).segments()).hasSize(3);
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
    assertThat(creates()).isEqualTo(2); // the 429 made no task
    assertThat(lookups()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 503})
  void refusalThenSuccessIsRetried(int status) throws Exception {
    createReplies(aResponse().withStatus(status), created());
    pollReplies(aResponse().withStatus(status), okJson(GcoreTranscriberTest.body("task-success.json")));
    assertThat(within(BOUND, this::run).segments()).hasSize(3);
    assertThat(creates()).isEqualTo(2); // the refused one made no task
    assertThat(lookups()).isZero();
  }

  @Test
  void serverErrorOnCreateIsLookedUpBeforeCreatingAgain() throws Exception {
    createReplies(aResponse().withStatus(500), created());
    lookupFindsNothing();
    pollSucceeds();
    assertThat(within(BOUND, this::run).segments()).hasSize(3);
    assertThat(lookups()).isEqualTo(1);
    assertThat(creates()).isEqualTo(2); // Gcore listed no task for the first: still one task in all
  }

  @Test
  void resetBeforeAnyReplyByteFindsTheTaskInsteadOfCreatingAgain() throws Exception {
    createReplies(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    lookupFindsTheTask();
    pollSucceeds();
    assertThat(within(BOUND, this::run).segments()).hasSize(3);
    assertThat(creates()).isEqualTo(1);
    assertThat(lookups()).isEqualTo(1);
  }

  @Test
  void resetMidBodyOnCreateFindsTheTaskAndOnAStatusCheckIsRetried() throws Exception {
    createReplies(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    lookupFindsTheTask();
    pollReplies(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK),
        okJson(GcoreTranscriberTest.body("task-success.json")));
    assertThat(within(BOUND, this::run).segments()).hasSize(3);
    assertThat(creates()).isEqualTo(1);
    assertThat(wm.findAll(getRequestedFor(urlEqualTo(TASKS + "/" + TASK)))).hasSize(2);
  }

  @Test
  void createReplySlowerThanTheTimeoutFindsTheTask() throws Exception {
    createReplies(created().withFixedDelay(8000));
    lookupFindsTheTask();
    pollSucceeds();
    assertThat(within(BOUND, this::run).segments()).hasSize(3);
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void statusChecksSlowerThanTheTimeoutEndInATypedTimeoutAndCancelTheTask() {
    createReplies(created());
    pollReplies(okJson(GcoreTranscriberTest.body("task-started.json")).withFixedDelay(8000));
    wm.stubFor(post(TASKS + "/" + TASK + "/cancel").willReturn(okJson("{\"result\":\"revoked\"}")));
    thrownWithin(BOUND, this::run, ProviderTimeoutException.class);
    assertThat(creates()).isEqualTo(1);
    assertThat(cancels()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"task_id\": \"34d0", "{not json", "<html><body>502 Bad Gateway</body></html>", ""})
  void malformedTruncatedHtmlOrEmptyCreateReplyFindsTheTask(String body) throws Exception {
    createReplies(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));
    lookupFindsTheTask();
    pollSucceeds();
    assertThat(within(BOUND, this::run).segments()).hasSize(3);
    assertThat(creates()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"status\": \"SUCC", "<html><body>proxy error</body></html>", ""})
  void statusChecksThatStayUnreadableEndTypedAndCancelTheTask(String body) {
    createReplies(created());
    pollReplies(aResponse().withStatus(200).withBody(body));
    wm.stubFor(post(TASKS + "/" + TASK + "/cancel").willReturn(okJson("{\"result\":\"revoked\"}")));
    thrownWithin(BOUND, this::run, ProviderException.class);
    assertThat(wm.findAll(getRequestedFor(urlEqualTo(TASKS + "/" + TASK)))).hasSize(3); // retried: a GET is safe
    assertThat(creates()).isEqualTo(1);
    assertThat(cancels()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void badKeyIsAnAuthenticationErrorNotRetried(int status) {
    createReplies(aResponse().withStatus(status).withBody("{\"detail\":\"Invalid token.\"}"));
    thrownWithin(BOUND, this::run, AuthenticationException.class);
    assertThat(creates()).isEqualTo(1);
    assertThat(lookups()).isZero();
  }

  @Test
  void quotaIsQuotaExceededNotRetried() {
    createReplies(aResponse().withStatus(402).withBody("{\"detail\":\"Payment required: no AI minutes left\"}"));
    thrownWithin(BOUND, this::run, QuotaExceededException.class);
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void failedJobIsAProviderErrorWithGcoresReason() {
    createReplies(created());
    pollReplies(okJson(GcoreTranscriberTest.body("task-failure.json")));
    long start = System.nanoTime();
    assertThatThrownBy(this::run).isExactlyInstanceOf(ProviderException.class)
        .hasMessageContaining("Translation from eng to uzb is not supported");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    assertThat(creates()).isEqualTo(1);
    assertThat(cancels()).isZero(); // it ended at Gcore
  }

  @Test
  void stuckJobTimesOutWithinTheJobTimeoutAndIsCancelled() {
    createReplies(created());
    pollReplies(okJson(GcoreTranscriberTest.body("task-started.json")));
    wm.stubFor(post(TASKS + "/" + TASK + "/cancel").willReturn(okJson("{\"result\":\"revoked\"}")));
    thrownWithin(JOB_TIMEOUT.plusSeconds(6), this::run, ProviderTimeoutException.class);
    assertThat(creates()).isEqualTo(1);
    assertThat(cancels()).isEqualTo(1);
  }

  @Test
  void absurdReversedAndDuplicatedTimesAreDroppedOrRepairedAndReported() throws Exception {
    createReplies(created());
    pollReplies(okJson(GcoreTranscriberTest.body("task-success-absurd-times.json")));
    Transcript t = within(BOUND, this::run);
    assertThat(t.dropped()).singleElement().satisfies(d -> {
      assertThat(d.text()).isEqualTo("Absurd time.");
      assertThat(d.reason()).contains("out of range");
    });
    CaptionQualityReport report = CaptionShaper.of(StyleProfile.NETFLIX_EN).shape(t).report();
    assertThat(report.repairs()).extracting(Repair::kind).contains(Repair.Kind.DROPPED_UNREADABLE_TIME,
        Repair.Kind.FIXED_END_BEFORE_START, Repair.Kind.DROPPED_DUPLICATE);
    assertThat(creates()).isEqualTo(1);
  }
}
