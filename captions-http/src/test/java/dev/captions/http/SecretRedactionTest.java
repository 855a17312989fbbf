package dev.captions.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.captions.CaptionsException;
import dev.captions.spi.Secret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** No API key in any log line (at any level) or exception message, whichever way it travels. */
class SecretRedactionTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  static final String BEARER = "sk-proj-BEARERSECRET0123456789";
  static final String GOOG = "AIzaGOOGSECRET0123456789";
  static final String QUERY = "QUERYSECRET0123456789";
  static final String XAPI = "XAPISECRET0123456789";
  static final List<String> SECRETS = List.of(BEARER, GOOG, QUERY, XAPI);

  Logger root = (Logger) LoggerFactory.getLogger("dev.captions");
  Level savedLevel;
  ListAppender<ILoggingEvent> appender = new ListAppender<>();
  List<Throwable> thrown = new ArrayList<>();
  FakeTime time = new FakeTime();
  RetryPolicy policy = RetryPolicy.builder().maxAttempts(2).sleeper(time).clock(time).build();
  JsonHttp http = JsonHttp.builder("acme").client(HttpClients.builder().build()).retryPolicy(policy).build();
  JsonHttp impatient = JsonHttp.builder("acme")
      .client(HttpClients.builder().readTimeout(Duration.ofMillis(300)).build()).retryPolicy(policy).build();

  @BeforeEach
  void captureEverything() {
    savedLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    root.setAdditive(false); // captured here, not printed
    appender.start();
    root.addAppender(appender);
  }

  @AfterEach
  void restore() {
    root.detachAppender(appender);
    root.setLevel(savedLevel);
    root.setAdditive(true);
  }

  Request request(String path) {
    Secret key = Secret.of(BEARER);
    return new Request.Builder().url(wm.baseUrl() + path + "?key=" + QUERY + "&api_key=" + QUERY + "&alt=json")
        .header("Authorization", "Bearer " + key.reveal())
        .header("x-goog-api-key", GOOG)
        .header("x-api-key", XAPI)
        .header("api-key", XAPI)
        .build();
  }

  void send(String path) {
    JsonHttp h = path.equals("/slow") ? impatient : http;
    Throwable t = catchThrowable(() -> h.send(request(path)));
    if (t != null) thrown.add(t);
  }

  @Test
  void noSecretInLogsOrExceptions() {
    wm.stubFor(get(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200).withHeader("Set-Cookie", "s=" + XAPI)
        .withBody("{}")));
    wm.stubFor(get(urlPathEqualTo("/echo")).willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":{\"message\":\"API key " + GOOG + " is not valid for Bearer " + BEARER + " or " + QUERY + "\"}}")));
    wm.stubFor(get(urlPathEqualTo("/unauthorized")).willReturn(aResponse().withStatus(401)
        .withBody("{\"error\":\"invalid key " + XAPI + "\"}")));
    wm.stubFor(get(urlPathEqualTo("/busy")).willReturn(aResponse().withStatus(503).withBody("{\"detail\":\"" + BEARER + "\"}")));
    wm.stubFor(get(urlPathEqualTo("/slow")).willReturn(aResponse().withFixedDelay(1500).withBody("{}")));
    wm.stubFor(get(urlPathEqualTo("/garbage")).willReturn(aResponse().withStatus(200).withBody("not json " + QUERY)));
    wm.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));

    for (String path : List.of("/ok", "/echo", "/unauthorized", "/busy", "/slow", "/garbage")) send(path);
    // a poller whose cancel hook fails with our exception
    JobPoller poller = JobPoller.builder("acme").timeout(Duration.ofSeconds(1)).sleeper(time).clock(time).build();
    thrown.add(catchThrowable(() -> poller.poll("job-1", () -> JobStatus.running("processing", 0.1),
        () -> http.send(request("/echo")), null)));

    assertThat(thrown).hasSize(6).allSatisfy(t -> assertThat(t).isInstanceOf(CaptionsException.class));
    for (Throwable t : thrown) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).as("exception %s", t).doesNotContain(SECRETS);
    }
    assertThat(appender.list).isNotEmpty();
    for (ILoggingEvent e : appender.list) {
      String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()));
      assertThat(line).as("log line").doesNotContain(SECRETS);
    }
    // the traffic was logged, redacted, and the echoed key was masked rather than dropped
    assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(m -> assertThat(m).contains("key=****").contains("api_key=****").contains("alt=json"))
        .anySatisfy(m -> assertThat(m).contains("Authorization=****").contains("x-goog-api-key=****"));
    assertThat(thrown.get(0).getMessage()).isEqualTo("acme: Bad Request: API key **** is not valid for **** or **** (HTTP 400)");
  }

  @Test
  void httpTrafficIsNeverLoggedAtInfoAndBodiesNever() {
    wm.stubFor(get(urlPathEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("{\"transcript\":\"BODYTEXT\"}")));
    send("/ok");
    assertThat(appender.list).filteredOn(e -> e.getLoggerName().equals(RedactingLoggingInterceptor.LOGGER_NAME))
        .isNotEmpty()
        .allSatisfy(e -> {
          assertThat(e.getLevel().isGreaterOrEqual(Level.INFO)).isFalse();
          assertThat(e.getFormattedMessage()).doesNotContain("BODYTEXT");
        });
  }
}
