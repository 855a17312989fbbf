package dev.captions.provider.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.core.JsonValue;
import com.openai.core.ObjectMappers;
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
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one place that talks to openai-java: builds the client with {@code maxRetries(0)}, runs every call through our
 * {@link dev.captions.http.RetryPolicy} (which honours {@code Retry-After}), maps the SDK's exceptions with
 * {@link HttpErrors} and checks chat finish reasons. Thread-safe (the SDK client is).
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
        .timeout(settings.requestTimeout())
        .build();
  }

  OpenAiSettings settings() {
    return settings;
  }

  /**
   * @param params builds the request afresh for each attempt: a multipart body built from a file opens it once and
   *     cannot be sent twice
   */
  TranscriptionCreateResponse transcribe(Supplier<TranscriptionCreateParams> params) {
    return call("audio/transcriptions", () -> client.audio().transcriptions().create(params.get()));
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
    ChatCompletion completion = call("chat/completions", () -> client.chat().completions().create(params));
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

  /** Runs one SDK call through our retry policy, mapping its exceptions. */
  <T> T call(String what, Supplier<T> sdkCall) {
    return settings.retryPolicy().call(() -> {
      try {
        return sdkCall.get();
      } catch (OpenAIServiceException e) {
        throw map(e, settings.apiKey().reveal());
      } catch (OpenAIIoException e) {
        if (e.getCause() instanceof IOException) {
          throw HttpErrors.fromIOException(PROVIDER, (IOException) e.getCause(), settings.requestTimeout());
        }
        throw new ProviderException(PROVIDER, what + " failed: " + e.getMessage(), 0, null, true, e);
      }
    });
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
