package dev.captions.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.captions.provider.gemini.GeminiStubs.GENERATE;
import static dev.captions.provider.gemini.GeminiStubs.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.captions.AuthenticationException;
import dev.captions.ProviderException;
import dev.captions.RateLimitException;
import dev.captions.model.MediaSource;
import dev.captions.chunking.ChunkLimits;
import dev.captions.model.Segment;
import dev.captions.model.Transcript;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.llm.TruncatedReplyException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeminiTranscriberTest {
  @TempDir Path dir;
  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = GeminiStubs.server();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private Transcript transcribe(GeminiSettings settings, TranscriptionOptions options) {
    return new GeminiTranscriber(settings).transcribe(MediaSource.of(GeminiStubs.wav(dir, 200)), options);
  }

  @Test
  void smallAudioGoesInlineWithSchemaAndKeyHeader() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply(
        "{\"cues\":[{\"start\":\"00:00:00.000\",\"end\":\"00:00:01.500\",\"text\":\"Hi there.\"},"
            + "{\"start\":\"00:00:01.500\",\"end\":\"00:00:03.000\",\"text\":\"Welcome.\"}]}", "STOP")));

    Transcript t = transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.builder().language("en").build());

    assertThat(t.segments()).containsExactly(Segment.of(0, 1500, "Hi there."), Segment.of(1500, 3000, "Welcome."));
    assertThat(t.language()).isEqualTo("en");
    wm.verify(postRequestedFor(urlEqualTo(GENERATE))
        .withHeader("x-goog-api-key", equalTo(GeminiStubs.KEY))
        .withRequestBody(containing("\"inlineData\""))
        .withRequestBody(containing("\"mimeType\":\"audio/wav\""))
        .withRequestBody(containing("\"responseMimeType\":\"application/json\""))
        .withRequestBody(containing("\"responseSchema\""))
        .withRequestBody(containing("\"type\":\"ARRAY\"")));
  }

  @Test
  void promptAndVocabularyGivenToThePipelineReachTheInstructions() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply(
        "{\"cues\":[{\"start\":\"00:00:00.000\",\"end\":\"00:00:01.500\",\"text\":\"Ana Ruiz on WebVTT.\"}]}",
        "STOP")));
    GeminiTranscriber gemini = new GeminiTranscriber(GeminiStubs.settings(wm).build());
    assertThat(gemini.usesPrompt()).isTrue();

    dev.captions.PipelineResult r = dev.captions.Captions.pipeline().withoutMediaProcessor().transcriber(gemini)
        .spokenLanguage("en").prompt("A talk about caption formats.").vocabulary(List.of("WebVTT", "Ana Ruiz"))
        .build().run(MediaSource.of(GeminiStubs.wav(dir, 200)));

    assertThat(r.captions().cues()).isNotEmpty();
    wm.verify(postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(containing(
        "Context, and terms to spell exactly as given: A talk about caption formats. Vocabulary: WebVTT, Ana Ruiz.")));
  }

  @Test
  void fencedJsonWithProseIsRead() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply(
        "Here are the captions:\n```json\n[{\"start\": \"00:00:01.000\", \"end\": \"00:00:04.500\", \"text\": \"Caption.\"}]\n```\nDone!",
        "STOP")));

    Transcript t = transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.defaults());

    assertThat(t.segments()).containsExactly(Segment.of(1000, 4500, "Caption."));
  }

  @Test
  void everyTimestampFormModelsWriteIsRead() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply("{\"cues\":["
        + "{\"start\":1.25,\"end\":2,\"text\":\"a\"},"
        + "{\"start\":\"00:03.5\",\"end\":\"0:04,250\",\"text\":\"b\"},"
        + "{\"start\":\"5s\",\"end\":\"6.5s\",\"text\":\"c\"},"
        + "{\"start_time\":\"1m2s\",\"end_time\":\"1:03\",\"text\":\"d\"},"
        + "{\"start\":\"01:00:00,100\",\"end\":\"01:00:01.000\",\"text\":\"e\"},"
        + "{\"start\":\"garbage\",\"end\":\"1\",\"text\":\"dropped\"}]}", "STOP")));

    Transcript t = transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.defaults());

    assertThat(t.segments()).containsExactly(Segment.of(1250, 2000, "a"), Segment.of(3500, 4250, "b"),
        Segment.of(5000, 6500, "c"), Segment.of(62_000, 63_000, "d"), Segment.of(3_600_100, 3_601_000, "e"));
  }

  @Test
  void badTimingsArePassedOnForShapingNeverACrash() {
    // unordered, overlapping, end before start, and far past the media's 200 ms end
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply("{\"cues\":["
        + "{\"start\":\"00:00:05.000\",\"end\":\"00:00:06.000\",\"text\":\"later\"},"
        + "{\"start\":\"00:00:00.000\",\"end\":\"00:00:05.500\",\"text\":\"first\"},"
        + "{\"start\":\"00:00:09.000\",\"end\":\"00:00:08.000\",\"text\":\"backwards\"},"
        + "{\"start\":\"01:00:00.000\",\"end\":\"01:00:02.000\",\"text\":\"past the end\"}]}", "STOP")));

    Transcript t = transcribe(GeminiStubs.settings(wm).build(),
        TranscriptionOptions.builder().mediaDurationMs(200L).build());

    assertThat(t.segments()).containsExactly(Segment.of(5000, 6000, "later"), Segment.of(0, 5500, "first"),
        Segment.of(9000, 9000, "backwards"), Segment.of(3_600_000, 3_602_000, "past the end"));
    assertThat(t.mediaDurationMs()).hasValue(200L);
  }

  @Test
  void theShapingEngineRepairsAndReportsWhatTheModelGotWrong() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply("{\"cues\":["
        + "{\"start\":\"00:00:04.000\",\"end\":\"00:00:06.000\",\"text\":\"Second sentence here.\"},"
        + "{\"start\":\"00:00:00.500\",\"end\":\"00:00:04.500\",\"text\":\"First sentence, overlapping.\"},"
        + "{\"start\":\"00:00:07.000\",\"end\":\"00:00:30.000\",\"text\":\"Runs past the end.\"}]}", "STOP")));

    Transcript t = transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.builder().mediaDurationMs(10_000L).build());
    dev.captions.shaping.ShapingResult shaped =
        dev.captions.shaping.CaptionShaper.of(dev.captions.shaping.StyleProfile.NETFLIX_EN).shape(t);

    List<dev.captions.model.Cue> cues = shaped.track().cues();
    assertThat(cues).isNotEmpty();
    for (int i = 0; i < cues.size(); i++) {
      assertThat(cues.get(i).endMs()).isLessThanOrEqualTo(10_000L);
      if (i > 0) assertThat(cues.get(i).startMs()).isGreaterThanOrEqualTo(cues.get(i - 1).endMs());
    }
    assertThat(cues.get(0).text()).startsWith("First");
    assertThat(shaped.report().repairs()).isNotEmpty();
  }

  @Test
  void maxTokensReplyIsTranscribedAgainInSmallerWindows() {
    String all = "between 00:00:00.000 and 00:02:00.000";
    String firstHalf = "between 00:00:00.000 and 00:01:00.000";
    String secondHalf = "between 00:01:00.000 and 00:02:00.000";
    wm.stubFor(post(urlEqualTo(GENERATE)).withRequestBody(containing(all))
        .willReturn(reply("{\"cues\":[{\"start\":\"00:00:00.000\",\"end\":\"00:00:02.000\",\"text\":\"cut", "MAX_TOKENS")));
    wm.stubFor(post(urlEqualTo(GENERATE)).withRequestBody(containing(firstHalf))
        .willReturn(reply("{\"cues\":[{\"start\":\"00:00:00.000\",\"end\":\"00:00:02.000\",\"text\":\"one\"}]}", "STOP")));
    wm.stubFor(post(urlEqualTo(GENERATE)).withRequestBody(containing(secondHalf))
        .willReturn(reply("{\"cues\":[{\"start\":\"00:01:00.000\",\"end\":\"00:01:02.000\",\"text\":\"two\"}]}", "STOP")));

    Transcript t = transcribe(GeminiStubs.settings(wm).build(),
        TranscriptionOptions.builder().mediaDurationMs(120_000L).build());

    assertThat(t.segments()).containsExactly(Segment.of(0, 2000, "one"), Segment.of(60_000, 62_000, "two"));
    wm.verify(3, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void truncatedJsonWithStopIsAlsoRechunked() {
    wm.stubFor(post(urlEqualTo(GENERATE)).withRequestBody(containing("between 00:00:00.000 and 00:01:00.000"))
        .willReturn(reply("{\"cues\":[{\"start\":\"00:00:00.000\",\"end\":\"00:00:02.000\",\"text\":\"ha", "STOP")));
    wm.stubFor(post(urlEqualTo(GENERATE)).withRequestBody(containing("between 00:00:00.000 and 00:00:30.000"))
        .willReturn(reply("{\"cues\":[{\"start\":0,\"end\":2,\"text\":\"a\"}]}", "STOP")));
    wm.stubFor(post(urlEqualTo(GENERATE)).withRequestBody(containing("between 00:00:30.000 and 00:01:00.000"))
        .willReturn(reply("{\"cues\":[{\"start\":30,\"end\":32,\"text\":\"b\"}]}", "STOP")));

    Transcript t = transcribe(GeminiStubs.settings(wm).minWindowMs(10_000).build(),
        TranscriptionOptions.builder().mediaDurationMs(60_000L).build());

    assertThat(t.segments()).extracting(Segment::text).containsExactly("a", "b");
  }

  @Test
  void truncationWithUnknownDurationThatMakesNoProgressIsAClearErrorNotAPartialTrack() {
    // The continuation from 2 s brings back only the cue already kept: no progress, so no third request.
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply("{\"cues\":[{\"start\":0,\"end\":2,\"text\":\"a\"},", "MAX_TOKENS")));

    assertThatThrownBy(() -> transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.defaults()))
        .isInstanceOf(TruncatedReplyException.class)
        .hasMessageContaining("from 2000 ms on was cut off")
        .hasMessageContaining("mediaDurationMs");
    wm.verify(2, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void truncationBelowTheSmallestWindowIsAnError() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply("{\"cues\":[", "MAX_TOKENS")));

    assertThatThrownBy(() -> transcribe(GeminiStubs.settings(wm).minWindowMs(30_000).build(),
        TranscriptionOptions.builder().mediaDurationMs(100_000L).build()))
        .isInstanceOf(TruncatedReplyException.class)
        .hasMessageContaining("smallest window");
  }

  @Test
  void malformedJsonIsAProviderError() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply("{\"cues\": [ {start: nope} ]}", "STOP")));

    assertThatThrownBy(() -> transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.defaults()))
        .isInstanceOf(ProviderException.class)
        .isNotInstanceOf(TruncatedReplyException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void safetyStopIsReportedWithTheReason() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply("", "SAFETY")));

    assertThatThrownBy(() -> transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.defaults()))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("SAFETY");
  }

  @Test
  void unauthorizedIsAnAuthenticationError() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(GeminiStubs.error(403, "PERMISSION_DENIED", "API key not valid.")));

    assertThatThrownBy(() -> transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.defaults()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("API key not valid")
        .hasMessageNotContaining(GeminiStubs.KEY)
        .extracting(e -> ((ProviderException) e).httpStatus()).isEqualTo(403);
  }

  @Test
  void rateLimitIsRetriedByOurPolicyOnlyThenARateLimitException() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(GeminiStubs.error(429, "RESOURCE_EXHAUSTED", "Too many requests")));

    assertThatThrownBy(() -> transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.defaults()))
        .isInstanceOf(RateLimitException.class)
        .matches(e -> ((ProviderException) e).isRetryable());
    // exactly our policy's 3 attempts: the SDK's own retries are off
    wm.verify(3, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void serverErrorsAreRetriedUntilSuccess() {
    wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(GeminiStubs.error(503, "UNAVAILABLE", "The model is overloaded.")).willSetStateTo("second"));
    wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("5xx").whenScenarioStateIs("second")
        .willReturn(GeminiStubs.error(500, "INTERNAL", "Internal error")).willSetStateTo("ok"));
    wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("5xx").whenScenarioStateIs("ok")
        .willReturn(reply("{\"cues\":[{\"start\":0,\"end\":1,\"text\":\"ok\"}]}", "STOP")));

    Transcript t = transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.defaults());

    assertThat(t.segments()).containsExactly(Segment.of(0, 1000, "ok"));
    wm.verify(3, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void badRequestIsNotRetried() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(GeminiStubs.error(400, "INVALID_ARGUMENT", "Unsupported MIME type")));

    assertThatThrownBy(() -> transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.defaults()))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("Unsupported MIME type")
        .matches(e -> !((ProviderException) e).isRetryable());
    wm.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void largeAudioIsUploadedThroughTheFilesApiAndPolledUntilActive() {
    String base = "http://127.0.0.1:" + wm.port();
    wm.stubFor(post(urlEqualTo("/upload/v1beta/files"))
        .withHeader("X-Goog-Upload-Protocol", equalTo("resumable"))
        .withHeader("X-Goog-Upload-Command", equalTo("start"))
        .willReturn(aResponse().withStatus(200).withHeader("X-Goog-Upload-URL", base + "/upload-session/1")));
    wm.stubFor(post(urlEqualTo("/upload-session/1"))
        .willReturn(aResponse().withStatus(200).withHeader("X-Goog-Upload-Status", "final")
            .withHeader("Content-Type", "application/json")
            .withBody("{\"file\":{\"name\":\"files/abc\",\"mimeType\":\"audio/wav\",\"sizeBytes\":\"6444\",\"uri\":\""
                + base + "/v1beta/files/abc\",\"state\":\"PROCESSING\"}}")));
    wm.stubFor(get(urlPathEqualTo("/v1beta/files/abc")).inScenario("file").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"name\":\"files/abc\",\"uri\":\"" + base + "/v1beta/files/abc\",\"state\":\"PROCESSING\"}"))
        .willSetStateTo("active"));
    wm.stubFor(get(urlPathEqualTo("/v1beta/files/abc")).inScenario("file").whenScenarioStateIs("active")
        .willReturn(aResponse().withHeader("Content-Type", "application/json")
            .withBody("{\"name\":\"files/abc\",\"uri\":\"" + base + "/v1beta/files/abc\",\"state\":\"ACTIVE\"}")));
    wm.stubFor(delete(urlPathEqualTo("/v1beta/files/abc")).willReturn(aResponse().withStatus(200).withBody("{}")));
    wm.stubFor(post(urlEqualTo(GENERATE)).withRequestBody(containing("\"fileUri\":\"" + base + "/v1beta/files/abc\""))
        .willReturn(reply("{\"cues\":[{\"start\":\"00:00:00.000\",\"end\":\"00:00:01.000\",\"text\":\"uploaded\"}]}", "STOP")));

    Transcript t = transcribe(GeminiStubs.settings(wm).inlineLimitBytes(100).build(), TranscriptionOptions.defaults());

    assertThat(t.segments()).containsExactly(Segment.of(0, 1000, "uploaded"));
    wm.verify(2, getRequestedFor(urlPathEqualTo("/v1beta/files/abc")));
    wm.verify(deleteRequestedFor(urlPathEqualTo("/v1beta/files/abc")));
  }

  @Test
  void failedFileProcessingIsReported() {
    String base = "http://127.0.0.1:" + wm.port();
    wm.stubFor(post(urlEqualTo("/upload/v1beta/files"))
        .willReturn(aResponse().withStatus(200).withHeader("X-Goog-Upload-URL", base + "/upload-session/2")));
    wm.stubFor(post(urlEqualTo("/upload-session/2"))
        .willReturn(aResponse().withStatus(200).withHeader("X-Goog-Upload-Status", "final")
            .withBody("{\"file\":{\"name\":\"files/bad\",\"uri\":\"" + base + "/v1beta/files/bad\",\"state\":\"FAILED\","
                + "\"error\":{\"code\":400,\"message\":\"unsupported audio codec\"}}}")));
    wm.stubFor(delete(urlPathEqualTo("/v1beta/files/bad")).willReturn(aResponse().withStatus(200).withBody("{}")));

    assertThatThrownBy(() -> transcribe(GeminiStubs.settings(wm).inlineLimitBytes(100).build(), TranscriptionOptions.defaults()))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("unsupported audio codec");
  }

  @Test
  void theWaitGeminiStatesInA429IsTheWaitOurPolicyTakes() {
    wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(GeminiStubs.error(429, "RESOURCE_EXHAUSTED",
            "You exceeded your current quota, please check your plan and billing details. Please retry in 7.25s."))
        .willSetStateTo("ok"));
    wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("429").whenScenarioStateIs("ok")
        .willReturn(reply("{\"cues\":[{\"start\":0,\"end\":1,\"text\":\"ok\"}]}", "STOP")));
    java.util.List<java.time.Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
    dev.captions.http.RetryPolicy recording = dev.captions.http.RetryPolicy.builder().maxAttempts(2)
        .sleeper(waits::add).build();

    Transcript t = transcribe(GeminiStubs.settings(wm).retryPolicy(recording).build(), TranscriptionOptions.defaults());

    assertThat(t.segments()).extracting(dev.captions.model.Segment::text).containsExactly("ok");
    assertThat(waits).containsExactly(java.time.Duration.ofMillis(7_250));
    wm.verify(2, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void quotaWordingOnA429IsStillARetryableRateLimit() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(GeminiStubs.error(429, "RESOURCE_EXHAUSTED",
        "You exceeded your current quota, please check your plan and billing details.")));

    assertThatThrownBy(() -> transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.defaults()))
        .isInstanceOf(RateLimitException.class);
    wm.verify(3, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void aFileThatStaysProcessingTimesOut() {
    String base = "http://127.0.0.1:" + wm.port();
    wm.stubFor(post(urlEqualTo("/upload/v1beta/files"))
        .willReturn(aResponse().withStatus(200).withHeader("X-Goog-Upload-URL", base + "/upload-session/3")));
    wm.stubFor(post(urlEqualTo("/upload-session/3"))
        .willReturn(aResponse().withStatus(200).withHeader("X-Goog-Upload-Status", "final")
            .withBody("{\"file\":{\"name\":\"files/slow\",\"uri\":\"" + base + "/v1beta/files/slow\",\"state\":\"PROCESSING\"}}")));
    wm.stubFor(get(urlPathEqualTo("/v1beta/files/slow")).willReturn(aResponse()
        .withBody("{\"name\":\"files/slow\",\"uri\":\"" + base + "/v1beta/files/slow\",\"state\":\"PROCESSING\"}")));
    wm.stubFor(delete(urlPathEqualTo("/v1beta/files/slow")).willReturn(aResponse().withStatus(200).withBody("{}")));

    assertThatThrownBy(() -> transcribe(GeminiStubs.settings(wm).inlineLimitBytes(100)
        .filePoller(GeminiStubs.poller(java.time.Duration.ofMillis(150))).build(), TranscriptionOptions.defaults()))
        .isInstanceOf(dev.captions.ProviderTimeoutException.class)
        .hasMessageContaining("files/slow");
    wm.verify(0, postRequestedFor(urlEqualTo(GENERATE)));
    wm.verify(deleteRequestedFor(urlPathEqualTo("/v1beta/files/slow")));
  }

  @Test
  void cancellingTheFutureStopsPollingTheUpload() throws Exception {
    String base = "http://127.0.0.1:" + wm.port();
    wm.stubFor(post(urlEqualTo("/upload/v1beta/files"))
        .willReturn(aResponse().withStatus(200).withHeader("X-Goog-Upload-URL", base + "/upload-session/4")));
    wm.stubFor(post(urlEqualTo("/upload-session/4"))
        .willReturn(aResponse().withStatus(200).withHeader("X-Goog-Upload-Status", "final")
            .withBody("{\"file\":{\"name\":\"files/c\",\"uri\":\"" + base + "/v1beta/files/c\",\"state\":\"PROCESSING\"}}")));
    wm.stubFor(get(urlPathEqualTo("/v1beta/files/c")).willReturn(aResponse()
        .withBody("{\"name\":\"files/c\",\"uri\":\"" + base + "/v1beta/files/c\",\"state\":\"PROCESSING\"}")));
    wm.stubFor(delete(urlPathEqualTo("/v1beta/files/c")).willReturn(aResponse().withStatus(200).withBody("{}")));
    GeminiTranscriber t = new GeminiTranscriber(GeminiStubs.settings(wm).inlineLimitBytes(100).build());

    java.util.concurrent.CompletableFuture<Transcript> f =
        t.transcribeAsync(MediaSource.of(GeminiStubs.wav(dir, 200)), TranscriptionOptions.defaults());
    long deadline = System.currentTimeMillis() + 10_000;
    while (wm.findAll(getRequestedFor(urlPathEqualTo("/v1beta/files/c"))).isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    // Without a poll seen, cancelling would prove nothing about stopping the polling.
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v1beta/files/c"))))
        .as("the upload was polled within 10 s").isNotEmpty();
    assertThat(f).as("still waiting for ACTIVE when cancelled").isNotDone();
    f.cancel(true);

    int polls = wm.findAll(getRequestedFor(urlPathEqualTo("/v1beta/files/c"))).size();
    Thread.sleep(300);
    assertThat(f).isCancelled();
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/v1beta/files/c"))).size()).isLessThanOrEqualTo(polls + 1);
    wm.verify(0, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void emptyCueListIsAnEmptyTranscript() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply("{\"cues\":[]}", "STOP")));
    assertThat(transcribe(GeminiStubs.settings(wm).build(), TranscriptionOptions.defaults()).isEmpty()).isTrue();
  }

  @Test
  void aKnownDurationIsAskedForAsOneTimeRangeAndLongMediaIsLeftToTheEngine() {
    wm.stubFor(post(urlEqualTo(GENERATE)).withRequestBody(containing("between 00:00:00.000 and 00:00:15.000"))
        .willReturn(reply("{\"cues\":[{\"start\":1,\"end\":2,\"text\":\"x\"},{\"start\":11,\"end\":12,\"text\":\"y\"}]}", "STOP")));
    GeminiSettings settings = GeminiStubs.settings(wm).maxWindowMs(10_000).maxConcurrency(3).build();

    Transcript t = transcribe(settings, TranscriptionOptions.builder().mediaDurationMs(15_000L).build());

    assertThat(t.segments()).isEqualTo(List.of(Segment.of(1000, 2000, "x"), Segment.of(11_000, 12_000, "y")));
    wm.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
    ChunkLimits limits = new GeminiTranscriber(settings).chunkLimits();
    assertThat(limits.preferredChunkMs()).isEqualTo(10_000);
    assertThat(limits.maxConcurrency()).isEqualTo(3);
    assertThat(limits.uploadFormats()).startsWith(AudioOptions.Format.MP3_16K_MONO);
  }
}
