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
import dev.captions.AuthenticationException;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that talks to the google-genai SDK: builds the client with the SDK's retries off, maps its exceptions
 * to ours, runs every call through our retry policy, uploads media and checks finish reasons. Thread-safe (the SDK
 * client is).
 */
final class GeminiApi implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GeminiApi.class);
  static final String PROVIDER = GeminiSettings.PROVIDER;

  private final GeminiSettings settings;
  private final Client client;

  GeminiApi(GeminiSettings settings) {
    this.settings = settings;
    HttpOptions.Builder http = HttpOptions.builder()
        .timeout((int) Math.min(Integer.MAX_VALUE, settings.requestTimeout().toMillis()))
        // Our retry policy is the only one: one attempt, no retryable status codes and no delay, so that the SDK does
        // not sleep after the failed attempt either.
        .retryOptions(HttpRetryOptions.builder().attempts(1).initialDelay(0.0).maxDelay(0.0)
            .httpStatusCodes(List.of()).build());
    settings.baseUrl().ifPresent(http::baseUrl);
    this.client = Client.builder().apiKey(settings.apiKey().reveal()).vertexAI(false).httpOptions(http.build()).build();
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
    GenerateContentConfig config = cfg.build();
    GenerateContentResponse r = call("generateContent", () -> client.models.generateContent(settings.model(), content, config));
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
    String mime = media.mimeType().orElseThrow(() -> new InvalidMediaException("cannot tell the media type of " + media
        + ": give the file a known extension (.wav, .mp3, .mp4…) or call MediaSource.withMimeType(…)"));
    switch (media.kind()) {
      case URL:
        return Part.fromUri(media.uri().toString(), mime);
      case STREAM:
        try (InputStream in = media.stream()) {
          byte[] bytes = in.readAllBytes();
          if (bytes.length <= settings.inlineLimitBytes()) return Part.fromBytes(bytes, mime);
          UploadFileConfig cfg = UploadFileConfig.builder().mimeType(mime).displayName(media.name()).build();
          return activePart(call("files.upload", () -> client.files.upload(bytes, cfg)), mime, uploads);
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
        UploadFileConfig cfg = UploadFileConfig.builder().mimeType(mime).displayName(path.getFileName().toString()).build();
        return activePart(call("files.upload", () -> client.files.upload(path.toFile(), cfg)), mime, uploads);
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
      if (!first[0]) current[0] = call("files.get", () -> client.files.get(name, null));
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
          client.files.delete(n, null);
        } catch (RuntimeException e) {
          LOG.debug("could not delete uploaded file {}: {}", n, e.toString());
        }
      });
    }
  }

  /** Runs one SDK call through our retry policy, mapping its exceptions. */
  <T> T call(String what, Supplier<T> sdkCall) {
    return settings.retryPolicy().call(() -> {
      try {
        return sdkCall.get();
      } catch (ApiException e) {
        throw map(what, e, settings.apiKey().reveal());
      } catch (GenAiIOException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException) throw HttpErrors.fromIOException(PROVIDER, (IOException) cause, settings.requestTimeout());
        throw new ProviderException(PROVIDER, what + " failed: " + e.getMessage(), 0, null, true, e);
      }
    });
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
      return new RateLimitException(PROVIDER, what + " failed: HTTP 429 " + message, 429, null,
          retryDelayIn(message));
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
  }
}
