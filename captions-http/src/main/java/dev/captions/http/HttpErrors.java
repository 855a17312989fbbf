package dev.captions.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.AuthenticationException;
import dev.captions.ProviderException;
import dev.captions.ProviderTimeoutException;
import dev.captions.QuotaExceededException;
import dev.captions.RateLimitException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The HTTP status → exception mapping, in one place, for every provider (OkHttp-based ones pass the {@link Response};
 * SDK-based ones pass the status, a header lookup and the body their SDK exposes).
 *
 * <table>
 *   <caption>Mapping</caption>
 *   <tr><th>Status</th><th>Exception</th><th>Retryable</th></tr>
 *   <tr><td>401, 403</td><td>{@link AuthenticationException}</td><td>no</td></tr>
 *   <tr><td>402</td><td>{@link QuotaExceededException}</td><td>no</td></tr>
 *   <tr><td>429, quota or credit used up per the body</td><td>{@link QuotaExceededException}</td><td>no</td></tr>
 *   <tr><td>429 otherwise</td><td>{@link RateLimitException} with {@code Retry-After}</td><td>yes</td></tr>
 *   <tr><td>408, 5xx</td><td>{@link ProviderException}</td><td>yes</td></tr>
 *   <tr><td>other 4xx</td><td>{@link ProviderException} with the provider's message</td><td>no</td></tr>
 * </table>
 *
 * <p>Messages hold the status, the provider's own message (from the common body shapes
 * {@code {"error":{"message":…}}}, {@code {"error":"…"}}, {@code {"message":…}}, {@code {"detail":…}}; else the body's
 * first {@value #MAX_MESSAGE_CHARS} characters) and the request id; never request headers, and any credential the
 * request carried is scrubbed should the provider echo it back. Stateless and thread-safe.
 */
public final class HttpErrors {
  /** Longest provider message kept in an exception message. */
  public static final int MAX_MESSAGE_CHARS = 500;

  /** Largest error body read; error bodies are small, and a proxy's HTML page need not be read whole. */
  private static final long MAX_BODY_BYTES = 64 * 1024;

  private static final List<String> REQUEST_ID_HEADERS = List.of(
      "x-request-id", "request-id", "x-goog-request-id", "x-amzn-requestid", "x-amz-request-id", "cf-ray",
      "x-cloud-trace-context");

  /** Phrases providers use when the account, not the moment, is the problem. */
  private static final Pattern QUOTA_EXHAUSTED = Pattern.compile(
      "insufficient[_ ](quota|credits?|balance|funds)|out of credits?|credits? (are |is )?(exhausted|depleted|used up)"
          + "|no (remaining )?credits?|quota (has been |is )?(exhausted|exceeded)|exceeded your (current )?quota"
          + "|billing|payment required",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern GOOGLE_RETRY_DELAY = Pattern.compile("^(\\d+(?:\\.\\d+)?)s$");

  private HttpErrors() {}

  /**
   * Maps a non-successful response. Reads (at most 64 KiB of) the body but does not close the response.
   *
   * @param provider the provider's name, e.g. {@code "gcore"}
   * @param response the failed response; the caller closes it
   * @return the typed exception to throw (authentication, quota, rate limit, ... or a plain {@link
   *     ProviderException})
   */
  public static ProviderException toException(String provider, Response response) {
    String body = null;
    try {
      body = response.peekBody(MAX_BODY_BYTES).string();
    } catch (IOException | IllegalStateException e) {
      // the status alone still says enough
    }
    ProviderException mapped =
        toException(provider, response.code(), response::header, body, Clock.systemUTC(), response.request());
    return mapped;
  }

  /**
   * Maps a status, its headers and body, for providers whose SDK exposes those instead of an OkHttp response.
   *
   * @param header looks up a response header by name (case-insensitive), returning {@code null} when absent
   * @param body the response body, or {@code null}
   * @param provider the provider's name, e.g. {@code "openai"}
   * @param status the HTTP status
   * @return the typed exception to throw
   */
  public static ProviderException toException(String provider, int status, Function<String, String> header, String body) {
    return toException(provider, status, header, body, Clock.systemUTC(), null);
  }

  static ProviderException toException(
      String provider, int status, Function<String, String> header, String body, Clock clock, Request request) {
    String requestId = requestId(header);
    JsonNode json = parseQuietly(body);
    String detail = providerMessage(json, body);
    if (request != null) detail = Redaction.scrub(detail, Redaction.secretsOf(request));
    String message = describe(status, detail);
    if (status == 401 || status == 403) {
      return new AuthenticationException(provider, message + (status == 401
          ? " — check the API key" : " — the API key lacks permission for this operation"), status, requestId);
    }
    if (status == 402) return new QuotaExceededException(provider, message, status, requestId);
    if (status == 429) {
      // An explicit error code wins; otherwise a requested wait means "slow down", and only a 429 without one whose
      // text says the quota or credit is gone means "waiting will not help".
      if (hasQuotaErrorCode(json)) return new QuotaExceededException(provider, message, status, requestId);
      Duration retryAfter = retryAfter(header, clock);
      if (retryAfter == null) retryAfter = googleRetryDelay(json);
      if (retryAfter == null && body != null && QUOTA_EXHAUSTED.matcher(body).find()) {
        return new QuotaExceededException(provider, message, status, requestId);
      }
      return new RateLimitException(provider, message, status, requestId, retryAfter);
    }
    boolean retryable = status == 408 || status >= 500;
    return new ProviderException(provider, message, status, requestId, retryable, null);
  }

  /**
   * Maps an I/O failure of a call: a time-out becomes a retryable {@link ProviderTimeoutException}, anything else a
   * retryable {@link ProviderException} with status 0. Not for interrupts: the caller turns those into
   * {@link java.util.concurrent.CancellationException}.
   *
   * @param limit the time limit that applied, or {@code null} when unknown
   * @param provider the provider's name
   * @param e the I/O failure
   * @return the retryable exception to throw, with {@code e} as its cause
   */
  public static ProviderException fromIOException(String provider, IOException e, Duration limit) {
    if (e instanceof SocketTimeoutException || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
      return new ProviderTimeoutException(provider, "the request timed out"
          + (limit != null ? " after " + limit.toMillis() + " ms" : "") + ": " + e.getMessage(), null, limit, e);
    }
    return new ProviderException(provider, "request failed: " + e.getClass().getSimpleName()
        + (e.getMessage() != null ? ": " + e.getMessage() : ""), 0, null, true, e);
  }

  /**
   * A case-insensitive header lookup over a multi-valued map (as SDK exceptions expose headers), returning each
   * header's first value or {@code null}; for {@link #toException(String, int, Function, String)}.
   *
   * @param headers the headers by name; may be {@code null} (every lookup then gives {@code null})
   * @return the lookup
   */
  public static Function<String, String> headerLookup(java.util.Map<String, ? extends java.util.Collection<String>> headers) {
    java.util.Map<String, String> first = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (headers != null) {
      headers.forEach((name, values) -> {
        if (name != null && values != null && !values.isEmpty()) first.putIfAbsent(name, values.iterator().next());
      });
    }
    return first::get;
  }

  /**
   * {@return the provider's request id from the usual headers, or {@code null}}
   *
   * @param header looks up a response header by name
   */
  public static String requestId(Function<String, String> header) {
    for (String name : REQUEST_ID_HEADERS) {
      String v = header.apply(name);
      if (v != null && !v.isBlank()) return v.strip();
    }
    return null;
  }

  /**
   * The wait a response asks for: {@code Retry-After-Ms} (milliseconds), else {@code Retry-After} as delta-seconds or
   * an HTTP date (relative to {@code clock}). {@code null} when absent or unparseable; never negative.
   *
   * @param header looks up a response header by name
   * @param clock the clock an HTTP date is measured against
   * @return the wait, or {@code null}
   */
  public static Duration retryAfter(Function<String, String> header, Clock clock) {
    String ms = header.apply("retry-after-ms");
    if (ms != null) {
      try {
        return Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.strip())));
      } catch (NumberFormatException e) {
        // fall through to Retry-After
      }
    }
    String ra = header.apply("retry-after");
    if (ra == null || ra.isBlank()) return null;
    ra = ra.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(ra)));
    } catch (NumberFormatException e) {
      // an HTTP date
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(ra, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration d = Duration.between(clock.instant(), at.toInstant());
      return d.isNegative() ? Duration.ZERO : d;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The provider's own error message from a JSON body of one of the common shapes, else the body's start (with
   * whitespace collapsed), else {@code null}.
   *
   * @param body the response body, or {@code null}
   * @return the message, or {@code null}
   */
  public static String providerMessage(String body) {
    return providerMessage(parseQuietly(body), body);
  }

  private static String providerMessage(JsonNode json, String body) {
    String m = null;
    if (json != null && json.isObject()) {
      JsonNode error = json.get("error");
      if (error != null && error.isObject()) m = text(error.get("message"));
      else if (error != null && error.isTextual()) {
        m = error.asText();
        String description = text(json.get("error_description"));
        if (description != null) m = m + ": " + description;
      }
      if (m == null) m = text(json.get("message"));
      if (m == null) {
        JsonNode detail = json.get("detail");
        if (detail != null && detail.isTextual()) m = detail.asText();
        else if (detail != null && detail.isArray() && detail.size() > 0) {
          // FastAPI style: [{"loc":[…],"msg":"…"}]
          JsonNode first = detail.get(0);
          m = first.isObject() ? text(first.get("msg")) : first.asText();
        }
      }
      if (m == null) m = text(json.get("errors"));
    }
    if (m == null && body != null && !body.isBlank()) m = body.strip().replaceAll("\\s+", " ");
    if (m == null) return null;
    return m.length() > MAX_MESSAGE_CHARS ? m.substring(0, MAX_MESSAGE_CHARS) + "…" : m;
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) return null;
    if (node.isTextual()) return node.asText().isBlank() ? null : node.asText();
    if (node.isArray() && node.size() > 0) return text(node.get(0).isObject() ? node.get(0).get("message") : node.get(0));
    return null;
  }

  private static boolean hasQuotaErrorCode(JsonNode json) {
    if (json == null) return false;
    JsonNode error = json.path("error");
    for (JsonNode n : new JsonNode[] {error.path("code"), error.path("type"), json.path("code"), json.path("type")}) {
      if (n.isTextual() && n.asText().toLowerCase(Locale.ROOT).contains("insufficient_quota")) return true;
    }
    return false;
  }

  /** Google APIs put a {@code google.rpc.RetryInfo} with {@code "retryDelay": "29s"} in a 429's error details. */
  private static Duration googleRetryDelay(JsonNode json) {
    if (json == null) return null;
    for (JsonNode detail : json.path("error").path("details")) {
      JsonNode delay = detail.get("retryDelay");
      if (delay != null && delay.isTextual()) {
        Matcher m = GOOGLE_RETRY_DELAY.matcher(delay.asText().strip());
        if (m.matches()) return Duration.ofMillis((long) (Double.parseDouble(m.group(1)) * 1000));
      }
    }
    return null;
  }

  private static String describe(int status, String detail) {
    // ProviderException appends "(HTTP <status>, request id …)" itself.
    String reason = reason(status);
    if (reason.isEmpty()) reason = status >= 500 ? "server error" : "request rejected";
    return detail == null ? reason : reason + ": " + detail;
  }

  private static String reason(int status) {
    switch (status) {
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 402: return "Payment Required";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 408: return "Request Timeout";
      case 409: return "Conflict";
      case 413: return "Payload Too Large";
      case 415: return "Unsupported Media Type";
      case 422: return "Unprocessable Entity";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return "";
    }
  }

  private static JsonNode parseQuietly(String body) {
    if (body == null || body.isBlank()) return null;
    String t = body.strip();
    if (!t.startsWith("{") && !t.startsWith("[")) return null;
    try {
      return Json.mapper().readTree(t);
    } catch (IOException e) {
      return null;
    }
  }
}
