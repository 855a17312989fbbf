package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.openai.OpenAiStubs.TRANSCRIPTIONS;
import static dev.captions.provider.openai.OpenAiStubs.json;
import static dev.captions.provider.openai.OpenAiStubs.verbose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OpenAI transcription under faults (issue 10): every scenario asserts the outcome (or the exact exception type), that
 * it ended within the configured bound, and how many transcription requests (each one paid once OpenAI works on it)
 * the stub received. Only failures that prove OpenAI did no work (an error status) are retried; a reset, a time-out or
 * an unreadable 200 is typed and not repeated. OpenAI has no jobs, so "job failed" and "job stuck" do not apply.
 */
@Timeout(30)
class OpenAiFaultsTest {
  static final Duration REQUEST_TIMEOUT = Duration.ofMillis(600);
  /** A transcription is an upload: its time-out is {@link dev.captions.llm.LlmProviderSettings#uploadTimeout()}. */
  static final Duration UPLOAD_TIMEOUT = REQUEST_TIMEOUT.multipliedBy(5);
  /** The upload time-out and slack for a busy machine (the SDK client's first call warms up for seconds). */
  static final Duration BOUND = UPLOAD_TIMEOUT.plusSeconds(6);

  @TempDir Path dir;
  WireMockServer wm;
  final List<Duration> waits = new CopyOnWriteArrayList<>();

