package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.openai.OpenAiStubs.TRANSCRIPTIONS;
import static dev.captions.provider.openai.OpenAiStubs.json;
import static dev.captions.provider.openai.OpenAiStubs.verbose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.AuthenticationException;
import dev.captions.InvalidMediaException;
import dev.captions.ProviderException;
import dev.captions.RateLimitException;
import dev.captions.model.MediaSource;
import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiTranscriberTest {
  @TempDir Path dir;
  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = OpenAiStubs.server();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void whisperAsksForVerboseJsonWithWordAndSegmentTimestamps() {
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(json(verbose(3.0,
        new Object[][] {{0.0, 1.5, " Hi there."}, {1.5, 3.0, " Welcome."}},
        new Object[][] {{"Hi", 0.0, 0.4}, {"there.", 0.5, 1.2}, {"Welcome.", 1.6, 2.4}}))));
    Path wav = OpenAiStubs.speechLikeWav(dir, "clip.wav", 3000);

    Transcript t = new OpenAiTranscriber(OpenAiStubs.settings(wm).build()).transcribe(MediaSource.of(wav),
        TranscriptionOptions.defaults());

    assertThat(t.language()).isEqualTo("en");
    assertThat(t.words()).containsExactly(TimedWord.of("Hi", 0, 400), TimedWord.of("there.", 500, 1200),
        TimedWord.of("Welcome.", 1600, 2400));
    assertThat(t.segments()).extracting(Segment::startMs, Segment::endMs, Segment::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0L, 1500L, "Hi there."),
            org.assertj.core.groups.Tuple.tuple(1500L, 3000L, "Welcome."));
    assertThat(t.segments().get(0).words()).hasSize(2);
    assertThat(t.mediaDurationMs()).hasValue(3000L);
    wm.verify(postRequestedFor(urlEqualTo(TRANSCRIPTIONS))
        .withHeader("Authorization", equalTo("Bearer " + OpenAiStubs.KEY))
        .withRequestBodyPart(aMultipart().withName("model").withBody(equalTo("whisper-1")).build())
        .withRequestBodyPart(aMultipart().withName("response_format").withBody(equalTo("verbose_json")).build())
        .withRequestBodyPart(aMultipart().withName("timestamp_granularities[]").withBody(equalTo("word")).build())
        .withRequestBodyPart(aMultipart().withName("timestamp_granularities[]").withBody(equalTo("segment")).build()));
  }

  @Test
  void gpt4oTranscribeUsesPlainJsonAndGivesOneSegmentPerUpload() {
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(json(
        "{\"text\":\"Hello world.\",\"usage\":{\"type\":\"tokens\",\"input_tokens\":10,\"output_tokens\":3,\"total_tokens\":13}}")));
    Path wav = OpenAiStubs.speechLikeWav(dir, "clip.wav", 2000);

    Transcript t = new OpenAiTranscriber(OpenAiStubs.settings(wm).transcriptionModel("gpt-4o-transcribe").build())
        .transcribe(MediaSource.of(wav), TranscriptionOptions.builder().language("en-US").mediaDurationMs(2000L).build());

    assertThat(t.segments()).containsExactly(Segment.of(0, 2000, "Hello world."));
    assertThat(t.words()).isEmpty();
    wm.verify(postRequestedFor(urlEqualTo(TRANSCRIPTIONS))
        .withRequestBodyPart(aMultipart().withName("response_format").withBody(equalTo("json")).build())
        .withRequestBodyPart(aMultipart().withName("language").withBody(equalTo("en")).build()));
  }

  @Test
  void streamsAreCopiedAndSentWithTheirName() throws Exception {
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(json(verbose(1.0, new Object[][] {{0.0, 1.0, "x"}},
        new Object[][] {{"x", 0.0, 0.5}}))));
    byte[] bytes = Files.readAllBytes(OpenAiStubs.speechLikeWav(dir, "s.wav", 1000));

    Transcript t = new OpenAiTranscriber(OpenAiStubs.settings(wm).build())
        .transcribe(MediaSource.of(new ByteArrayInputStream(bytes), "talk.wav", null), TranscriptionOptions.defaults());

    assertThat(t.words()).containsExactly(TimedWord.of("x", 0, 500));
    LoggedRequest r = wm.findAll(postRequestedFor(urlEqualTo(TRANSCRIPTIONS))).get(0);
    assertThat(r.getPart("file").getHeader("Content-Disposition").firstValue()).contains("filename=\"talk.wav\"");
  }

  @Test
  void unauthorizedIsAnAuthenticationErrorWithoutTheKey() {
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(OpenAiStubs.error(401, "invalid_request_error",
        "Incorrect API key provided: sk-test-****CRET.")));

    assertThatThrownBy(() -> new OpenAiTranscriber(OpenAiStubs.settings(wm).build())
        .transcribe(MediaSource.of(OpenAiStubs.speechLikeWav(dir, "a.wav", 500)), TranscriptionOptions.defaults()))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Incorrect API key")
        .hasMessageNotContaining(OpenAiStubs.KEY);
    wm.verify(1, postRequestedFor(urlEqualTo(TRANSCRIPTIONS)));
  }

  @Test
  void rateLimitRetryAfterIsHonouredByOurPolicy() {
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(OpenAiStubs.error(429, "rate_limit_exceeded", "Rate limit reached").withHeader("Retry-After", "7"))
        .willSetStateTo("ok"));
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).inScenario("429").whenScenarioStateIs("ok")
        .willReturn(json(verbose(1.0, new Object[][] {{0.0, 1.0, "ok"}}, new Object[][] {}))));
    List<Duration> waits = new CopyOnWriteArrayList<>();

    Transcript t = new OpenAiTranscriber(OpenAiStubs.settings(wm).retryPolicy(OpenAiStubs.fastRetries(3, waits::add)).build())
        .transcribe(MediaSource.of(OpenAiStubs.speechLikeWav(dir, "a.wav", 1000)), TranscriptionOptions.defaults());

    assertThat(t.segments()).extracting(Segment::text).containsExactly("ok");
    assertThat(waits).containsExactly(Duration.ofSeconds(7)); // asked for, recorded, not slept
  }

  @Test
  void rateLimitThatNeverEndsIsARateLimitException() {
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(
        OpenAiStubs.error(429, "rate_limit_exceeded", "Rate limit reached").withHeader("Retry-After-Ms", "20")));
    List<Duration> waits = new CopyOnWriteArrayList<>();

    assertThatThrownBy(() -> new OpenAiTranscriber(OpenAiStubs.settings(wm).retryPolicy(OpenAiStubs.fastRetries(3, waits::add)).build())
        .transcribe(MediaSource.of(OpenAiStubs.speechLikeWav(dir, "a.wav", 500)), TranscriptionOptions.defaults()))
        .isInstanceOf(RateLimitException.class)
        .satisfies(e -> assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofMillis(20)));
    assertThat(waits).containsExactly(Duration.ofMillis(20), Duration.ofMillis(20));
    wm.verify(3, postRequestedFor(urlEqualTo(TRANSCRIPTIONS)));
  }

  @Test
  void serverErrorsAreRetriedEvenForMultipartUploads() {
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(OpenAiStubs.error(500, "server_error", "The server had an error")).willSetStateTo("ok"));
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).inScenario("5xx").whenScenarioStateIs("ok")
        .willReturn(json(verbose(1.0, new Object[][] {{0.0, 1.0, "ok"}}, new Object[][] {}))));

    Transcript t = new OpenAiTranscriber(OpenAiStubs.settings(wm).build())
        .transcribe(MediaSource.of(OpenAiStubs.speechLikeWav(dir, "a.wav", 1000)), TranscriptionOptions.defaults());

    assertThat(t.segments()).extracting(Segment::text).containsExactly("ok");
    wm.verify(2, postRequestedFor(urlEqualTo(TRANSCRIPTIONS)));
  }

  @Test
  void badTimingsFromTheModelArePassedOnNeverACrash() {
    // overlapping, unordered, end before start, past the 1 s media end
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(json(verbose(1.0,
        new Object[][] {{5.0, 9.0, "past"}, {0.0, 0.8, "a"}, {0.5, 0.4, "b"}},
        new Object[][] {{"past", 5.0, 9.0}, {"a", 0.0, 0.8}, {"b", 0.5, 0.4}}))));

    Transcript t = new OpenAiTranscriber(OpenAiStubs.settings(wm).build())
        .transcribe(MediaSource.of(OpenAiStubs.speechLikeWav(dir, "a.wav", 1000)), TranscriptionOptions.defaults());

    assertThat(t.segments()).extracting(Segment::text).containsExactly("a", "b", "past");
    assertThat(t.words()).contains(TimedWord.of("b", 500, 500), TimedWord.of("past", 5000, 9000));
  }

  @Test
  void audioOverTheLimitIsRejectedNamingTheLongMediaEngine() throws Exception {
    Path mp3 = dir.resolve("big.mp3");
    Files.write(mp3, new byte[70_000]);

    assertThatThrownBy(() -> new OpenAiTranscriber(OpenAiStubs.settings(wm).maxUploadBytes(65_536).build())
        .transcribe(MediaSource.of(mp3), TranscriptionOptions.defaults()))
        .isInstanceOf(InvalidMediaException.class)
        .hasMessageContaining("over OpenAI's 0 MB upload limit")
        .hasMessageContaining("ChunkedTranscriber");
    wm.verify(0, postRequestedFor(urlEqualTo(TRANSCRIPTIONS)));
  }

  @Test
  void urlsAreRejectedBeforeAnyCall() {
    assertThat(new OpenAiTranscriber(OpenAiStubs.settings(wm).build()).acceptedSources())
        .doesNotContain(MediaSource.Kind.URL);
    assertThatThrownBy(() -> new OpenAiTranscriber(OpenAiStubs.settings(wm).build())
        .transcribe(MediaSource.ofUrl("https://example.com/a.mp3"), TranscriptionOptions.defaults()))
        .isInstanceOf(InvalidMediaException.class);
  }

  @Test
  void missingFileIsAClearError() {
    assertThatThrownBy(() -> new OpenAiTranscriber(OpenAiStubs.settings(wm).build())
        .transcribe(MediaSource.of(dir.resolve("nope.wav")), TranscriptionOptions.defaults()))
        .isInstanceOf(InvalidMediaException.class)
        .hasMessageContaining("not found");
  }

  static long partSize(Request r) {
    return r.getPart("file").getBody().asBytes().length;
  }

  static void assertUnderLimit(List<LoggedRequest> requests) {
    for (LoggedRequest r : requests) assertThat(partSize(r)).isLessThanOrEqualTo(OpenAiSettings.MAX_UPLOAD_BYTES);
  }

}
