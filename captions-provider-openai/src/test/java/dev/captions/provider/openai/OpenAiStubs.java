package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.captions.http.RetryPolicy;
import dev.captions.http.Sleeper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Bodies in the wire formats of providers.md §4 (audio/transcriptions verbose_json and json, chat/completions, errors). */
final class OpenAiStubs {
  static final String KEY = "sk-test-0123456789abcdefSECRET";
  static final String TRANSCRIPTIONS = "/v1/audio/transcriptions";
  static final String CHAT = "/v1/chat/completions";
  static final ObjectMapper M = new ObjectMapper();

  private OpenAiStubs() {}

  static WireMockServer server() {
    WireMockServer s = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    s.start();
    return s;
  }

  static OpenAiSettings.Builder settings(WireMockServer s) {
    return OpenAiSettings.builder().apiKey(KEY).baseUrl("http://127.0.0.1:" + s.port() + "/v1").retryPolicy(fastRetries(3, d -> {}));
  }

  /** Retries that record their waits instead of sleeping. */
  static RetryPolicy fastRetries(int attempts, Sleeper sleeper) {
    return RetryPolicy.builder().maxAttempts(attempts).initialDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(5))
        .sleeper(sleeper).build();
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("x-request-id", "req_1")
        .withBody(body);
  }

  /** A verbose_json body: segments {@code [start, end, text]} and words {@code [word, start, end]} in seconds. */
  static String verbose(double duration, Object[][] segments, Object[][] words) {
    ObjectNode root = M.createObjectNode().put("task", "transcribe").put("language", "english").put("duration", duration);
    StringBuilder text = new StringBuilder();
    var segs = root.putArray("segments");
    for (int i = 0; i < segments.length; i++) {
      Object[] s = segments[i];
      text.append(s[2]);
      ObjectNode n = segs.addObject().put("id", i).put("seek", 0).put("start", ((Number) s[0]).doubleValue())
          .put("end", ((Number) s[1]).doubleValue()).put("text", (String) s[2]);
      n.putArray("tokens").add(50364);
      n.put("temperature", 0.0).put("avg_logprob", -0.2).put("compression_ratio", 1.0).put("no_speech_prob", 0.01);
    }
    root.put("text", text.toString());
    var ws = root.putArray("words");
    for (Object[] w : words) {
      ws.addObject().put("word", (String) w[0]).put("start", ((Number) w[1]).doubleValue()).put("end", ((Number) w[2]).doubleValue());
    }
    root.putObject("usage").put("type", "duration").put("seconds", (int) Math.ceil(duration));
    return root.toString();
  }

  static String chat(String content, String finishReason) {
    ObjectNode root = M.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1700000000)
        .put("model", "gpt-4o-2024-08-06");
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
    choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
    root.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
    return root.toString();
  }

  static ResponseDefinitionBuilder error(int status, String type, String message) {
    return error(status, type, null, message);
  }

  /** The §4.6 error body; {@code code} is a string (e.g. {@code insufficient_quota}) or {@code null}. */
  static ResponseDefinitionBuilder error(int status, String type, String code, String message) {
    ObjectNode error = M.createObjectNode();
    error.putObject("error").put("message", message).put("type", type).putNull("param").put("code", code);
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withHeader("x-request-id", "req_err")
        .withBody(error.toString());
  }

  /**
   * A 16 kHz mono 16-bit PCM WAV of {@code ms} milliseconds: a loud square wave for 1000 ms, then 500 ms of silence,
   * repeated, so that cuts at silence can be checked.
   */
  static Path speechLikeWav(Path dir, String name, long ms) {
    int rate = 16_000;
    long frames = rate * ms / 1000;
    long dataBytes = frames * 2;
    ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes());
    h.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
        .putShort((short) 2).putShort((short) 16);
    h.put("data".getBytes()).putInt((int) dataBytes);
    Path p = dir.resolve(name);
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
      out.write(h.array());
      byte[] block = new byte[rate * 3]; // 1.5 s: 1 s tone + 0.5 s silence
      ByteBuffer b = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
      for (int f = 0; f < rate; f++) b.putShort(f * 2, (short) ((f / 20) % 2 == 0 ? 9000 : -9000));
      long written = 0;
      while (written < dataBytes) {
        int n = (int) Math.min(block.length, dataBytes - written);
        out.write(block, 0, n);
        written += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
