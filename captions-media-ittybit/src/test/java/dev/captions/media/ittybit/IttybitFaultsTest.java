package dev.captions.media.ittybit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.AuthenticationException;
import dev.captions.ProviderException;
import dev.captions.ProviderTimeoutException;
import dev.captions.QuotaExceededException;
import dev.captions.http.RetryPolicy;
import dev.captions.model.MediaSource;
import dev.captions.spi.AudioOptions;
import dev.captions.model.MediaRef;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ittybit under faults (issue 10): every scenario asserts the outcome (or the exact exception type), that it ended
 * within the configured bound, and the job creates the stub received. A create may reach Ittybit more than once, but
 * always with one {@code Idempotency-Key}, which Ittybit answers with the original job: never a second paid job.
 */
@Timeout(30)
class IttybitFaultsTest {
  static final String KEY = "ittybit_live_SECRETxyz";
  static final String VIDEO = "https://cdn.example.com/v/42.mp4";
  static final String JOB = "/jobs/job_abc123";
  /** Short, with headroom for the first requests of a JVM on a busy machine (300 ms and 1.5 s both flaked at load 18-24 on 2 cores). */
  static final Duration REQUEST_TIMEOUT = Duration.ofMillis(3000);
  static final Duration JOB_TIMEOUT = Duration.ofMillis(1500);
  static final Duration BOUND = REQUEST_TIMEOUT.multipliedBy(3).plus(JOB_TIMEOUT).plusSeconds(6);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final java.util.concurrent.atomic.AtomicInteger SCENARIOS = new java.util.concurrent.atomic.AtomicInteger();

  final List<Duration> waits = new CopyOnWriteArrayList<>();

  /** Warms OkHttp, Jackson and WireMock up before any bound is measured: a JVM's first calls are slow on a busy machine. */
  @org.junit.jupiter.api.BeforeAll
  static void warmUp() {
    IttybitFaultsTest t = new IttybitFaultsTest();
    t.createReplies(created());
    t.jobSucceeds();
    t.run();
    wm.resetAll();
  }

  MediaRef run() {
    IttybitMediaProcessor p = IttybitMediaProcessor.builder().apiKey(KEY).baseUrl(wm.baseUrl())
        .requestTimeout(REQUEST_TIMEOUT)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(5)).deadline(Duration.ofSeconds(10)).sleeper(waits::add).build())
        .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20)).timeout(JOB_TIMEOUT).build();
    try {
      return p.extractAudio(MediaSource.ofUrl(VIDEO), AudioOptions.of(AudioOptions.Format.MP3));
    } finally {
      p.close();
    }
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
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody(IttybitMediaProcessorTest.body("job-audio-queued.json"));
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

  void createReplies(ResponseDefinitionBuilder... replies) {
    sequence(() -> post("/jobs"), replies);
  }

  void pollReplies(ResponseDefinitionBuilder... replies) {
    sequence(() -> get(JOB), replies);
  }

  void jobSucceeds() {
    pollReplies(okJson(IttybitMediaProcessorTest.body("job-audio-succeeded-string.json")));
  }

  static List<LoggedRequest> creates() {
    return wm.findAll(postRequestedFor(urlEqualTo("/jobs")));
  }

  /** The Idempotency-Keys the creates carried: one key means one job at Ittybit, however often it was sent. */
  static Set<String> createKeys() {
    return creates().stream().map(r -> r.getHeader("Idempotency-Key")).collect(Collectors.toSet());
  }

  static void assertOneJob(int sent) {
    assertThat(creates()).hasSize(sent);
    assertThat(createKeys()).hasSize(1).doesNotContainNull();
  }

  @Test
  void rateLimitWithRetryAfterIsWaitedOutThenSucceeds() throws Exception {
    createReplies(aResponse().withStatus(429).withHeader("Retry-After", "2")
        .withBody(IttybitMediaProcessorTest.body("error-429.json")), created());
    jobSucceeds();
    assertThat(within(BOUND, this::run).source().uri().toString()).endsWith("42.mp3");
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
    assertOneJob(2);
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void serverErrorThenSuccessIsRetriedWithTheSameKey(int status) throws Exception {
    createReplies(aResponse().withStatus(status), created());
    pollReplies(aResponse().withStatus(status),
        okJson(IttybitMediaProcessorTest.body("job-audio-succeeded-string.json")));
    assertThat(within(BOUND, this::run).id()).hasValue("job_abc123");
    assertOneJob(2);
  }

  @Test
  void resetBeforeAnyReplyByteIsRetriedWithTheSameKey() throws Exception {
    createReplies(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), created());
    jobSucceeds();
    assertThat(within(BOUND, this::run).id()).hasValue("job_abc123");
    assertOneJob(2);
  }

  @Test
  void resetMidBodyIsRetriedForTheCreateAndTheStatusCheck() throws Exception {
    createReplies(aResponse().withStatus(201).withFault(Fault.MALFORMED_RESPONSE_CHUNK), created());
    pollReplies(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK),
        okJson(IttybitMediaProcessorTest.body("job-audio-succeeded-string.json")));
    assertThat(within(BOUND, this::run).id()).hasValue("job_abc123");
    assertOneJob(2);
  }

  @Test
  void replySlowerThanTheTimeoutIsRetriedThenATypedTimeoutWithinTheBound() {
    createReplies(created().withFixedDelay(8000));
    thrownWithin(BOUND, this::run, ProviderTimeoutException.class);
    assertOneJob(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"id\":\"job_ab", "{not json", "<html><body>502 Bad Gateway</body></html>", ""})
  void malformedTruncatedHtmlOrEmptyBodiesAreRetriedThenTyped(String body) {
    createReplies(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(body));
    thrownWithin(BOUND, this::run, ProviderException.class);
    assertOneJob(3);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void badKeyIsAnAuthenticationErrorNotRetried(int status) {
    createReplies(aResponse().withStatus(status).withBody(IttybitMediaProcessorTest.body("error-401.json")));
    thrownWithin(BOUND, this::run, AuthenticationException.class);
    assertOneJob(1);
  }

  @Test
  void paymentRequiredIsQuotaExceededNotRetried() {
    createReplies(aResponse().withStatus(402)
        .withBody("{\"kind\":\"payment_required\",\"message\":\"Your plan has no processing minutes left\"}"));
    thrownWithin(BOUND, this::run, QuotaExceededException.class);
    assertOneJob(1);
  }

  @Test
  void failedJobIsAProviderErrorWithIttybitsReason() {
    createReplies(created());
    pollReplies(okJson(IttybitMediaProcessorTest.body("job-failed.json")));
    thrownWithin(BOUND, this::run, ProviderException.class);
    assertOneJob(1);
  }

  @Test
  void stuckJobTimesOutWithinTheJobTimeout() {
    createReplies(created());
    pollReplies(okJson(IttybitMediaProcessorTest.body("job-audio-processing.json")));
    thrownWithin(JOB_TIMEOUT.plusSeconds(6), this::run, ProviderTimeoutException.class);
    assertOneJob(1);
  }
}
