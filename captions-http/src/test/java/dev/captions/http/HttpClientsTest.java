package dev.captions.http;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.captions.ConfigurationException;
import dev.captions.ProviderException;
import dev.captions.spi.ProviderConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpClientsTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  ProviderConfig.Builder config() {
    return ProviderConfig.builder("acme").environment(k -> null).systemProperties(k -> null);
  }

  @Test
  void sendsTheSdkUserAgent() {
    // Set by surefire from the POM (captions-core/pom.xml), independently of the filtered resource the code reads.
    String projectVersion = System.getProperty("project.version");
    assertThat(projectVersion).as("system property project.version (run through Maven)").isNotBlank()
        .doesNotContain("${");
    wm.stubFor(get(urlEqualTo("/ua")).willReturn(okJson("{}")));
    JsonHttp.fromConfig(config().build()).build().send(new Request.Builder().url(wm.baseUrl() + "/ua").build());
    wm.verify(getRequestedFor(urlEqualTo("/ua"))
        .withHeader("User-Agent", equalTo("captions-java/" + projectVersion + " acme")));
    assertThat(HttpClients.version()).isEqualTo(projectVersion);
  }

  @Test
  void timeoutsComeFromConfiguration() {
    OkHttpClient c = HttpClients.fromConfig(config().set(HttpClients.CONFIG_CONNECT_TIMEOUT_MS, "1500")
        .set(HttpClients.CONFIG_READ_TIMEOUT_MS, "2500").set(HttpClients.CONFIG_CALL_TIMEOUT_MS, "0").build()).build();
    assertThat(c.connectTimeoutMillis()).isEqualTo(1500);
    assertThat(c.readTimeoutMillis()).isEqualTo(2500);
    assertThat(c.callTimeoutMillis()).isZero();
    assertThat(c.connectionPool()).isSameAs(HttpClients.shared().connectionPool());
    assertThat(c.networkInterceptors()).hasSize(1);

    assertThatThrownBy(() -> HttpClients.fromConfig(config().set(HttpClients.CONFIG_READ_TIMEOUT_MS, "soon").build()))
        .isInstanceOf(ConfigurationException.class).hasMessage("captions.acme.readTimeoutMs must be a whole number, but is 'soon'");
    assertThatThrownBy(() -> RetryPolicy.fromConfig(config().set(RetryPolicy.CONFIG_MAX_ATTEMPTS, "0").build()))
        .isInstanceOf(ConfigurationException.class).hasMessage("captions.acme: maxAttempts must be >= 1, but is 0");
    assertThat(RetryPolicy.fromConfig(config().set(RetryPolicy.CONFIG_MAX_ATTEMPTS, "2").build()).maxAttempts()).isEqualTo(2);
    assertThat(JobPoller.fromConfig(config().set(JobPoller.CONFIG_JOB_TIMEOUT_MS, "5000").build()).build().timeout())
        .isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void connectionFailuresAreRetriedEvenForPostAndThenTyped() throws Exception {
    // A port we hold bound but never listen on: connecting is refused, and no other process can start listening on it
    // during the test (a port closed after bind could be taken by a parallel build between close and connect).
    try (Socket holder = new Socket()) {
      holder.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 0));
      connectionRefusedIsRetriedAndTyped(holder.getLocalPort());
    }
  }

  private static void connectionRefusedIsRetriedAndTyped(int closedPort) {
    FakeTime time = new FakeTime();
    JsonHttp http = JsonHttp.builder("acme").client(HttpClients.builder().connectTimeout(Duration.ofSeconds(2)).build())
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).jitter(0).initialDelay(Duration.ofMillis(10))
            .sleeper(time).clock(time).build()).build();
    Request post = new Request.Builder().url("http://127.0.0.1:" + closedPort + "/jobs").post(http.json("x")).build();

    assertThatThrownBy(() -> http.send(post)).isInstanceOfSatisfying(ProviderException.class, e -> {
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.httpStatus()).isZero();
      assertThat(e.getMessage()).startsWith("acme: request failed: ConnectException");
    });
    assertThat(time.sleeps).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
  }
}
