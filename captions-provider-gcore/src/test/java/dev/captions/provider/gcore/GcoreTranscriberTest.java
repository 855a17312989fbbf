package dev.captions.provider.gcore;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.captions.AuthenticationException;
import dev.captions.Captions;
import dev.captions.InvalidMediaException;
import dev.captions.PipelineResult;
import dev.captions.ProgressEvent;
import dev.captions.ProviderException;
import dev.captions.ProviderTimeoutException;
import dev.captions.model.Cue;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import dev.captions.shaping.Repair;
import dev.captions.spi.Async;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class GcoreTranscriberTest {
  static final String KEY = "123$abcSECRETgcorekey";
  static final String TASK = "34d0ba5a-23f6-4462-85ff-fe343b0cdb2d";
  static final String VIDEO_URL = "https://demo-public.gvideo.io/videos/2675_G8EuYJFTsvIyWmKt/480.mp4";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** Real waits recorded but kept short so that Retry-After is visible without slowing the build. */
  final List<Duration> retryWaits = new ArrayList<>();

  static String body(String name) {
    try (InputStream in = GcoreTranscriberTest.class.getResourceAsStream("/gcore/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  GcoreTranscriber.Builder builder() {
    return GcoreTranscriber.builder().apiKey(KEY).baseUrl(wm.baseUrl())
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(5))
            .sleeper(d -> retryWaits.add(d)).build())
        .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20)).timeout(Duration.ofSeconds(10));
  }

  void stubCreate() {
    wm.stubFor(post("/streaming/ai/tasks").willReturn(okJson(body("task-created.json"))));
  }

  void stubPollSequence(String... files) {
    String state = Scenario.STARTED;
    for (int i = 0; i < files.length; i++) {
      String next = i == files.length - 1 ? state : "s" + (i + 1);
      wm.stubFor(get("/streaming/ai/tasks/" + TASK).inScenario("poll").whenScenarioStateIs(state)
          .willReturn(okJson(body(files[i]))).willSetStateTo(next));
      state = next;
    }
  }

  @Test
  void autoDetectTranscriptionGoesThroughEveryRunningStatus() {
    stubCreate();
    stubPollSequence("task-received.json", "task-pending.json", "task-started.json", "task-retry.json", "task-success.json");
    List<ProgressEvent> progress = new CopyOnWriteArrayList<>();
    GcoreAsrResult r;
    try (JobPollerWarnings warnings = new JobPollerWarnings()) {
      r = builder().build().transcribeTask(MediaSource.ofUrl(VIDEO_URL),
          TranscriptionOptions.builder().progress(progress::add).build());
      // every documented status is known: none of them may be reported as "which this SDK does not know"
      assertThat(warnings.messages()).isEmpty();
    }

    // RECEIVED (just accepted, nothing done yet) and PENDING report Gcore's progress 0; RETRY reports 10 % after
    // STARTED's 40 %, because Gcore restarts the work: the message says RETRY, and the fraction stays at 40 %.
    assertThat(progress).extracting(ProgressEvent::stage).containsOnly(dev.captions.PipelineStage.TRANSCRIBE);
    assertThat(progress).extracting(ProgressEvent::fraction).containsExactly(0.0, 0.0, 0.4, 0.4, 1.0);
    assertThat(progress.get(0).message()).contains(TASK).contains("RECEIVED");
    assertThat(progress.get(3).message()).contains("RETRY");

    Transcript t = r.transcript();
    assertThat(t.language()).isEqualTo("en");
    assertThat(r.detectedLanguages()).containsExactly("en", "de");
    assertThat(t.segments()).hasSize(3);
    assertThat(t.segments().get(0).startMs()).isEqualTo(17_648);
    assertThat(t.segments().get(0).endMs()).isEqualTo(18_868);
    assertThat(t.segments().get(2).startMs()).isEqualTo(600_551);
    assertThat(t.segments().get(0).text()).isEqualTo("Hello, Mr. Snail.");
    assertThat(r.vttContent()).hasValueSatisfying(v -> assertThat(v).startsWith("WEBVTT"));
    wm.verify(postRequestedFor(urlEqualTo("/streaming/ai/tasks"))
        .withHeader("Authorization", equalTo("APIKey " + KEY))
        .withRequestBody(equalToJson("{\"task_name\":\"transcription\",\"url\":\"" + VIDEO_URL + "\"}", false, true))
        .withRequestBody(matchingJsonPath("$.client_user_id", matching("captions-[0-9a-f-]{36}"))));
    wm.verify(5, getRequestedFor(urlEqualTo("/streaming/ai/tasks/" + TASK)));
  }

  /** Collects what {@link dev.captions.http.JobPoller} warns about, e.g. a status it does not know. */
  static final class JobPollerWarnings implements AutoCloseable {
    private final Logger logger = (Logger) LoggerFactory.getLogger(dev.captions.http.JobPoller.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    JobPollerWarnings() {
      appender.start();
      logger.addAppender(appender);
    }

    List<String> messages() {
      List<String> out = new ArrayList<>();
      for (ILoggingEvent e : List.copyOf(appender.list)) {
        if (e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)) out.add(e.getFormattedMessage());
      }
      return out;
    }

    @Override
    public void close() {
      logger.detachAppender(appender);
    }
  }

  @Test
  void aStatusGcoreDoesNotDocumentIsWarnedAbout() {
    // the counter-check for the test above: the warning it relies on is really given for an unknown status
    stubCreate();
    stubPollSequence("task-unknown-status.json", "task-success.json");
    try (JobPollerWarnings warnings = new JobPollerWarnings()) {
      builder().build().transcribe(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults());
      assertThat(warnings.messages()).singleElement().asString().contains("THROTTLED").contains("does not know");
    }
  }

  @Test
  void anEndBeforeItsStartIsKeptAndRepairedByTheShapingEngineAndReported() {
    stubCreate();
    stubPollSequence("task-success-bad-times.json");
    GcoreTranscriber gcore = builder().build();

    // The transcriber keeps the text and hands on a zero-length segment instead of failing the whole (billed) task,
    // and logs Gcore's own end, which the repair report cannot show.
    Logger asr = (Logger) LoggerFactory.getLogger(dev.captions.provider.gcore.internal.AsrResults.class);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    asr.addAppender(logs);
    // Its own level: whatever logging configuration is on the class path (core's test classes set WARN).
    ch.qos.logback.classic.Level before = asr.getLevel();
    asr.setLevel(ch.qos.logback.classic.Level.INFO);
    Transcript t;
    try {
      t = gcore.transcribe(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults());
    } finally {
      asr.detachAppender(logs);
      asr.setLevel(before);
    }
    assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
        .contains(TASK).contains("subtitle 1 ends at 4200 ms, before its start at 5000 ms");
    assertThat(t.segments()).hasSize(3);
    assertThat(t.segments().get(1).startMs()).isEqualTo(5_000);
    assertThat(t.segments().get(1).endMs()).isEqualTo(5_000);

    PipelineResult result = Captions.pipeline().transcriber(gcore).withoutMediaProcessor().build().run(MediaSource.ofUrl(VIDEO_URL));
    List<Cue> cues = result.captions().cues();
    for (int i = 0; i < cues.size(); i++) {
      assertThat(cues.get(i).endMs()).as("cue %d ends after it starts", i).isGreaterThan(cues.get(i).startMs());
      if (i > 0) assertThat(cues.get(i).startMs()).as("cue %d does not overlap", i).isGreaterThanOrEqualTo(cues.get(i - 1).endMs());
    }
    Cue wasp = cues.stream().filter(c -> c.text().contains("wasp")).findFirst().orElseThrow();
    assertThat(wasp.startMs()).isEqualTo(5_000);
    assertThat(wasp.endMs()).isGreaterThan(5_000).isLessThanOrEqualTo(9_000);
    assertThat(result.quality().repairs()).filteredOn(r -> r.kind() == Repair.Kind.FIXED_END_BEFORE_START)
        .singleElement().satisfies(r -> {
          assertThat(r.index()).isEqualTo(1);
          assertThat(r.startMs()).isEqualTo(5_000);
        });
  }

  @Test
  void languageAndTranslationAreSentAsIso6392B() {
    stubCreate();
    stubPollSequence("task-success-translated.json");
    Transcript t = builder().subtitlesLanguage("de").build()
        .transcribe(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.builder().language("en-US").build());
    assertThat(t.language()).isEqualTo("de");
    assertThat(t.segments().get(0).text()).isEqualTo("Hallo, Herr Schnecke.");
    wm.verify(postRequestedFor(urlEqualTo("/streaming/ai/tasks")).withRequestBody(equalToJson(
        "{\"task_name\":\"transcription\",\"url\":\"" + VIDEO_URL + "\",\"audio_language\":\"eng\",\"subtitles_language\":\"ger\"}",
        false, true)));
  }

  @Test
  void noSpeechGivesAnEmptyTranscript() {
    stubCreate();
    stubPollSequence("task-no-speech.json");
    Transcript t = builder().build().transcribe(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults());
    assertThat(t.isEmpty()).isTrue();
    assertThat(t.providerMetadata()).containsEntry("gcore.speechDetected", "false");
  }

  @Test
  void failureCarriesGcoresReason() {
    stubCreate();
    stubPollSequence("task-started.json", "task-failure.json");
    assertThatThrownBy(() -> builder().build().transcribe(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults()))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("Translation from eng to uzb is not supported")
        .hasMessageContaining(TASK);
  }

  @Test
  void revokedTaskIsAnError() {
    stubCreate();
    stubPollSequence("task-revoked.json");
    assertThatThrownBy(() -> builder().build().transcribe(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults()))
        .isInstanceOf(ProviderException.class).hasMessageContaining("cancelled");
  }

  @Test
  void unauthorizedIsAuthenticationExceptionWithoutTheKey() {
    wm.stubFor(post("/streaming/ai/tasks").willReturn(aResponse().withStatus(401)
        .withBody("{\"detail\":\"Invalid token\"}")));
    assertThatThrownBy(() -> builder().build().transcribe(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults()))
        .isInstanceOf(AuthenticationException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    wm.verify(1, postRequestedFor(urlEqualTo("/streaming/ai/tasks")));
  }

  @Test
  void rateLimitHonoursRetryAfterAndServerErrorsAreRetried() {
    stubCreate();
    wm.stubFor(get("/streaming/ai/tasks/" + TASK).inScenario("r").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")).willSetStateTo("503"));
    wm.stubFor(get("/streaming/ai/tasks/" + TASK).inScenario("r").whenScenarioStateIs("503")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
    wm.stubFor(get("/streaming/ai/tasks/" + TASK).inScenario("r").whenScenarioStateIs("ok")
        .willReturn(okJson(body("task-success.json"))));
    Transcript t = builder().build().transcribe(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults());
    assertThat(t.segments()).hasSize(3);
    assertThat(retryWaits.get(0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(retryWaits).hasSize(2);
    wm.verify(3, getRequestedFor(urlEqualTo("/streaming/ai/tasks/" + TASK)));
  }

  @Test
  void freeTranscriptionCreateIsResentAfterAServerError() {
    wm.stubFor(post("/streaming/ai/tasks").inScenario("create").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503).withBody("{\"error\":\"Service temporarily unavailable\"}"))
        .willSetStateTo("up"));
    wm.stubFor(post("/streaming/ai/tasks").inScenario("create").whenScenarioStateIs("up")
        .willReturn(okJson(body("task-created.json"))));
    stubPollSequence("task-success.json");
    Transcript t = builder().build().transcribe(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults());
    assertThat(t.segments()).hasSize(3);
    assertThat(retryWaits).hasSize(1);
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> creates =
        wm.findAll(postRequestedFor(urlEqualTo("/streaming/ai/tasks")));
    assertThat(creates).hasSize(2);
    assertThat(creates.get(1).getBodyAsString()).isEqualTo(creates.get(0).getBodyAsString());
    wm.verify(1, getRequestedFor(urlEqualTo("/streaming/ai/tasks/" + TASK)));
  }

  @Test
  void paidTranslationCreateIsSentAgainOnlyAfterARefusalThatDidNoWork() {
    // 502 is a gateway refusing the request: no task exists, so sending it again cannot pay twice.
    wm.stubFor(post("/streaming/ai/tasks").willReturn(aResponse().withStatus(502)));
    assertThatThrownBy(() -> builder().subtitlesLanguage("fr").build()
        .transcribe(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults()))
        .isInstanceOf(ProviderException.class).satisfies(e -> assertThat(((ProviderException) e).httpStatus()).isEqualTo(502));
    wm.verify(3, postRequestedFor(urlEqualTo("/streaming/ai/tasks")));
    wm.verify(0, getRequestedFor(urlPathEqualTo("/streaming/ai/tasks")));
  }

  // Real clock: the 300 ms job time-out is only a lower bound on how long this takes, so a slow machine makes it slower,
  // never red; @Timeout turns a hang into a failure.
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void taskThatNeverFinishesTimesOutAndIsRevoked() {
    stubCreate();
    wm.stubFor(get("/streaming/ai/tasks/" + TASK).willReturn(okJson(body("task-unknown-status.json"))));
    wm.stubFor(post("/streaming/ai/tasks/" + TASK + "/cancel").willReturn(okJson(body("task-cancel.json"))));
    SentRequests sent = new SentRequests();
    assertThatThrownBy(() -> builder().httpClient(sent.client()).build().transcribe(MediaSource.ofUrl(VIDEO_URL),
        TranscriptionOptions.builder().timeout(Duration.ofMillis(300)).build()))
        .isInstanceOf(ProviderTimeoutException.class).hasMessageContaining("THROTTLED").hasMessageContaining(TASK);
    // the cancel call is made before the exception is thrown, so it is the last request and it was answered
    assertThat(sent.all()).last().isEqualTo(CANCEL);
    assertThat(sent.count(CANCEL)).isEqualTo(1);
    assertThat(sent.count(POLL)).isGreaterThanOrEqualTo(1);
    wm.verify(1, postRequestedFor(urlEqualTo(CANCEL.substring("POST ".length()))));
  }

  static final String POLL = "GET /streaming/ai/tasks/" + TASK;
  static final String CANCEL = "POST /streaming/ai/tasks/" + TASK + "/cancel";

  /**
   * Cancels while the task is being polled. Synchronises on events, not on sleeps: the progress listener says when
   * polling is under way, the worker's own executor says when the call has returned, and the requests are counted on
   * the client (so a request WireMock logs late cannot be mistaken for one sent after the cancel).
   * {@link Transcriber#transcribeAsync} is {@code Async.supply(() -> transcribe(..))}; the test passes its own executor
   * to {@link Async#supply} only to be able to wait for the worker to finish.
   */
  @Test
  @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void cancellingTheFutureStopsPollingAndCallsCancel() throws Exception {
    stubCreate();
    wm.stubFor(get("/streaming/ai/tasks/" + TASK).willReturn(okJson(body("task-started.json"))));
    wm.stubFor(post("/streaming/ai/tasks/" + TASK + "/cancel").willReturn(okJson(body("task-cancel.json"))));
    SentRequests sent = new SentRequests();
    // a long job time-out: if cancelling did not stop the polling, the worker would still be polling when we look
    GcoreTranscriber gcore = builder().httpClient(sent.client()).timeout(Duration.ofMinutes(10)).build();
    CountDownLatch twoChecks = new CountDownLatch(2);
    TranscriptionOptions options = TranscriptionOptions.builder().progress(e -> twoChecks.countDown()).build();
    ExecutorService worker = Executors.newSingleThreadExecutor();
    try {
      CompletableFuture<Transcript> f = Async.supply(() -> gcore.transcribe(MediaSource.ofUrl(VIDEO_URL), options), worker);
      assertThat(twoChecks.await(20, TimeUnit.SECONDS)).as("two status checks within 20 s").isTrue();

      long pollsBeforeCancel = sent.count(POLL);
      assertThat(f.cancel(true)).isTrue();
      worker.shutdown();
      assertThat(worker.awaitTermination(20, TimeUnit.SECONDS)).as("the worker stopped within 20 s of the cancel").isTrue();

      List<String> all = sent.all();
      // at most the one check already on its way when the interrupt came; then the cancel call, and nothing after it
      assertThat(sent.count(POLL)).isBetween(pollsBeforeCancel, pollsBeforeCancel + 1);
      assertThat(all).last().isEqualTo(CANCEL);
      assertThat(sent.count(CANCEL)).isEqualTo(1);
      wm.verify(1, postRequestedFor(urlEqualTo("/streaming/ai/tasks/" + TASK + "/cancel"))
          .withHeader("Authorization", equalTo("APIKey " + KEY)));
      assertThatThrownBy(f::get).isInstanceOf(CancellationException.class);
    } finally {
      worker.shutdownNow();
    }
  }

  @Test
  void localFileIsRejectedBeforeAnyCall() {
    assertThatThrownBy(() -> builder().build().transcribe(MediaSource.of(Path.of("talk.mp4")), TranscriptionOptions.defaults()))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("http(s) URL").hasMessageContaining("MediaSource.ofUrl");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void pipelineRejectsLocalFileAtRunBeforeAnyPaidCall() {
    GcoreTranscriber t = builder().build();
    assertThatThrownBy(() -> Captions.pipeline().transcriber(t).withoutMediaProcessor().build()
        .run(MediaSource.of(Path.of("pom.xml"))))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("https://");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void aFullRunLogsNoApiKey() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.classic.Level before = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.TRACE);
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    try {
      stubCreate();
      stubPollSequence("task-pending.json", "task-success.json");
      PipelineResult result = Captions.pipeline().transcriber(builder().build()).withoutMediaProcessor().build()
          .run(MediaSource.ofUrl(VIDEO_URL));
      assertThat(result.captions().cues()).isNotEmpty();
    } finally {
      root.detachAppender(logs);
      root.setLevel(before);
    }
    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(KEY) || e.getFormattedMessage().contains("abcSECRET"));
  }

  @Test
  void speakersAreRefusedBeforeAnyBilledTask() {
    stubCreate();
    GcoreTranscriber gcore = builder().build();
    assertThat(gcore.supportsSpeakers()).isFalse();
    assertThatThrownBy(() -> gcore.transcribe(MediaSource.ofUrl(VIDEO_URL),
        TranscriptionOptions.builder().speakers(true).build()))
        .isInstanceOf(dev.captions.ConfigurationException.class).hasMessageContaining("'gcore' cannot");
    wm.verify(0, postRequestedFor(urlEqualTo("/streaming/ai/tasks")));
  }
}
