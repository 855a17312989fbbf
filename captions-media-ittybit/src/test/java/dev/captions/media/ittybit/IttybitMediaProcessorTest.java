package dev.captions.media.ittybit;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.AuthenticationException;
import dev.captions.InvalidMediaException;
import dev.captions.ProviderException;
import dev.captions.ProviderTimeoutException;
import dev.captions.model.Frame;
import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import dev.captions.spi.Async;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.FrameOptions;
import dev.captions.http.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

class IttybitMediaProcessorTest {
  static final String KEY = "ittybit_live_SECRETxyz";
  static final String VIDEO = "https://cdn.example.com/v/42.mp4";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  final List<Duration> waits = new ArrayList<>();

  static String body(String name) {
    try (InputStream in = IttybitMediaProcessorTest.class.getResourceAsStream("/ittybit/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  IttybitMediaProcessor.Builder builder() {
    return IttybitMediaProcessor.builder().apiKey(KEY).baseUrl(wm.baseUrl())
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(5))
            .sleeper(waits::add).build())
        .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20)).timeout(Duration.ofSeconds(10));
  }

  @Test
  void extractsAudioAndReturnsTheOutputUrlWithTheJobId() {
    wm.stubFor(post("/jobs").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody(body("job-audio-queued.json"))));
    wm.stubFor(get("/jobs/job_abc123").inScenario("a").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(body("job-audio-processing.json"))).willSetStateTo("done"));
    wm.stubFor(get("/jobs/job_abc123").inScenario("a").whenScenarioStateIs("done")
        .willReturn(okJson(body("job-audio-succeeded-string.json"))));
    MediaRef ref = builder().build().extractAudio(MediaSource.ofUrl(VIDEO), AudioOptions.of(AudioOptions.Format.MP3));
    assertThat(ref.source().uri().toString()).isEqualTo("https://store.ittybit.net/org_1/42.mp3");
    assertThat(ref.id()).hasValue("job_abc123");
    assertThat(ref.provider()).isEqualTo("ittybit");
    wm.verify(postRequestedFor(urlEqualTo("/jobs")).withHeader("Authorization", equalTo("Bearer " + KEY))
        .withHeader("Idempotency-Key", matching("[0-9a-f-]{36}"))
        .withRequestBody(equalToJson("{\"input\":\"" + VIDEO + "\",\"kind\":\"audio\",\"options\":{\"format\":\"mp3\"}}")));
  }

  @Test
  void acceptsEveryDocumentedOutputShape() {
    IttybitMediaProcessor p = builder().build();
    for (String[] c : new String[][] {{"job-succeeded-output-object.json", "job_obj1", "https://store.ittybit.net/org_1/frame.jpg"},
        {"job-succeeded-output-url.json", "job_url1", "https://store.ittybit.net/org_1/42-captioned.mp4"},
        {"job-succeeded-task-only.json", "job_task1", "https://store.ittybit.net/org_1/final.mp4"}}) {
      wm.resetAll();
      wm.stubFor(post("/jobs").willReturn(okJson("{\"id\":\"" + c[1] + "\",\"status\":\"queued\"}")));
      wm.stubFor(get("/jobs/" + c[1]).willReturn(okJson(body(c[0]))));
      assertThat(p.extractAudio(MediaSource.ofUrl(VIDEO), AudioOptions.defaults()).source().uri().toString()).isEqualTo(c[2]);
    }
  }

  @Test
  void idempotencyKeyIsStableAcrossRetriesAnd429RetryAfterIsHonoured() {
    wm.stubFor(post("/jobs").inScenario("r").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3").withBody(body("error-429.json"))).willSetStateTo("5xx"));
    wm.stubFor(post("/jobs").inScenario("r").whenScenarioStateIs("5xx")
        .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
    wm.stubFor(post("/jobs").inScenario("r").whenScenarioStateIs("ok").willReturn(okJson(body("job-audio-queued.json"))));
    wm.stubFor(get("/jobs/job_abc123").willReturn(okJson(body("job-audio-succeeded-string.json"))));
    builder().build().extractAudio(MediaSource.ofUrl(VIDEO), AudioOptions.defaults());
    List<LoggedRequest> creates = wm.findAll(postRequestedFor(urlEqualTo("/jobs")));
    assertThat(creates).hasSize(3);
    assertThat(creates.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().collect(Collectors.toList())).hasSize(1);
    assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(3));
  }

  void stubFrameJobs(int n) {
    for (int i = 0; i < n; i++) {
      wm.stubFor(post("/jobs").withRequestBody(matchingJsonPath("$.options.start", equalTo(String.valueOf(i * 15.0))))
          .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
              .withBody("{\"id\":\"job_f" + i + "\",\"object\":\"job\",\"kind\":\"image\",\"status\":\"queued\","
                  + "\"output\":null,\"error\":null,\"tasks\":[]}")));
      wm.stubFor(get("/jobs/job_f" + i).willReturn(okJson("{\"id\":\"job_f" + i + "\",\"object\":\"job\","
          + "\"kind\":\"image\",\"status\":\"succeeded\",\"error\":null,"
          + "\"output\":{\"url\":\"https://store.ittybit.net/f" + i + ".jpg\",\"kind\":\"image\",\"format\":\"jpeg\"}}")));
    }
  }

  static final List<Long> SIX_FRAMES = List.of(0L, 15_000L, 30_000L, 45_000L, 60_000L, 75_000L);

  @Test
  void eachFrameJobGetsItsOwnKeyAndFramesComeBackInOrder() {
    stubFrameJobs(6);
    List<Frame> frames = builder().maxConcurrentJobs(3).build()
        .extractFrames(MediaSource.ofUrl(VIDEO), FrameOptions.builder().timestampsMs(SIX_FRAMES).width(1280).build());
    assertThat(frames).extracting(Frame::timestampMs).containsExactlyElementsOf(SIX_FRAMES);
    for (int i = 0; i < 6; i++) {
      assertThat(frames.get(i).image().uri().toString()).isEqualTo("https://store.ittybit.net/f" + i + ".jpg");
    }
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/jobs"))).stream().map(r -> r.getHeader("Idempotency-Key"))
        .distinct().count()).isEqualTo(6);
  }

  /**
   * Every created job is held open (its worker blocked right after the create) until three are open at once, which
   * only parallel workers can reach; then a fourth must not open. Counted on the client, so no timing decides the
   * outcome: the 300 ms in which a fourth job could show up only makes a broken bound likelier to be seen.
   */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void frameJobsRunInParallelButNeverMoreThanMaxConcurrentJobs() throws Exception {
    stubFrameJobs(6);
    OpenJobs jobs = new OpenJobs().holdEachJobOpen();
    IttybitMediaProcessor p = builder().httpClient(jobs.client()).maxConcurrentJobs(3).build();
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<List<Frame>> frames = caller.submit(() -> p.extractFrames(MediaSource.ofUrl(VIDEO),
          FrameOptions.builder().timestampsMs(SIX_FRAMES).width(1280).build()));
      boolean three = jobs.awaitOpen(3, 20_000);
      boolean four = three && jobs.awaitOpen(4, 300);
      jobs.release();
      assertThat(three).as("3 frame jobs open at once within 20 s (most ever: %d)", jobs.maxOpen()).isTrue();
      assertThat(four).as("a 4th job opened while 3 were in flight").isFalse();

      assertThat(frames.get(30, TimeUnit.SECONDS)).extracting(Frame::timestampMs).containsExactlyElementsOf(SIX_FRAMES);
      assertThat(jobs.maxOpen()).isEqualTo(3);
      assertThat(jobs.count("POST /jobs")).isEqualTo(6);
    } finally {
      jobs.release();
      caller.shutdownNow();
    }
  }

  /**
   * Cancels while the job is being polled: waits for two status checks (progress events), cancels, then waits for the
   * worker itself to finish, bounded so that polling which goes on fails the test instead of passing it. Ittybit
   * documents no cancel endpoint for jobs (providers.md §1.1), so nothing but the create and the checks may be sent.
   */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void cancellingMidPollStopsPollingPromptly() throws Exception {
    wm.stubFor(post("/jobs").willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
        .withBody(body("job-audio-queued.json"))));
    wm.stubFor(get("/jobs/job_abc123").willReturn(okJson(body("job-audio-processing.json"))));
    OpenJobs jobs = new OpenJobs();
    // a job time-out far beyond the wait below: only the cancel can end this call in time
    IttybitMediaProcessor p = builder().httpClient(jobs.client()).timeout(Duration.ofMinutes(10)).build();
    CountDownLatch twoChecks = new CountDownLatch(2);
    AudioOptions options = AudioOptions.defaults().withProgress(e -> twoChecks.countDown());
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      // what extractAudioAsync does, on an executor of the test's own so that it can wait for the worker to finish
      CompletableFuture<MediaRef> f = Async.supply(() -> p.extractAudio(MediaSource.ofUrl(VIDEO), options), worker);
      assertThat(twoChecks.await(20, TimeUnit.SECONDS)).as("two status checks within 20 s").isTrue();
      long checksBeforeCancel = jobs.count(POLL);

      assertThat(f.cancel(true)).isTrue();
      worker.shutdown();
      assertThat(worker.awaitTermination(20, TimeUnit.SECONDS)).as("polling stopped within 20 s of the cancel").isTrue();

      // at most the one check already on its way when the interrupt came
      assertThat(jobs.count(POLL)).isBetween(checksBeforeCancel, checksBeforeCancel + 1);
      assertThat(jobs.sent()).containsOnly("POST /jobs", POLL);
      assertThat(jobs.count("POST /jobs")).isEqualTo(1);
      assertThatThrownBy(f::get).isInstanceOf(CancellationException.class);
    } finally {
      worker.shutdownNow();
    }
  }

  static final String POLL = "GET /jobs/job_abc123";

  @Test
  void failedAndCancelledJobsCarryTheReason() {
    wm.stubFor(post("/jobs").willReturn(okJson(body("job-audio-queued.json"))));
    wm.stubFor(get("/jobs/job_abc123").willReturn(okJson(body("job-failed.json"))));
    assertThatThrownBy(() -> builder().build().extractAudio(MediaSource.ofUrl(VIDEO), AudioOptions.defaults()))
        .isInstanceOf(ProviderException.class).hasMessageContaining("input has no audio stream");
    wm.stubFor(get("/jobs/job_abc123").willReturn(okJson(body("job-cancelled.json"))));
    assertThatThrownBy(() -> builder().build().extractAudio(MediaSource.ofUrl(VIDEO), AudioOptions.defaults()))
        .isInstanceOf(ProviderException.class).hasMessageContaining("cancelled").hasMessageContaining("HTTP 403");
  }

  // Real clock: the 200 ms job time-out is only a lower bound on how long this takes, so a slow machine makes it slower,
  // never red; @Timeout turns a hang into a failure.
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void unknownStatusIsWaitedOnUntilTimeout() {
    wm.stubFor(post("/jobs").willReturn(okJson(body("job-audio-queued.json"))));
    wm.stubFor(get("/jobs/job_abc123").willReturn(okJson(body("job-unknown-status.json"))));
    OpenJobs jobs = new OpenJobs();
    assertThatThrownBy(() -> builder().httpClient(jobs.client()).timeout(Duration.ofMillis(200)).build()
        .extractAudio(MediaSource.ofUrl(VIDEO), AudioOptions.defaults()))
        .isInstanceOf(ProviderTimeoutException.class).hasMessageContaining("rescheduling").hasMessageContaining("job_abc123");
    assertThat(jobs.count(POLL)).isGreaterThanOrEqualTo(1);
    // no cancel endpoint is documented, so the time-out sends nothing more
    assertThat(jobs.sent()).containsOnly("POST /jobs", POLL);
  }

  @Test
  void unauthorizedIsAuthenticationException() {
    wm.stubFor(post("/jobs").willReturn(aResponse().withStatus(401).withBody(body("error-401.json"))));
    assertThatThrownBy(() -> builder().build().extractAudio(MediaSource.ofUrl(VIDEO), AudioOptions.defaults()))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("invalid")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
  }

  @Test
  void localFileIsRejectedBeforeAnyCall() {
    assertThatThrownBy(() -> builder().build().extractAudio(MediaSource.of(Path.of("a.mp4")), AudioOptions.defaults()))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("MediaSource.ofUrl");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
