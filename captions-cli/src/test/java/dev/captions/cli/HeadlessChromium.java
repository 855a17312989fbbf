package dev.captions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol (a WebSocket on {@code --remote-debugging-port}; OkHttp
 * and Jackson, already in the build): open a page, evaluate script in it, click, take a screenshot. Test code only.
 * Fails (not skips) when no Chromium is installed: CI installs Debian's {@code chromium} in {@code .ci/run}.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final OkHttpClient http;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> console = new ArrayList<>();

  private HeadlessChromium(Process process, OkHttpClient http, String wsUrl) throws InterruptedException {
    this.process = process;
    this.http = http;
    CompletableFuture<Void> open = new CompletableFuture<>();
    this.socket = http.newWebSocket(new Request.Builder().url(wsUrl).build(), new WebSocketListener() {
      @Override
      public void onOpen(WebSocket webSocket, Response response) {
        open.complete(null);
      }

      @Override
      public void onMessage(WebSocket webSocket, String text) {
        try {
          JsonNode msg = JSON.readTree(text);
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
            if (f != null) f.complete(msg);
          } else if ("Runtime.consoleAPICalled".equals(msg.path("method").asText())
              || "Runtime.exceptionThrown".equals(msg.path("method").asText())) {
            synchronized (console) {
              console.add(msg.path("params").toString());
            }
          }
        } catch (IOException e) {
          pending.values().forEach(f -> f.completeExceptionally(e));
        }
      }

      @Override
      public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        open.completeExceptionally(t);
        pending.values().forEach(f -> f.completeExceptionally(t));
      }
    });
    try {
      open.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("cannot connect to Chromium's DevTools at " + wsUrl, e);
    }
  }

  /** The Chromium executable on the PATH: {@code chromium} (Debian), {@code chromium-browser} or {@code google-chrome}. */
  static Path executable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) return p;
      }
    }
    throw new AssertionError("No Chromium on the PATH: install it (Debian: apt-get install chromium; .ci/run does)");
  }

  /**
   * Starts Chromium headless with a fresh profile in {@code profileDir}, a {@code width}×{@code height} window, and
   * attaches to its first page.
   */
  static HeadlessChromium start(Path profileDir, int width, int height) throws IOException, InterruptedException {
    List<String> cmd = List.of(executable().toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--mute-audio",
        "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profileDir,
        "--window-size=" + width + "," + height, "about:blank");
    Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(profileDir.resolveSibling(profileDir.getFileName() + ".log").toFile()).start();
    Path portFile = profileDir.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
      if (!process.isAlive()) throw new IllegalStateException("Chromium exited with " + process.exitValue());
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("Chromium wrote no DevToolsActivePort within " + TIMEOUT);
      }
      Thread.sleep(100);
    }
    int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
    String ws = null;
    for (int attempt = 0; attempt < 50 && ws == null; attempt++) {
      try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/json/list").build()).execute()) {
        for (JsonNode target : JSON.readTree(r.body().string())) {
          if ("page".equals(target.path("type").asText())) ws = target.path("webSocketDebuggerUrl").asText();
        }
      }
      if (ws == null) Thread.sleep(100);
    }
    if (ws == null) {
      process.destroyForcibly();
      throw new IllegalStateException("Chromium has no page target");
    }
    HeadlessChromium c = new HeadlessChromium(process, http, ws);
    c.send("Runtime.enable", JSON.createObjectNode());
    c.send("Page.enable", JSON.createObjectNode());
    return c;
  }

  /** Sends one DevTools command and waits for its result; a protocol error fails. */
  JsonNode send(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", params);
    socket.send(msg.toString());
    JsonNode reply;
    try {
      reply = f.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " got no reply", e);
    }
    if (reply.has("error")) throw new IllegalStateException(method + " failed: " + reply.get("error"));
    return reply.path("result");
  }

  /** Opens {@code url} and waits until its load event. */
  void navigate(String url) {
    send("Page.navigate", JSON.createObjectNode().put("url", url));
    evaluate("new Promise(r => document.readyState === 'complete' ? r(true) : addEventListener('load', () => r(true)))");
  }

  /** Evaluates {@code expression} in the page (awaiting a promise) and returns its value as JSON. */
  JsonNode evaluate(String expression) {
    JsonNode r = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
        .put("awaitPromise", true).put("returnByValue", true));
    if (r.has("exceptionDetails")) throw new AssertionError("script failed: " + r.get("exceptionDetails"));
    return r.path("result").path("value");
  }

  /** A real left click at page coordinates (CSS pixels). */
  void click(double x, double y) {
    for (String type : List.of("mousePressed", "mouseReleased")) {
      send("Input.dispatchMouseEvent", JSON.createObjectNode().put("type", type).put("x", x).put("y", y)
          .put("button", "left").put("clickCount", 1));
    }
  }

  /** A PNG of the whole page. */
  byte[] screenshot() {
    JsonNode r = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")
        .put("captureBeyondViewport", true));
    return Base64.getDecoder().decode(r.path("data").asText());
  }

  /** What the page logged and threw, for failure messages. */
  String console() {
    synchronized (console) {
      return String.join("\n", console);
    }
  }

  @Override
  public void close() throws InterruptedException {
    socket.close(1000, null);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      children.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }
}
