package dev.captions.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.media.ittybit.IttybitMediaProcessor;
import dev.captions.spi.ProviderConfig;
import dev.captions.http.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One WireMock server for every service of a flow, and bodies in the wire formats of
 * {@code /work/shared/reference/providers.md}: Ittybit {@code /jobs} (§1), Gemini generateContent (§3), OpenAI
 * audio/transcriptions and chat/completions (§4). Providers are configured the way users configure them: Gemini and
 * OpenAI through {@link ProviderConfig} and discovery by name, Ittybit through its builder (its factory has no poll
 * interval key, and the default 1 s poll would make every job take a second).
 */
final class FlowStubs {
  static final String ITTYBIT_KEY = "ittybit_live_FLOWSECRET1";
  static final String GEMINI_KEY = "AIza-flow-SECRET-0123456789";
  static final String OPENAI_KEY = "sk-flow-SECRET-0123456789abcdef";
  static final String GEMINI_GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";
  static final String OPENAI_TRANSCRIPTIONS = "/v1/audio/transcriptions";
  static final String OPENAI_CHAT = "/v1/chat/completions";
  static final ObjectMapper M = new ObjectMapper();

  private FlowStubs() {}

  /** Loopback only; an HTTPS port too, so that media URLs look like the https URLs real flows pass around. */
  static WireMockServer server() {
    WireMockServer s = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
        .dynamicHttpsPort());
    s.start();
    return s;
  }

  static String httpBase(WireMockServer s) {
    return "http://127.0.0.1:" + s.port();
  }

  static String httpsBase(WireMockServer s) {
    return "https://127.0.0.1:" + s.httpsPort();
  }

  static IttybitMediaProcessor ittybit(WireMockServer s) {
    return IttybitMediaProcessor.builder().apiKey(ITTYBIT_KEY).baseUrl(httpBase(s))
        .retryPolicy(RetryPolicy.builder().maxAttempts(2).initialDelay(Duration.ofMillis(1))
            .maxDelay(Duration.ofMillis(5)).build())
        .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20)).timeout(Duration.ofSeconds(10))
        .maxConcurrentJobs(4).build();
  }

  /**
   * Configuration for a cloud provider pointing at {@code s}, with short retries and polls (the keys of
   * {@code RetryPolicy.fromConfig} and {@code JobPoller.fromConfig}) and no reading of the real environment or
   * system properties, so a developer's own keys can never leak into a test.
   */
  static ProviderConfig config(String provider, String apiKey, String baseUrl) {
    return ProviderConfig.builder(provider).apiKey(apiKey).baseUrl(baseUrl)
        .set(RetryPolicy.CONFIG_MAX_ATTEMPTS, "2").set(RetryPolicy.CONFIG_INITIAL_DELAY_MS, "1")
        .set(RetryPolicy.CONFIG_MAX_DELAY_MS, "5")
        .set(dev.captions.http.JobPoller.CONFIG_POLL_INTERVAL_MS, "5")
        .set(dev.captions.http.JobPoller.CONFIG_POLL_MAX_INTERVAL_MS, "20")
        .set(dev.captions.http.JobPoller.CONFIG_JOB_TIMEOUT_MS, "10000")
        .environment(k -> null).systemProperties(k -> null).build();
  }

  // ---- Ittybit /jobs (providers.md §1.3, §1.6) ----

  /** A job object; {@code output} is raw JSON (a string URL, an object with url, or null). */
  static String ittybitJob(String id, String kind, String input, String status, String output) {
    ObjectNode job = M.createObjectNode().put("id", id).put("object", "job").put("kind", kind).put("input", input);
    job.set("output", output == null ? M.nullNode() : read(output));
    job.put("status", status).putNull("error");
    job.putObject("metadata");
    job.putArray("tasks");
    long t = 1_711_900_000_000L;
    job.put("created_at", t);
    if ("queued".equals(status)) job.putNull("started_at");
    else job.put("started_at", t + 1000);
    if ("succeeded".equals(status)) job.put("finished_at", t + 9000);
    else job.putNull("finished_at");
    job.put("updated_at", t + 9000);
    return job.toString();
  }

  /**
   * A succeeded job whose task output carries the media's {@code duration} in seconds (providers.md §1.3: task
   * {@code output} is an object with {@code url}, {@code kind}, {@code format}, {@code duration}…).
   */
  static String ittybitJobWithDuration(String id, String kind, String input, String outputUrl, double durationSec) {
    ObjectNode job = (ObjectNode) read(ittybitJob(id, kind, input, "succeeded", '"' + outputUrl + '"'));
    ObjectNode task = ((ArrayNode) job.get("tasks")).addObject().put("id", "task_" + id).put("object", "task")
        .put("kind", kind).put("status", "succeeded").put("progress", 100);
    task.putObject("output").put("url", outputUrl).put("kind", kind).put("format", "wav").put("duration", durationSec);
    task.putNull("error");
    return job.toString();
  }

  static ResponseDefinitionBuilder created(String body) {
    return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(body);
  }

  // ---- Gemini generateContent (providers.md §3.4, §3.8) ----

  static ResponseDefinitionBuilder geminiReply(String text) {
    ObjectNode root = M.createObjectNode();
    ObjectNode cand = root.putArray("candidates").addObject();
    cand.putObject("content").put("role", "model").putArray("parts").addObject().put("text", text);
    cand.put("finishReason", "STOP").put("index", 0);
    root.putObject("usageMetadata").put("promptTokenCount", 1930).put("candidatesTokenCount", 120)
        .put("totalTokenCount", 2050);
    root.put("modelVersion", "gemini-2.5-flash").put("responseId", "resp-flow-1");
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(root.toString());
  }

  // ---- OpenAI (providers.md §4.3, §4.5) ----

  static ResponseDefinitionBuilder openAiJson(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withHeader("x-request-id", "req_flow")
        .withBody(body);
  }

  /** A chat.completion whose message content is {@code content}. */
  static String chatCompletion(String content) {
    ObjectNode root = M.createObjectNode().put("id", "chatcmpl-flow").put("object", "chat.completion")
        .put("created", 1_700_000_000).put("model", "gpt-4o-2024-08-06");
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
    root.putObject("usage").put("prompt_tokens", 900).put("completion_tokens", 120).put("total_tokens", 1020);
    return root.toString();
  }

  /** whisper-1 {@code verbose_json}: segments {@code {startSec, endSec, text}}, words spread evenly in each. */
  static String whisperVerbose(double durationSec, Object[][] segments) {
    ObjectNode root = M.createObjectNode().put("task", "transcribe").put("language", "english")
        .put("duration", durationSec);
    ArrayNode segs = root.putArray("segments");
    ArrayNode words = M.createArrayNode();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      double start = ((Number) segments[i][0]).doubleValue();
      double end = ((Number) segments[i][1]).doubleValue();
      String t = (String) segments[i][2];
      text.append(i > 0 ? " " : "").append(t);
      ObjectNode n = segs.addObject().put("id", i).put("seek", 0).put("start", start).put("end", end).put("text", " " + t);
      n.putArray("tokens").add(50364);
      n.put("temperature", 0.0).put("avg_logprob", -0.2).put("compression_ratio", 1.1).put("no_speech_prob", 0.01);
      String[] ws = t.split(" ");
      double step = (end - start) / ws.length;
      for (int w = 0; w < ws.length; w++) {
        words.addObject().put("word", ws[w]).put("start", round(start + w * step)).put("end", round(start + (w + 1) * step));
      }
    }
    root.put("text", text.toString());
    root.set("words", words);
    root.putObject("usage").put("type", "duration").put("seconds", (int) Math.ceil(durationSec));
    return root.toString();
  }

  private static double round(double sec) {
    return Math.round(sec * 1000) / 1000.0;
  }

  // ---- Reading what was sent and written ----

  static JsonNode read(String json) {
    try {
      return M.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode body(LoggedRequest r) {
    return read(r.getBodyAsString());
  }

  /** Every request the server saw, oldest first, as {@code "METHOD /path"}. */
  static List<String> requestLog(WireMockServer s) {
    return s.getAllServeEvents().stream().map(ServeEvent::getRequest)
        .sorted(Comparator.comparing(LoggedRequest::getLoggedDate))
        .map(r -> r.getMethod() + " " + r.getUrl()).collect(Collectors.toList());
  }

  static String readString(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Pattern TIMING = Pattern.compile(
      "^((?:\\d{2,}:)?\\d{2}:\\d{2}[.,]\\d{3}) --> ((?:\\d{2,}:)?\\d{2}:\\d{2}[.,]\\d{3})", Pattern.MULTILINE);

  /**
   * The cue times of a WebVTT or SRT file, in order, as {@code {startMs, endMs}} (hours optional, '.' or ',' before
   * the milliseconds).
   */
  static List<long[]> cueTimes(String captions) {
    List<long[]> out = new ArrayList<>();
    Matcher m = TIMING.matcher(captions.replace("\r\n", "\n"));
    while (m.find()) out.add(new long[] {ms(m.group(1)), ms(m.group(2))});
    return out;
  }

  /** {@link #cueTimes} as comparable strings {@code "startMs-endMs"}. */
  static List<String> cueTimeStrings(String captions) {
    return cueTimes(captions).stream().map(t -> t[0] + "-" + t[1]).collect(Collectors.toList());
  }

  private static long ms(String timestamp) {
    String[] parts = timestamp.replace(',', '.').split(":");
    long ms = 0;
    for (int i = 0; i < parts.length - 1; i++) ms = ms * 60 + Long.parseLong(parts[i]);
    String[] sec = parts[parts.length - 1].split("\\.");
    return (ms * 60 + Long.parseLong(sec[0])) * 1000 + Long.parseLong(sec[1]);
  }
}
