package dev.captions.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bodies in the wire formats of providers.md §3 (generateContent, Files API, google.rpc errors). */
final class GeminiStubs {
  static final String KEY = "AIza-test-key-0123456789";
  static final String GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
  private static final ObjectMapper M = new ObjectMapper();

  private GeminiStubs() {}

  static WireMockServer server() {
    WireMockServer s = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    s.start();
    return s;
  }

  static GeminiSettings.Builder settings(WireMockServer s) {
    return GeminiSettings.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + s.port())
        .filePoller(poller(java.time.Duration.ofSeconds(10)))
        .retryPolicy(fastRetries(3));
  }

  static dev.captions.http.JobPoller poller(java.time.Duration timeout) {
    return dev.captions.http.JobPoller.builder("gemini").initialInterval(java.time.Duration.ofMillis(10))
        .maxInterval(java.time.Duration.ofMillis(20)).timeout(timeout).build();
  }

  /**
   * Retries that never really wait: the policy still computes each wait (a stated "retry in …" or its 1–5 ms backoff)
   * and the sleeper skips it. Tests that check a wait build a policy with a recording sleeper instead.
   */
  static dev.captions.http.RetryPolicy fastRetries(int attempts) {
    return dev.captions.http.RetryPolicy.builder().maxAttempts(attempts)
        .initialDelay(java.time.Duration.ofMillis(1)).maxDelay(java.time.Duration.ofMillis(5)).sleeper(wait -> {}).build();
  }

  /** A 200 generateContent response whose first candidate's text is {@code text}. */
  static ResponseDefinitionBuilder reply(String text, String finishReason) {
    ObjectNode root = M.createObjectNode();
    ObjectNode cand = root.putArray("candidates").addObject();
    cand.putObject("content").put("role", "model").putArray("parts").addObject().put("text", text);
    cand.put("finishReason", finishReason).put("index", 0);
    root.putObject("usageMetadata").put("promptTokenCount", 1930).put("candidatesTokenCount", 12).put("totalTokenCount", 1942);
    root.put("modelVersion", "gemini-2.5-flash").put("responseId", "r1");
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(root.toString());
  }

  static ResponseDefinitionBuilder error(int code, String status, String message) {
    return error(code, status, message, "X");
  }

  /** A §3.5 google.rpc error whose details hold an {@code ErrorInfo} with {@code reason}. */
  static ResponseDefinitionBuilder error(int code, String status, String message, String reason) {
    ObjectNode root = M.createObjectNode();
    ObjectNode error = root.putObject("error").put("code", code).put("message", message).put("status", status);
    error.putArray("details").addObject().put("@type", "type.googleapis.com/google.rpc.ErrorInfo").put("reason", reason)
        .put("domain", "googleapis.com").putObject("metadata").put("service", "generativelanguage.googleapis.com");
    return aResponse().withStatus(code).withHeader("Content-Type", "application/json").withBody(root.toString());
  }

  /** A small valid 16 kHz mono PCM WAV of {@code ms} milliseconds of silence. */
  static Path wav(Path dir, long ms) {
    int rate = 16_000;
    int dataBytes = (int) (rate * ms / 1000) * 2;
    ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
        .putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(dataBytes);
    try {
      Path p = dir.resolve("clip.wav");
      Files.write(p, b.array());
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
