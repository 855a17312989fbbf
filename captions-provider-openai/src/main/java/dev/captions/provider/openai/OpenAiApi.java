package dev.captions.provider.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
import com.openai.core.RequestOptions;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateResponse;
import dev.captions.ProviderException;
import dev.captions.spi.Secret;
import dev.captions.http.HttpErrors;
import dev.captions.llm.TruncatedReplyException;
import dev.captions.CaptionsException;
import dev.captions.ProviderTimeoutException;
import dev.captions.http.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place that talks to openai-java: builds the client with {@code maxRetries(0)}, runs every call through our
 * {@link dev.captions.http.RetryPolicy} (which honours {@code Retry-After} and the overall deadline) with the request
 * time-out as the SDK's per-request time-out, maps every exception the SDK throws ({@link #map(String,
 * RuntimeException, String)}) and checks chat finish reasons. Thread-safe (the SDK client is).
 *
 * <p><b>Paid requests are not sent twice blind.</b> Every call here is billed once OpenAI has worked on it, and OpenAI
 * takes no idempotency key, so only failures that prove no work was done are retried: an error status (429, 5xx) and
 * a connection that never opened. A time-out, a reset, or a 200 whose body cannot be read may follow paid work: they
 * end in a non-retried typed exception that says so.
 */
final class OpenAiApi {
  static final String PROVIDER = OpenAiSettings.PROVIDER;

  private final OpenAiSettings settings;
  private final OpenAIClient client;

  OpenAiApi(OpenAiSettings settings) {
    this.settings = settings;
    this.client = OpenAIOkHttpClient.builder()
        .apiKey(settings.apiKey().reveal())
        .baseUrl(settings.baseUrl())
        .maxRetries(0)
        .timeout(settings.uploadTimeout())
        .build();
  }

  OpenAiSettings settings() {
    return settings;
  }

  /**
   * @param params builds the request afresh for each attempt: a multipart body built from a file opens it once and
   *     cannot be sent twice
   */
  <R> R transcribe(Supplier<TranscriptionCreateParams> params, Function<TranscriptionCreateResponse, R> reader) {
    TranscriptionCreateResponse r = call("audio/transcriptions", settings.uploadTimeout(),
        options -> client.audio().transcriptions().create(params.get(), options));
    return read("audio/transcriptions", () -> reader.apply(r));
  }

