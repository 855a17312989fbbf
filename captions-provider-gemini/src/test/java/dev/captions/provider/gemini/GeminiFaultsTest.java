package dev.captions.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.captions.provider.gemini.GeminiStubs.GENERATE;
import static dev.captions.provider.gemini.GeminiStubs.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * Gemini transcription under faults (issue 10): every scenario asserts the outcome (or the exact exception type), that
 * it ended within the configured bound, and how many {@code generateContent} requests (each one paid once Gemini
 * works on it) the stub received. Only failures that prove Gemini did no work (an error status) are retried; a reset,
 * a time-out or an unreadable 200 is typed and not repeated. The "job" is a Files API upload that must become ACTIVE.
 */
@Timeout(30)
class GeminiFaultsTest {
  static final Duration REQUEST_TIMEOUT = Duration.ofMillis(2000);
  static final Duration FILE_TIMEOUT = Duration.ofMillis(500);
  /** Three attempts' time-outs and slack for a busy machine (an SDK client's first call warms up for seconds). */
  static final Duration BOUND = REQUEST_TIMEOUT.multipliedBy(3).plusSeconds(6);
  static final ObjectMapper M = new ObjectMapper();

  @TempDir Path dir;
  WireMockServer wm;
  final List<Duration> waits = new CopyOnWriteArrayList<>();

  /** Loads the SDK's classes before any bound is measured: on a busy machine the first call of a JVM takes seconds. */
  @org.junit.jupiter.api.BeforeAll
  static void warmUp(@TempDir Path tmp) {
    WireMockServer w = GeminiStubs.server();
    try {
      w.stubFor(post(urlEqualTo(GENERATE)).willReturn(ok()));
      new GeminiTranscriber(GeminiStubs.settings(w).build()).transcribe(MediaSource.of(GeminiStubs.wav(tmp, 200)),
          TranscriptionOptions.defaults());
    } finally {
      w.stop();
    }
  }

