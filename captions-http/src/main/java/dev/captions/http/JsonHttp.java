package dev.captions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.ProviderException;
import java.util.Objects;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

/**
 * Sends JSON requests through OkHttp with a {@link RetryPolicy} and {@link HttpErrors}, and reads JSON responses: the
 * request/response plumbing Gcore, Ittybit and other REST providers share instead of copying.
 *
 * <pre>{@code
 * JsonHttp http = JsonHttp.builder("gcore").client(HttpClients.shared()).build();
 * Request request = new Request.Builder().url(base.resolve("/streaming/ai/tasks"))
 *     .header("Authorization", "APIKey " + apiKey.reveal())
 *     .post(http.json(new CreateTask(url, "transcription")))
 *     .build();
 * TaskCreated created = http.send(request, TaskCreated.class);
 * }</pre>
 *
 * <p>A non-2xx response becomes the exception {@link HttpErrors} maps it to (after the policy's retries); an I/O
 * failure a {@link ProviderException} ({@link dev.captions.ProviderTimeoutException} on time-out); a 2xx body that is
 * not the expected JSON a non-retryable {@link ProviderException} with the status and request id. Blocks; an interrupt
 * ends it with {@link java.util.concurrent.CancellationException}. Immutable and thread-safe.
 */
public final class JsonHttp {
  /** {@code application/json; charset=utf-8}. */
  public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final String provider;
  private final OkHttpClient client;
  private final RetryPolicy retryPolicy;
  private final ObjectMapper mapper;

  private JsonHttp(Builder b) {
    this.provider = b.provider;
    this.client = b.client != null ? b.client : HttpClients.shared();
    this.retryPolicy = b.retryPolicy;
    this.mapper = b.mapper;
  }

  /**
   * A builder for {@code config}'s provider with the client from {@link HttpClients#fromConfig} and the policy from
   * {@link RetryPolicy#fromConfig}: what a provider's constructor usually wants.
   *
   * @param config the provider's configuration
   * @return a builder holding those settings
   */
  public static Builder fromConfig(dev.captions.spi.ProviderConfig config) {
    return builder(config.provider()).client(HttpClients.fromConfig(config).build())
        .retryPolicy(RetryPolicy.fromConfig(config));
  }

  /**
   * @param provider the provider's name, used in exceptions and log lines
   *
   * @return a new builder with the shared client, the default policy and {@link Json#mapper()}
   */
  public static Builder builder(String provider) {
    return new Builder(provider);
  }

  /**
   * The provider's name, used in exceptions and log lines.
   *
   * @return the name; never null
   */
  public String provider() {
    return provider;
  }

  /**
   * The client requests are sent with.
   *
   * @return the client; never null
   */
  public OkHttpClient client() {
    return client;
  }

  /**
   * The policy requests are retried by.
   *
   * @return the policy; never null
   */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * The mapper bodies are read and written with.
   *
   * @return the mapper; never null
   */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * {@return {@code value} serialised as a JSON request body with this instance's mapper}
   *
   * @param value the value to serialise
   */
  public RequestBody json(Object value) {
    try {
      return RequestBody.create(mapper.writeValueAsBytes(value), JSON);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + value.getClass().getName() + " to JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * Sends {@code request} and returns the response body as a tree, or {@code null} for an empty body (e.g. 204).
   *
   * @param request the request; sent through the retry policy
   * @return the body as a tree, or {@code null}
   * @throws dev.captions.ProviderException for a failed response or I/O failure (typed by {@link HttpErrors})
   */
  public JsonNode send(Request request) {
    return send(request, mapper.constructType(JsonNode.class), false);
  }

  /**
   * Sends {@code request} and binds the response body to {@code type}; {@code null} for an empty body.
   *
   * @param <T> the body's type
   * @param request the request; sent through the retry policy
   * @param type the class to bind to
   * @return the bound body, or {@code null}
   * @throws dev.captions.ProviderException for a failed response, an I/O failure or a body that does not bind
   */
  public <T> T send(Request request, Class<T> type) {
    return send(request, mapper.constructType(type), false);
  }

  /**
   * Sends {@code request} and binds the response body to a generic type; {@code null} for an empty body.
   *
   * @param <T> the body's type
   * @param request the request; sent through the retry policy
   * @param type the generic type to bind to
   * @return the bound body, or {@code null}
   * @throws dev.captions.ProviderException for a failed response, an I/O failure or a body that does not bind
   */
  public <T> T send(Request request, TypeReference<T> type) {
    return send(request, mapper.getTypeFactory().constructType(type), false);
  }

  /**
   * Like {@link #send(Request, Class)} for endpoints that always answer with a body: an empty 2xx body is a bad reply
   * (retried like a malformed one when the request is safe to repeat), never {@code null}.
   *
   * @param <T> the body's type
   * @param request the request; sent through the retry policy
   * @param type the class to bind to
   * @throws ProviderException when the body is empty or not the expected JSON, after the policy's retries
   * @return the bound body; never null
   */
  public <T> T sendForBody(Request request, Class<T> type) {
    return send(request, mapper.constructType(type), true);
  }

  private <T> T send(Request request, JavaType type, boolean bodyRequired) {
    Objects.requireNonNull(request, "request == null");
    boolean safe = RetryPolicy.isSafeToRepeat(request);
    String what = request.method() + " " + Redaction.url(request.url()).replaceAll("\\?.*", "");
    // The body is read inside the retry: a reset or time-out while it streams in is retried like a failed exchange
    // when the request is safe to repeat; a body that is not the expected JSON likewise (a proxy's HTML page, a cut
    // connection), and otherwise it is a typed, non-retryable ProviderException with the status and request id.
    return retryPolicy.send(provider, client, request, response -> {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      String requestId = HttpErrors.requestId(response::header);
      if (text.isBlank()) {
        if (!bodyRequired) return null;
        throw new ProviderException(provider, "empty response to " + what + " (expected JSON); "
            + (safe ? "tried again and gave up" : "not sent again, since it may have been carried out"),
            response.code(), requestId, safe, null);
      }
      try {
        return mapper.readValue(text, type);
      } catch (JsonProcessingException e) {
        throw new ProviderException(provider, "unexpected response to " + what + ": not the expected JSON ("
            + describe(e, text) + ")", response.code(), requestId, safe, e);
      }
    });
  }

  /** What was wrong with a body, without quoting more than its start (it may be a proxy's HTML page). */
  private static String describe(JsonProcessingException e, String text) {
    String start = text.strip();
    if (start.startsWith("<")) return "got HTML or XML, e.g. a proxy's error page, starting '"
        + start.substring(0, Math.min(60, start.length())).replaceAll("\\s+", " ")
        + "'";
    return e.getOriginalMessage();
  }

  @Override
  public String toString() {
    return "JsonHttp{provider=" + provider + ", " + retryPolicy + '}';
  }

  /** Builds a {@link JsonHttp}. Not thread-safe. */
  public static final class Builder {
    private final String provider;
    private OkHttpClient client;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private ObjectMapper mapper = Json.mapper();

    private Builder(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
    }

    /**
     * Default {@link HttpClients#shared()}.
     *
     * @param client the client; not null
     * @return this builder
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy; not null
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Default {@link Json#mapper()}.
     *
     * @param mapper the mapper; not null
     * @return this builder
     */
    public Builder mapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper == null");
      return this;
    }

    /**
     * Builds the instance.
     *
     * @return the instance
     */
    public JsonHttp build() {
      return new JsonHttp(this);
    }
  }
}