  /**
   * A chat completion whose reply follows {@code jsonSchema} (strict {@code json_schema} response format).
   *
   * @throws TruncatedReplyException when {@code finish_reason} is {@code length}
   * @throws ProviderException on a refusal or an empty reply
   */
  String chatJson(String instructions, List<ChatCompletionContentPart> userParts, String schemaName,
      Map<String, Object> jsonSchema) {
    ResponseFormatJsonSchema.JsonSchema.Schema.Builder schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
    jsonSchema.forEach((k, v) -> schema.putAdditionalProperty(k, JsonValue.from(v)));
    ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
        .model(settings.chatModel())
        .temperature(0.0)
        .addSystemMessage(instructions)
        .addUserMessageOfArrayOfContentParts(userParts)
        .responseFormat(ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
            .name(schemaName).schema(schema.build()).strict(true).build()).build())
        .build();
    ChatCompletion completion = call("chat/completions", settings.requestTimeout(),
        options -> client.chat().completions().create(params, options));
    return read("chat/completions", () -> content(completion));
  }

  /** The reply text of a completion; runs inside {@link #read} so that the SDK's lazy field checks are mapped too. */
  private static String content(ChatCompletion completion) {
    if (completion.choices().isEmpty()) {
      throw new ProviderException(PROVIDER, "the chat completion has no choices", 200, completion.id(), true, null);
    }
    ChatCompletion.Choice choice = completion.choices().get(0);
    if (ChatCompletion.Choice.FinishReason.LENGTH.equals(choice.finishReason())) {
      throw new TruncatedReplyException(PROVIDER, "the reply hit the output token limit (finish_reason length)", completion.id());
    }
    choice.message().refusal().ifPresent(r -> {
      throw new ProviderException(PROVIDER, "the model refused: " + r, 200, completion.id(), false, null);
    });
    String content = choice.message().content().orElse("");
    if (content.isBlank()) {
      throw new ProviderException(PROVIDER, "the model returned an empty reply (finish_reason "
          + choice.finishReason() + ")", 200, completion.id(), true, null);
    }
    return content;
  }

  /**
   * Runs one SDK call through our retry policy with a per-request time-out of at most {@code timeout} (less when the
   * policy's deadline is nearer), mapping whatever the SDK throws, also while {@code sdkCall} reads the response.
   */
  <T> T call(String what, Duration timeout, Function<RequestOptions, T> sdkCall) {
    RetryPolicy policy = settings.retryPolicy();
    return policy.callWithin(timeout, budget -> {
      try {
        return sdkCall.apply(RequestOptions.builder().timeout(budget).responseValidation(true).build());
      } catch (CaptionsException | CancellationException e) {
        throw e;
      } catch (RuntimeException e) {
        throw map(what, e, settings.apiKey().reveal(), budget);
      }
    });
  }

  /**
   * Reads a response the SDK returned, mapping the failures of its lazy field checks ({@link #map}); not retried,
   * since the reply was paid for.
   */
  <T> T read(String what, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (CaptionsException | CancellationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw map(what, e, settings.apiKey().reveal(), settings.requestTimeout());
    }
  }

  /**
   * Maps anything openai-java throws to a {@link CaptionsException} subtype with the provider, status and request id
   * when known and the right {@link ProviderException#isRetryable()}:
   * <ul>
   *   <li>{@link OpenAIServiceException} (an error status): {@link HttpErrors}, e.g. 401 → authentication, 429
   *       {@code insufficient_quota} → quota, 429 → rate limit with Retry-After, 5xx → retryable;</li>
   *   <li>{@link OpenAIIoException} or an I/O cause: a connection that never opened is retryable; a time-out is a
   *       {@link ProviderTimeoutException} and a reset a {@link ProviderException}, neither retried since OpenAI may
   *       have done (and billed) the work;</li>
   *   <li>{@link OpenAIInvalidDataException} and any other SDK failure: a 200 whose body is malformed, truncated, HTML
   *       or empty, not retried for the same reason.</li>
   * </ul>
   *
   * @param limit the time-out that applied, for the message of a time-out
   */
  static ProviderException map(String what, RuntimeException e, String apiKey, Duration limit) {
    if (e instanceof OpenAIServiceException) return map((OpenAIServiceException) e, apiKey);
    IOException io = ioCause(e);
    if (io != null) {
      if (RetryPolicy.neverReachedServer(io)) {
        return new ProviderException(PROVIDER, what + " failed: could not connect (" + io.getClass().getSimpleName()
            + "); check the network and OPENAI_BASE_URL", 0, null, true, e);
      }
      String notRepeated = "; not sent again, since OpenAI may already have done (and billed) the work: try again "
          + "when you are sure";
      if (io instanceof SocketTimeoutException || io instanceof InterruptedIOException) {
        return new ProviderTimeoutException(PROVIDER, what + " got no complete reply within " + limit.toMillis()
            + " ms (raise captions.openai.requestTimeoutMs or OPENAI_REQUEST_TIMEOUT_MS)" + notRepeated, null, limit, false,
            e);
      }
      return new ProviderException(PROVIDER, what + ": the connection broke before the reply was complete ("
          + io.getClass().getSimpleName() + ")" + notRepeated, 0, null, false, e);
    }
    if (e instanceof OpenAIInvalidDataException || e instanceof OpenAIException) {
      return new ProviderException(PROVIDER, what + ": OpenAI's reply could not be read (malformed, truncated, HTML or "
          + "empty body: " + Secret.mask(String.valueOf(rootMessage(e)), apiKey) + "); not sent again, since it may "
          + "have been billed. If this persists, check OPENAI_BASE_URL and any proxy in between", 200, null, false, e);
    }
    return new ProviderException(PROVIDER, what + " failed unexpectedly inside openai-java ("
        + e.getClass().getName() + "); not sent again, since it may have been billed", 0, null, false, e);
  }

  private static IOException ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IOException && !(t instanceof com.fasterxml.jackson.core.JsonProcessingException)) {
        return (IOException) t;
      }
      if (t.getCause() == t) break;
    }
    return null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    m = m.replaceAll("\\s+", " ");
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }

  /**
   * Maps an SDK error with {@link HttpErrors}, from the error body as real JSON: the SDK's {@code JsonValue.toString()}
   * is Kotlin-map style ({@code {error={message=…}}}), from which neither {@code error.message} nor
   * {@code error.code: insufficient_quota} could be read. {@code apiKey} is scrubbed from the body and the headers
   * first, since a gateway or proxy may echo the request's credential in its error.
   */
  static ProviderException map(OpenAIServiceException e, String apiKey) {
    return HttpErrors.toException(PROVIDER, e.statusCode(), name -> {
      List<String> values = e.headers().values(name);
      return values.isEmpty() ? null : Secret.mask(values.get(0), apiKey);
    }, Secret.mask(bodyJson(e), apiKey));
  }

  /** The error body as JSON text, or {@code null} when the SDK read none. */
  private static String bodyJson(OpenAIServiceException e) {
    JsonValue body = e.body();
    if (body == null || body.isMissing() || body.isNull()) return null;
    try {
      return ObjectMappers.jsonMapper().writeValueAsString(body);
    } catch (JsonProcessingException ex) {
      return null; // the status alone still maps to the right exception type
    }
  }

}