  /**
   * Loads the SDK's classes and warms its client up before any bound is measured: on a busy machine the first call of a
   * JVM takes seconds, which no time-out should be blamed for.
   */
  @org.junit.jupiter.api.BeforeAll
  static void warmUp(@TempDir Path tmp) {
    WireMockServer w = OpenAiStubs.server();
    try {
      w.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(json(ok())));
      w.stubFor(post(urlEqualTo(OpenAiStubs.CHAT)).willReturn(json(OpenAiStubs.chat(
          "{\"cues\":[{\"id\":\"1\",\"text\":\"a\"},{\"id\":\"2\",\"text\":\"b\"},{\"id\":\"3\",\"text\":\"c\"}]}",
          "stop"))));
      OpenAiSettings settings = OpenAiStubs.settings(w).build();
      new OpenAiTranscriber(settings).transcribe(MediaSource.of(OpenAiStubs.speechLikeWav(tmp, "warm.wav", 500)),
          TranscriptionOptions.defaults());
      new OpenAiTranslator(settings).translate(OpenAiTranslatorTest.EN, dev.captions.spi.TranslationOptions.to("es"));
    } finally {
      w.stop();
    }
  }

  @BeforeEach
  void start() {
    wm = OpenAiStubs.server();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  Transcript run() {
    OpenAiSettings settings = OpenAiStubs.settings(wm).requestTimeout(REQUEST_TIMEOUT)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(5)).deadline(Duration.ofSeconds(5)).sleeper(waits::add).build())
        .build();
    return new OpenAiTranscriber(settings).transcribe(MediaSource.of(OpenAiStubs.speechLikeWav(dir, "clip.wav", 1000)),
        TranscriptionOptions.builder().mediaDurationMs(20_000L).build());
  }

  static String ok() {
    return verbose(1.5, new Object[][] {{0.0, 1.5, " Hi there."}}, new Object[][] {});
  }

  static <T> T within(Duration bound, Callable<T> call) throws Exception {
    long start = System.nanoTime();
    try {
      return call.call();
    } finally {
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
    }
  }

  static Throwable thrownWithin(Duration bound, Callable<?> call, Class<? extends Throwable> type) {
    long start = System.nanoTime();
    Throwable[] thrown = new Throwable[1];
    assertThatThrownBy(call::call).isExactlyInstanceOf(type).satisfies(t -> thrown[0] = t);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(bound);
    assertThat(thrown[0].getMessage()).doesNotContainIgnoringCase("looks like a bug").doesNotContain(OpenAiStubs.KEY);
    return thrown[0];
  }

  void replies(ResponseDefinitionBuilder... replies) {
    for (int i = 0; i < replies.length; i++) {
      ScenarioMappingBuilder m = post(urlEqualTo(TRANSCRIPTIONS)).inScenario("t")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "r" + i).willReturn(replies[i]);
      if (i + 1 < replies.length) m = m.willSetStateTo("r" + (i + 1));
      wm.stubFor(m);
    }
  }

  int creates() {
    return wm.findAll(postRequestedFor(urlEqualTo(TRANSCRIPTIONS))).size();
  }

  @Test
  void rateLimitWithRetryAfterIsWaitedOutThenSucceeds() throws Exception {
    replies(OpenAiStubs.error(429, "requests", "rate_limit_exceeded", "Rate limit reached").withHeader("Retry-After", "1"),
        json(ok()));
    assertThat(within(BOUND, this::run).segments()).hasSize(1);
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
    assertThat(creates()).isEqualTo(2); // the 429 did no work
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void serverErrorThenSuccessIsRetried(int status) throws Exception {
    replies(OpenAiStubs.error(status, "server_error", "The server had an error"), json(ok()));
    assertThat(within(BOUND, this::run).segments()).hasSize(1);
    assertThat(creates()).isEqualTo(2); // the error reply did no work
  }

  @Test
  void resetBeforeAnyReplyByteIsTypedAndNotSentAgain() {
    replies(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    Throwable e = thrownWithin(BOUND, this::run, ProviderException.class);
    assertThat(((ProviderException) e).isRetryable()).isFalse();
    assertThat(e).hasMessageContaining("not sent again");
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void resetMidBodyIsTypedAndNotSentAgain() {
    replies(aResponse().withStatus(200).withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    thrownWithin(BOUND, this::run, ProviderException.class);
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void replySlowerThanTheTimeoutIsATypedTimeoutWithinTheUploadTimeout() {
    replies(json(ok()).withFixedDelay(12000));
    Throwable e = thrownWithin(BOUND, this::run, ProviderTimeoutException.class);
    assertThat(((ProviderTimeoutException) e).limit()).isLessThanOrEqualTo(UPLOAD_TIMEOUT);
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void aChatReplySlowerThanTheRequestTimeoutEndsWithinItNotTheUploadTimeout() {
    // chat requests get the request time-out per request; the SDK client's own time-out is the (5x) upload time-out
    Duration request = Duration.ofMillis(1500);
    wm.stubFor(post(urlEqualTo(OpenAiStubs.CHAT)).willReturn(json(OpenAiStubs.chat("{\"cues\":[]}", "stop"))
        .withFixedDelay(12000)));
    OpenAiSettings settings = OpenAiStubs.settings(wm).requestTimeout(request)
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(5)).sleeper(waits::add).build()).build();
    Throwable e = thrownWithin(request.plusSeconds(6), () -> new OpenAiTranslator(settings)
        .translate(OpenAiTranslatorTest.EN, dev.captions.spi.TranslationOptions.to("es")), ProviderTimeoutException.class);
    // the limit that fired is the request time-out given per request, not the client's 5x upload time-out
    assertThat(((ProviderTimeoutException) e).limit()).isLessThanOrEqualTo(request);
    assertThat(((ProviderException) e).isRetryable()).isFalse();
    assertThat(wm.findAll(postRequestedFor(urlEqualTo(OpenAiStubs.CHAT)))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"task\":\"transcribe\",\"language\":\"english\",\"dura", "{not json",
      "<html><body>502 Bad Gateway</body></html>", ""})
  void malformedTruncatedHtmlOrEmptyBodiesAreTypedNotABug(String body) {
    replies(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("x-request-id", "req_9")
        .withBody(body));
    Throwable e = thrownWithin(BOUND, this::run, ProviderException.class);
    assertThat(((ProviderException) e).provider()).isEqualTo("openai");
    assertThat(creates()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void badKeyIsAnAuthenticationErrorNotRetried(int status) {
    replies(OpenAiStubs.error(status, "invalid_request_error", "invalid_api_key", "Incorrect API key provided"));
    thrownWithin(BOUND, this::run, AuthenticationException.class);
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void insufficientQuotaIsQuotaExceededNotRetried() {
    replies(OpenAiStubs.error(429, "insufficient_quota", "insufficient_quota",
        "You exceeded your current quota, please check your plan and billing details."));
    Throwable e = thrownWithin(BOUND, this::run, QuotaExceededException.class);
    assertThat(((ProviderException) e).requestId()).isEqualTo("req_err");
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void absurdReversedAndDuplicatedTimesAreDroppedOrRepairedAndReported() throws Exception {
    replies(json(verbose(10.0, new Object[][] {
        {0.0, 1.5, " First line."},
        {1e20, 1e20 + 1, " Absurd time."},
        {5.0, 3.0, " Reversed times."},
        {8.0, 9.5, " Said twice."},
        {8.0, 9.5, " Said twice."}}, new Object[][] {})));
    Transcript t = within(BOUND, this::run);
    CaptionQualityReport report = CaptionShaper.of(StyleProfile.NETFLIX_EN).shape(t).report();
    assertThat(report.repairs()).extracting(Repair::kind).contains(Repair.Kind.DROPPED_BEYOND_MEDIA,
        Repair.Kind.FIXED_END_BEFORE_START, Repair.Kind.DROPPED_DUPLICATE);
    assertThat(creates()).isEqualTo(1);
  }
}