  @BeforeEach
  void start() {
    wm = GeminiStubs.server();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  GeminiSettings.Builder settings() {
    return GeminiStubs.settings(wm).requestTimeout(REQUEST_TIMEOUT).filePoller(GeminiStubs.poller(FILE_TIMEOUT))
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(5)).deadline(Duration.ofSeconds(10)).sleeper(waits::add).build());
  }

  Transcript run() {
    return run(settings().build());
  }

  Transcript run(GeminiSettings settings) {
    return new GeminiTranscriber(settings).transcribe(MediaSource.of(GeminiStubs.wav(dir, 200)),
        TranscriptionOptions.builder().mediaDurationMs(20_000L).build());
  }

  static ResponseDefinitionBuilder ok() {
    return reply("{\"cues\":[{\"start\":\"00:00:00.000\",\"end\":\"00:00:01.500\",\"text\":\"Hi there.\"}]}", "STOP");
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
    assertThat(thrown[0].getMessage()).doesNotContain(GeminiStubs.KEY);
    return thrown[0];
  }

  void replies(ResponseDefinitionBuilder... replies) {
    for (int i = 0; i < replies.length; i++) {
      ScenarioMappingBuilder m = post(urlEqualTo(GENERATE)).inScenario("g")
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "r" + i).willReturn(replies[i]);
      if (i + 1 < replies.length) m = m.willSetStateTo("r" + (i + 1));
      wm.stubFor(m);
    }
  }

  int creates() {
    return wm.findAll(postRequestedFor(urlEqualTo(GENERATE))).size();
  }

  /** A google.rpc 429 whose details hold a QuotaFailure and, when {@code retryDelay} is set, a RetryInfo. */
  static ResponseDefinitionBuilder resourceExhausted(String message, String quotaId, String retryDelay) {
    ObjectNode root = M.createObjectNode();
    ObjectNode error = root.putObject("error").put("code", 429).put("message", message)
        .put("status", "RESOURCE_EXHAUSTED");
    var details = error.putArray("details");
    details.addObject().put("@type", "type.googleapis.com/google.rpc.QuotaFailure").putArray("violations").addObject()
        .put("quotaMetric", "generativelanguage.googleapis.com/generate_content_free_tier_requests")
        .put("quotaId", quotaId);
    if (retryDelay != null) {
      details.addObject().put("@type", "type.googleapis.com/google.rpc.RetryInfo").put("retryDelay", retryDelay);
    }
    return aResponse().withStatus(429).withHeader("Content-Type", "application/json").withBody(root.toString());
  }

  @Test
  void rateLimitWithRetryDelayIsWaitedOutThenSucceeds() throws Exception {
    replies(resourceExhausted("You exceeded your current quota, please check your plan and billing details. "
        + "Please retry in 1s.", "GenerateRequestsPerMinutePerProjectPerModel-FreeTier", "1s"), ok());
    assertThat(within(BOUND, this::run).segments()).hasSize(1);
    assertThat(waits).containsExactly(Duration.ofSeconds(1));
    assertThat(creates()).isEqualTo(2); // the 429 did no work
  }

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503})
  void serverErrorThenSuccessIsRetried(int status) throws Exception {
    replies(GeminiStubs.error(status, status == 500 ? "INTERNAL" : "UNAVAILABLE", "The service is currently unavailable."),
        ok());
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
  void replySlowerThanTheRequestTimeoutIsATypedTimeoutWithinIt() {
    replies(ok().withFixedDelay(20000));
    // The request time-out (2 s: an SDK client's first call warms up slowly on a busy machine), not the upload
    // time-out (10 s), applies to generateContent.
    Throwable e = thrownWithin(REQUEST_TIMEOUT.plusSeconds(6), this::run, ProviderTimeoutException.class);
    assertThat(((ProviderException) e).isRetryable()).isFalse();
    assertThat(creates()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"{\\\"cu", "{not json",
      "<html><body>502 Bad Gateway</body></html>", ""})
  void malformedTruncatedHtmlOrEmptyBodiesAreTyped(String body) {
    replies(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));
    Throwable e = thrownWithin(BOUND, this::run, ProviderException.class);
    assertThat(((ProviderException) e).provider()).isEqualTo("gemini");
    assertThat(creates()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void badKeyIsAnAuthenticationErrorNotRetried(int status) {
    replies(GeminiStubs.error(status, status == 401 ? "UNAUTHENTICATED" : "PERMISSION_DENIED",
        "The caller does not have permission"));
    thrownWithin(BOUND, this::run, AuthenticationException.class);
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void exhaustedQuotaIsQuotaExceededNotRetried() {
    replies(resourceExhausted("You exceeded your current quota, please check your plan and billing details. "
        + "* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, "
        + "limit: 0, model: gemini-2.5-flash", "GenerateRequestsPerDayPerProjectPerModel-FreeTier", null));
    thrownWithin(BOUND, this::run, QuotaExceededException.class);
    assertThat(creates()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  void upload(String name, String state) {
    String base = "http://127.0.0.1:" + wm.port();
    wm.stubFor(post(urlEqualTo("/upload/v1beta/files"))
        .willReturn(aResponse().withStatus(200).withHeader("X-Goog-Upload-URL", base + "/upload-session/f")));
    wm.stubFor(post(urlEqualTo("/upload-session/f"))
        .willReturn(aResponse().withStatus(200).withHeader("X-Goog-Upload-Status", "final")
            .withBody("{\"file\":{\"name\":\"files/" + name + "\",\"uri\":\"" + base + "/v1beta/files/" + name
                + "\",\"state\":\"PROCESSING\"}}")));
    wm.stubFor(get(urlPathEqualTo("/v1beta/files/" + name)).willReturn(aResponse()
        .withBody("{\"name\":\"files/" + name + "\",\"uri\":\"" + base + "/v1beta/files/" + name + "\",\"state\":\""
            + state + "\",\"error\":{\"code\":400,\"message\":\"unsupported audio codec\"}}")));
    wm.stubFor(delete(urlPathEqualTo("/v1beta/files/" + name)).willReturn(aResponse().withStatus(200).withBody("{}")));
  }

  @Test
  void failedUploadJobIsAProviderErrorWithGeminisReasonAndTheFileIsDeleted() {
    upload("bad", "FAILED");
    Throwable e = thrownWithin(BOUND, () -> run(settings().inlineLimitBytes(100).build()), ProviderException.class);
    assertThat(e).hasMessageContaining("unsupported audio codec");
    assertThat(creates()).isZero();
    wm.verify(deleteRequestedFor(urlPathEqualTo("/v1beta/files/bad")));
  }

  @Test
  void stuckUploadJobTimesOutWithinTheFileTimeoutAndTheFileIsDeleted() {
    upload("slow", "PROCESSING");
    thrownWithin(BOUND, () -> run(settings().inlineLimitBytes(100).build()),
        ProviderTimeoutException.class);
    assertThat(creates()).isZero();
    wm.verify(deleteRequestedFor(urlPathEqualTo("/v1beta/files/slow")));
  }

  @Test
  void absurdReversedAndDuplicatedTimesAreDroppedOrRepairedAndReported() throws Exception {
    replies(reply("{\"cues\":["
        + "{\"start\":\"00:00:00.000\",\"end\":\"00:00:01.500\",\"text\":\"First line.\"},"
        + "{\"start\":\"99999999999999999999:00:00.000\",\"end\":\"99999999999999999999:00:01.000\",\"text\":\"Absurd.\"},"
        + "{\"start\":-4,\"end\":-3,\"text\":\"Negative.\"},"
        + "{\"start\":\"00:00:05.000\",\"end\":\"00:00:03.000\",\"text\":\"Reversed times.\"},"
        + "{\"start\":\"00:00:08.000\",\"end\":\"00:00:09.500\",\"text\":\"Said twice.\"},"
        + "{\"start\":\"00:00:08.000\",\"end\":\"00:00:09.500\",\"text\":\"Said twice.\"}]}", "STOP"));
    Transcript t = within(BOUND, this::run);
    assertThat(t.dropped()).extracting(d -> d.text()).containsExactly("Absurd.", "Negative.");
    CaptionQualityReport report = CaptionShaper.of(StyleProfile.NETFLIX_EN).shape(t).report();
    assertThat(report.repairs()).extracting(Repair::kind).contains(Repair.Kind.DROPPED_UNREADABLE_TIME,
        Repair.Kind.FIXED_END_BEFORE_START, Repair.Kind.DROPPED_DUPLICATE);
    assertThat(report.repairs()).filteredOn(r -> r.kind() == Repair.Kind.DROPPED_UNREADABLE_TIME).hasSize(2);
    assertThat(creates()).isEqualTo(1);
  }

  @Test
  void aReplyWithNoUsableTimeAtAllIsATypedErrorSayingSo() {
    replies(reply("{\"cues\":[{\"start\":\"99999999999999999999:00:00\",\"end\":\"x\",\"text\":\"Absurd.\"}]}", "STOP"));
    Throwable e = thrownWithin(BOUND, this::run, ProviderException.class);
    assertThat(e).hasMessageContaining("nothing usable is left");
    assertThat(creates()).isEqualTo(1);
  }
}
