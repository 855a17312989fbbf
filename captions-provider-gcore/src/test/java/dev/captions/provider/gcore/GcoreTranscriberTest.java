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
import dev.captions.ProviderException;
import dev.captions.ProviderTimeoutException;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.spi.http.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
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
    stubPollSequence("task-pending.json", "task-started.json", "task-retry.json", "task-started.json", "task-success.json");
    GcoreAsrResult r = builder().build().transcribeTask(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults());

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
        .withRequestBody(equalToJson("{\"task_name\":\"transcription\",\"url\":\"" + VIDEO_URL + "\"}")));
    wm.verify(5, getRequestedFor(urlEqualTo("/streaming/ai/tasks/" + TASK)));
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
        "{\"task_name\":\"transcription\",\"url\":\"" + VIDEO_URL + "\",\"audio_language\":\"eng\",\"subtitles_language\":\"ger\"}")));
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
  void paidTranslationCreateIsNotResentOnServerError() {
    wm.stubFor(post("/streaming/ai/tasks").willReturn(aResponse().withStatus(502)));
    assertThatThrownBy(() -> builder().subtitlesLanguage("fr").build()
        .transcribe(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults()))
        .isInstanceOf(ProviderException.class);
    wm.verify(1, postRequestedFor(urlEqualTo("/streaming/ai/tasks")));
  }

  @Test
  void taskThatNeverFinishesTimesOutAndIsRevoked() {
    stubCreate();
    wm.stubFor(get("/streaming/ai/tasks/" + TASK).willReturn(okJson(body("task-unknown-status.json"))));
    wm.stubFor(post("/streaming/ai/tasks/" + TASK + "/cancel").willReturn(okJson(body("task-cancel.json"))));
    assertThatThrownBy(() -> builder().build().transcribe(MediaSource.ofUrl(VIDEO_URL),
        TranscriptionOptions.builder().timeout(Duration.ofMillis(300)).build()))
        .isInstanceOf(ProviderTimeoutException.class).hasMessageContaining("THROTTLED");
    wm.verify(1, postRequestedFor(urlEqualTo("/streaming/ai/tasks/" + TASK + "/cancel")));
  }

  @Test
  void cancellingTheFutureStopsPollingAndCallsCancel() throws Exception {
    stubCreate();
    wm.stubFor(get("/streaming/ai/tasks/" + TASK).willReturn(okJson(body("task-started.json"))));
    wm.stubFor(post("/streaming/ai/tasks/" + TASK + "/cancel").willReturn(okJson(body("task-cancel.json"))));
    CompletableFuture<Transcript> f = builder().build()
        .transcribeAsync(MediaSource.ofUrl(VIDEO_URL), TranscriptionOptions.defaults());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (wm.findAll(getRequestedFor(urlEqualTo("/streaming/ai/tasks/" + TASK))).size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    f.cancel(true);
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (wm.findAll(postRequestedFor(urlEqualTo("/streaming/ai/tasks/" + TASK + "/cancel"))).isEmpty()
        && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    wm.verify(1, postRequestedFor(urlEqualTo("/streaming/ai/tasks/" + TASK + "/cancel")));
    int polls = wm.findAll(getRequestedFor(urlEqualTo("/streaming/ai/tasks/" + TASK))).size();
    Thread.sleep(100);
    assertThat(wm.findAll(getRequestedFor(urlEqualTo("/streaming/ai/tasks/" + TASK)))).hasSize(polls);
    assertThatThrownBy(f::get).isInstanceOf(CancellationException.class);
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
    assertThatThrownBy(() -> Captions.pipeline().transcriber(t).media(null).build()
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
      PipelineResult result = Captions.pipeline().transcriber(builder().build()).media(null).build()
          .run(MediaSource.ofUrl(VIDEO_URL));
      assertThat(result.captions().cues()).isNotEmpty();
    } finally {
      root.detachAppender(logs);
      root.setLevel(before);
    }
    assertThat(logs.list).isNotEmpty();
    assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains(KEY) || e.getFormattedMessage().contains("abcSECRET"));
  }
}
