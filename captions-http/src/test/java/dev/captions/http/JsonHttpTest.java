package dev.captions.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JsonHttpTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  JsonHttp http = JsonHttp.builder("acme").retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build();

  static final class Task {
    public String id;
    public List<String> tags;
  }

  @Test
  void postsJsonAndBindsTheResponseIgnoringUnknownFields() {
    wm.stubFor(post(urlEqualTo("/tasks")).willReturn(okJson("{\"id\":\"t-1\",\"tags\":\"single\",\"new_field\":1}")));

    Task t = http.send(new Request.Builder().url(wm.baseUrl() + "/tasks")
        .post(http.json(Map.of("url", "https://example.com/a.mp4", "lang", "en"))).build(), Task.class);

    assertThat(t.id).isEqualTo("t-1");
    assertThat(t.tags).containsExactly("single");
    wm.verify(postRequestedFor(urlEqualTo("/tasks"))
        .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
        .withRequestBody(equalToJson("{\"url\":\"https://example.com/a.mp4\",\"lang\":\"en\"}")));
  }

  @Test
  void emptyBodyIsNull() {
    wm.stubFor(delete(urlEqualTo("/tasks/t-1")).willReturn(aResponse().withStatus(204)));
    assertThat(http.send(new Request.Builder().url(wm.baseUrl() + "/tasks/t-1").delete().build())).isNull();
  }

  @Test
  void headerLookupIsCaseInsensitive() {
    var lookup = HttpErrors.headerLookup(Map.of("X-Request-Id", List.of("a", "b"), "retry-after", List.of("3")));
    assertThat(lookup.apply("x-request-id")).isEqualTo("a");
    assertThat(lookup.apply("Retry-After")).isEqualTo("3");
    assertThat(lookup.apply("missing")).isNull();
  }
}
