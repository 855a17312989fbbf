package dev.captions.provider.gemini;

import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.errors.GenAiIOException;
import com.google.genai.types.Candidate;
import com.google.genai.types.Content;
import com.google.genai.types.File;
import com.google.genai.types.FileState;
import com.google.genai.types.FinishReason;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import com.google.genai.types.UploadFileConfig;
import com.google.genai.types.DeleteFileConfig;
import com.google.genai.types.GetFileConfig;
import dev.captions.AuthenticationException;
import dev.captions.CaptionsException;
import dev.captions.ProviderTimeoutException;
import dev.captions.QuotaExceededException;
import dev.captions.http.RetryPolicy;
import dev.captions.InvalidMediaException;
import dev.captions.InvalidMediaException.Reason;
import dev.captions.ProviderException;
import dev.captions.RateLimitException;
import dev.captions.model.MediaSource;
import dev.captions.spi.Async;
import dev.captions.spi.Secret;
import dev.captions.http.HttpErrors;
import dev.captions.http.JobPoller;
import dev.captions.http.JobStatus;
import dev.captions.http.Json;
import dev.captions.llm.TruncatedReplyException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that talks to the google-genai SDK: builds the client with the SDK's retries off, maps every exception
 * it throws to ours ({@link #map(String, RuntimeException, String, Duration, boolean)}), runs every call through our
 * retry policy with the request time-out as the SDK client's time-out (uploads: the upload time-out; the SDK applies no
 * per-request time-out to its HTTP calls, so the policy's deadline is checked between attempts), uploads media and
 * checks finish reasons. Thread-safe (the SDK client is).
 *
 * <p><b>Paid requests are not sent twice blind.</b> {@code generateContent} is billed once Gemini has worked on it and
 * takes no idempotency key, so it is retried only after failures that prove no work was done (an error status, a
 * connection that never opened); a time-out, a reset or an unreadable 200 ends in a typed exception that says it was
 * not repeated. File uploads, reads and deletes are free and are retried on any I/O failure.
 */
final class GeminiApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GeminiApi.class);
  static final String PROVIDER = GeminiSettings.PROVIDER;

  private final GeminiSettings settings;
  /** For every call but uploads: its OkHttp call time-out is the request time-out. */
  private final Client client;
  /** For uploads: its call time-out is the upload time-out. */
  private final Client uploadClient;

  GeminiApi(GeminiSettings settings) {
    this.settings = settings;
    // google-genai 1.28 applies only the client's time-out to its OkHttp calls (a per-request HttpOptions.timeout is
    // merely sent to the server as X-Server-Timeout), so there is one client per time-out.
    this.client = newClient(settings, settings.requestTimeout());
    this.uploadClient = newClient(settings, settings.uploadTimeout());
  }

  private static Client newClient(GeminiSettings settings, Duration timeout) {
    HttpOptions.Builder http = HttpOptions.builder()
        .timeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
        // Our retry policy is the only one (each call also passes these per request).
        .retryOptions(NO_SDK_RETRIES);
    settings.baseUrl().ifPresent(http::baseUrl);
    return Client.builder().apiKey(settings.apiKey().reveal()).vertexAI(false).httpOptions(http.build()).build();
  }

  GeminiSettings settings() {
    return settings;
  }

  /**
   * One generateContent call returning the reply text.
   *
   * @throws TruncatedReplyException on {@code MAX_TOKENS}
   * @throws ProviderException when the model stopped for another reason (safety, recitation…) or returned nothing
   */
  String generateJson(List<Part> parts, String instructions, Map<String, Object> jsonSchema) {
    Reply reply = generate(parts, instructions, jsonSchema);
    if (reply.hitTokenLimit()) {
      throw new TruncatedReplyException(PROVIDER, "the reply hit the model's output token limit (finishReason MAX_TOKENS)",
          reply.requestId());
    }
    return reply.text();
  }

  /**
   * One generateContent call returning the reply, also when the output token limit cut it off (for callers that can
   * use its complete part).
   *
   * @throws ProviderException when the model stopped for another reason (safety, recitation…), or returned nothing
   *     without hitting the token limit
   */
  Reply generate(List<Part> parts, String instructions, Map<String, Object> jsonSchema) {
    GenerateContentConfig.Builder cfg = GenerateContentConfig.builder()
        .temperature(0.0f)
        .systemInstruction(Content.fromParts(Part.fromText(instructions)))
        .responseMimeType("application/json")
        .responseSchema(toSchema(jsonSchema));
    settings.maxOutputTokens().ifPresent(cfg::maxOutputTokens);
    Content content = Content.builder().role("user").parts(parts).build();
    GenerateContentResponse r = call("generateContent", settings.requestTimeout(), false,
        http -> client.models.generateContent(settings.model(), content, cfg.httpOptions(http).build()));
    return read("generateContent", () -> reply(r));
  }

  /** Checks a generateContent response's candidates and finish reason; inside {@link #read}. */
  private static Reply reply(GenerateContentResponse r) {
    String requestId = r.responseId().orElse(null);
    List<Candidate> candidates = r.candidates().orElse(List.of());
    if (candidates.isEmpty()) {
      String reason = r.promptFeedback().flatMap(f -> f.blockReason()).map(Object::toString).orElse("no candidates");
      throw new ProviderException(PROVIDER, "the model returned no answer (" + reason + ")", 200, requestId, false, null);
    }
    FinishReason finish = candidates.get(0).finishReason().orElse(null);
    if (finish != null && finish.knownEnum() == FinishReason.Known.MAX_TOKENS) {
      String cut = r.text();
      return new Reply(cut == null ? "" : cut, true, requestId);
    }
    if (finish != null && finish.knownEnum() != FinishReason.Known.STOP
        && finish.knownEnum() != FinishReason.Known.FINISH_REASON_UNSPECIFIED) {
      throw new ProviderException(PROVIDER, "the model stopped with finishReason " + finish
          + "; the media or prompt was refused", 200, requestId, false, null);
    }
    String text = r.text(); // only now: the SDK's text() throws for finish reasons other than STOP and MAX_TOKENS
    if (text == null || text.isBlank()) {
      throw new ProviderException(PROVIDER, "the model returned an empty reply", 200, requestId, true, null);
    }
    return new Reply(text, false, requestId);
  }

  /** A model reply: its text, whether the output token limit cut it off ({@code MAX_TOKENS}), and its id. */
  static final class Reply {
    private final String text;
    private final boolean hitTokenLimit;
    private final String requestId;

    Reply(String text, boolean hitTokenLimit, String requestId) {
      this.text = text;
      this.hitTokenLimit = hitTokenLimit;
      this.requestId = requestId;
    }

    /** Never null; may be empty or end mid-way when {@link #hitTokenLimit()}. */
    String text() {
      return text;
    }

    boolean hitTokenLimit() {
      return hitTokenLimit;
    }

    /** The response id, or {@code null}. */
    String requestId() {
      return requestId;
    }
  }

  /**
   * A part for {@code media}: inline bytes when small, otherwise a Files API upload that is {@code ACTIVE}, recorded
   * in {@code uploads} so the caller can delete it. URLs are passed as file URIs.
   */
  Part mediaPart(MediaSource media, List<File> uploads) {
    String known = media.mimeType().orElseThrow(() -> new InvalidMediaException("cannot tell the media type of " + media
        + ": give the file a known extension (.wav, .mp3, .mp4…) or call MediaSource.withMimeType(…)"));
    // Gemini's audio docs name MP3 "audio/mp3", not the registered "audio/mpeg".
    String mime = known.equals("audio/mpeg") ? "audio/mp3" : known;
    switch (media.kind()) {
      case URL:
        return Part.fromUri(media.uri().toString(), mime);
      case STREAM:
        try (InputStream in = media.stream()) {
          byte[] bytes = in.readAllBytes();
          if (bytes.length <= settings.inlineLimitBytes()) return Part.fromBytes(bytes, mime);
          UploadFileConfig.Builder cfg = UploadFileConfig.builder().mimeType(mime).displayName(media.name());
          return activePart(call("files.upload", settings.uploadTimeout(), true,
              http -> uploadClient.files.upload(bytes, cfg.httpOptions(http).build())), mime, uploads);
        } catch (IOException e) {
          throw new InvalidMediaException(Reason.UNREADABLE, "cannot read " + media + ": " + e.getMessage(), e);
        }
      default:
        Path path = media.path();
        long size;
        try {
          size = Files.size(path);
          if (size <= settings.inlineLimitBytes()) return Part.fromBytes(Files.readAllBytes(path), mime);
        } catch (IOException e) {
          throw new InvalidMediaException(Reason.UNREADABLE, "cannot read " + path + ": " + e.getMessage()
              + " (check that the file exists and is readable)", e);
        }
        UploadFileConfig.Builder cfg = UploadFileConfig.builder().mimeType(mime).displayName(path.getFileName().toString());
        return activePart(call("files.upload", settings.uploadTimeout(), true,
            http -> uploadClient.files.upload(path.toFile(), cfg.httpOptions(http).build())), mime, uploads);
    }
  }

  /** Records the upload first, so that it is deleted even when it never becomes {@code ACTIVE}. */
  private Part activePart(File uploaded, String mime, List<File> uploads) {
    uploads.add(uploaded);
    File active = awaitActive(uploaded);
    return Part.fromUri(active.uri().or(uploaded::uri).orElseThrow(() ->
        new ProviderException(PROVIDER, "the uploaded file " + active.name().orElse("?") + " has no uri")), mime);
  }

  /** Polls the uploaded file until it is {@code ACTIVE}; {@code FAILED} and the time limit are errors. */
  File awaitActive(File uploaded) {
    String name = uploaded.name().orElseThrow(() -> new ProviderException(PROVIDER, "the upload returned no file name"));
    JobPoller poller = settings.filePoller();
    File[] current = {uploaded};
    boolean[] first = {true};
    return poller.poll(name, () -> {
      if (!first[0]) {
        current[0] = call("files.get", settings.requestTimeout(), true,
            http -> client.files.get(name, GetFileConfig.builder().httpOptions(http).build()));
      }
      first[0] = false;
      File f = current[0];
      FileState.Known state = f.state().map(FileState::knownEnum).orElse(FileState.Known.STATE_UNSPECIFIED);
      switch (state) {
        case ACTIVE:
          return JobStatus.succeeded("ACTIVE", f);
        case FAILED:
          return JobStatus.failed("FAILED", "Gemini could not process the uploaded file: "
              + settings.apiKey().scrubFrom(f.error().flatMap(e -> e.message()).orElse("no reason given")));
        case PROCESSING:
          return JobStatus.running("PROCESSING", Double.NaN);
        default:
          return JobStatus.unknown(state.name());
      }
    });
  }

  /** Best effort: uploaded files expire after 48 h anyway. */
  void delete(List<File> uploads) {
    for (File f : uploads) {
      f.name().ifPresent(n -> {
        try {
          call("files.delete", settings.requestTimeout(), true,
              http -> client.files.delete(n, DeleteFileConfig.builder().httpOptions(http).build()));
        } catch (CaptionsException e) {
          LOG.debug("could not delete uploaded file {}: {}", n, e.getMessage());
        }
      });
    }
  }

  /**
   * Runs one SDK call through our retry policy, passing per-request options with a time-out of at most {@code timeout} (less
   * when the policy's deadline is nearer), and mapping whatever it throws.
   *
   * @param free whether repeating the call cannot cost twice (uploads, reads, deletes), so that any I/O failure may be
   *     retried; for a paid call only failures that prove no work was done are
   */
  <T> T call(String what, Duration timeout, boolean free, Function<HttpOptions, T> sdkCall) {
    RetryPolicy policy = settings.retryPolicy();
    return policy.callWithin(timeout, budget -> {
      HttpOptions http = HttpOptions.builder().timeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, budget.toMillis())))
          .retryOptions(NO_SDK_RETRIES).build();
      try {
        return sdkCall.apply(http);
      } catch (CaptionsException | CancellationException e) {
        throw e;
      } catch (RuntimeException e) {
        throw map(what, e, settings.apiKey().reveal(), budget, free);
      }
    });
  }

  /** Reads a response the SDK returned, mapping what its accessors throw; not retried, since the reply was paid for. */
  <T> T read(String what, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (CaptionsException | CancellationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw map(what, e, settings.apiKey().reveal(), settings.requestTimeout(), false);
    }
  }

  /** One attempt, no retryable status codes and no delay, so that the SDK does not sleep after a failed attempt. */
  private static final HttpRetryOptions NO_SDK_RETRIES = HttpRetryOptions.builder().attempts(1).initialDelay(0.0)
      .maxDelay(0.0).httpStatusCodes(List.of()).build();

  /**
   * Maps anything google-genai throws to a {@link CaptionsException} subtype with the right
   * {@link ProviderException#isRetryable()}: {@link ApiException} (an error status) by {@link #map(String, ApiException,
   * String)}; an I/O failure ({@link GenAiIOException} or an I/O cause) as retryable when the connection never opened
   * or the call is {@code free}, else as a time-out or reset that was not repeated; anything else (a 200 whose body is
   * malformed, truncated, HTML or empty) as a non-retried {@link ProviderException}.
   */
  static ProviderException map(String what, RuntimeException e, String apiKey, Duration limit, boolean free) {
    if (e instanceof ApiException) return map(what, (ApiException) e, apiKey);
    IOException io = ioCause(e);
    if (io != null) {
      boolean timeout = io instanceof SocketTimeoutException || io instanceof InterruptedIOException;
      boolean retry = free || RetryPolicy.neverReachedServer(io);
      String notRepeated = retry ? "" : "; not sent again, since Gemini may already have done (and billed) the work: "
          + "try again when you are sure";
      if (timeout) {
        return new ProviderTimeoutException(PROVIDER, what + " got no complete reply within " + limit.toMillis()
            + " ms (raise captions.gemini.requestTimeoutMs or GEMINI_REQUEST_TIMEOUT_MS)" + notRepeated, null, limit, retry,
            e);
      }
      return new ProviderException(PROVIDER, what + ": the connection failed (" + io.getClass().getSimpleName()
          + (io.getMessage() != null ? ": " + Secret.mask(io.getMessage(), apiKey) : "") + ")" + notRepeated, 0, null,
          retry, e);
    }
    return new ProviderException(PROVIDER, what + ": Gemini's reply could not be read (malformed, truncated, HTML or "
        + "empty body: " + Secret.mask(rootMessage(e), apiKey) + ")" + (free ? "" : "; not sent again, since it may "
        + "have been billed") + ". If this persists, check GOOGLE_GEMINI_BASE_URL and any proxy in between", 200, null,
        false, e);
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException && !(t instanceof com.fasterxml.jackson.core.JsonProcessingException)) {
        return (IOException) t;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    m = m.replaceAll("\\s+", " ");
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  /**
   * The SDK exposes only the status and {@code error.message}; {@link HttpErrors} maps them like any HTTP failure,
   * with two exceptions.
   *
   * <p>A 429: Gemini says "exceeded your current quota" for per-minute limits too, and without the body's
   * {@code RetryInfo} (which the SDK drops) a plain rate limit could not be told from an exhausted account, so a 429
   * is always a retryable {@link RateLimitException}. Its wait comes from the message when Gemini states one
   * ("Please retry in 29.57s."), the only place the SDK leaves it; otherwise our policy's backoff applies.
   *
   * <p>A bad key: the Gemini API answers 400 {@code INVALID_ARGUMENT} "API key not valid. Please pass a valid API
   * key." (reason {@code API_KEY_INVALID}, which the SDK drops; an expired key reads "API key expired"), not 401. That
   * is an {@link AuthenticationException} saying where to set the key.
   *
   * <p>{@code apiKey} is scrubbed from the message first, since a gateway or proxy may echo the request's credential.
   */
  static ProviderException map(String what, ApiException e, String apiKey) {
    String message = Secret.mask(e.message(), apiKey);
    if (e.code() == 429) {
      java.time.Duration delay = retryDelayIn(message);
      if (isQuotaExhausted(message, delay)) {
        return new QuotaExceededException(PROVIDER, what + " failed: the Gemini quota is used up (" + message.strip()
            + "); waiting a few seconds will not help: check the plan and billing at https://aistudio.google.com, or "
            + "wait for the daily quota to reset", 429, null);
      }
      return new RateLimitException(PROVIDER, what + " failed: HTTP 429 " + message, 429, null, delay);
    }
    if (e.code() == 400 && message != null && BAD_KEY.matcher(message).find()) {
      return new AuthenticationException(PROVIDER, what + " failed: " + message.strip() + " — set a valid Gemini API key "
          + "(from https://aistudio.google.com/apikey) with GeminiSettings.builder().apiKey(…), the config key "
          + "captions.gemini.apiKey or the GEMINI_API_KEY environment variable", 400, null);
    }
    String body = Json.mapper().createObjectNode().set("error",
        Json.mapper().createObjectNode().put("code", e.code()).put("message", what + ": " + message)).toString();
    return HttpErrors.toException(PROVIDER, e.code(), header -> null, body);
  }

  /**
   * Whether a {@code RESOURCE_EXHAUSTED} message carries quota details saying that waiting will not help: a daily
   * quota ("…PerDay…", "per day"), a limit of 0 (no quota on this plan) or used-up prepaid credit. The SDK keeps only
   * {@code error.message}, whose details ("Quota exceeded for metric: …, limit: 0") are the only sign left of the
   * body's {@code QuotaFailure}. Gemini's generic "You exceeded your current quota" also comes with per-minute limits,
   * so alone it stays a rate limit.
   */
  static boolean isQuotaExhausted(String message, java.time.Duration retryDelay) {
    return message != null && QUOTA_GONE.matcher(message).find();
  }

  private static final java.util.regex.Pattern QUOTA_GONE = java.util.regex.Pattern.compile(
      "(?i)per ?day|daily|limit: ?0\\b|prepayment|credits? (are |is )?(exhausted|depleted)");

  /** The messages Google's API-key check gives for reason {@code API_KEY_INVALID}. */
  private static final java.util.regex.Pattern BAD_KEY =
      java.util.regex.Pattern.compile("(?i)API[ _]key (not valid|expired|invalid)|API_KEY_INVALID");


  private static final java.util.regex.Pattern RETRY_IN =
      java.util.regex.Pattern.compile("(?i)retry in ([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s)\\b");

  /** "Please retry in 29.57s." → 29.57 s; null when the message names no wait. */
  static java.time.Duration retryDelayIn(String message) {
    if (message == null) return null;
    java.util.regex.Matcher m = RETRY_IN.matcher(message);
    if (!m.find()) return null;
    double v = Double.parseDouble(m.group(1));
    long ms = Math.round(m.group(2).equalsIgnoreCase("ms") ? v : v * 1000);
    return java.time.Duration.ofMillis(ms);
  }

  /** Converts a plain JSON Schema ({@link dev.captions.llm.LlmSchemas}) to Gemini's OpenAPI-style schema. */
  @SuppressWarnings("unchecked")
  static Schema toSchema(Map<String, Object> json) {
    Schema.Builder b = Schema.builder().type(((String) json.get("type")).toUpperCase(java.util.Locale.ROOT));
    Object props = json.get("properties");
    if (props instanceof Map) {
      Map<String, Schema> converted = new java.util.LinkedHashMap<>();
      List<String> order = new ArrayList<>();
      Object required = json.get("required");
      if (required instanceof List) order.addAll((List<String>) required);
      for (Map.Entry<String, Object> e : ((Map<String, Object>) props).entrySet()) {
        converted.put(e.getKey(), toSchema((Map<String, Object>) e.getValue()));
        if (!order.contains(e.getKey())) order.add(e.getKey());
      }
      b.properties(converted).propertyOrdering(order);
    }
    if (json.get("required") instanceof List) b.required((List<String>) json.get("required"));
    if (json.get("items") instanceof Map) b.items(toSchema((Map<String, Object>) json.get("items")));
    return b.build();
  }

  @Override
  public void close() {
    client.close();
    uploadClient.close();
  }
}
