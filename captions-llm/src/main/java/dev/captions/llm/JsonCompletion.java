package dev.captions.llm;

import java.util.Map;

/**
 * One request to a model that answers with JSON: system instructions, the user's input and a JSON Schema the reply
 * should follow. Implemented by provider modules on top of their SDK.
 *
 * <p>Implementations map transport and HTTP failures to {@link dev.captions.ProviderException}s (after their retry
 * policy gave up) and return the model's raw text, which may still be fenced, wrapped in prose or truncated; callers
 * clean it with {@link LlmReplies}. They throw {@link TruncatedReplyException} when the provider itself reports that
 * the output hit its token limit, and a {@link dev.captions.ProviderException} with {@code httpStatus() == 200} when a
 * reply arrived but is unusable (refused, empty): callers may ask again for those, never for failed exchanges.
 * Must be thread-safe; blocks.
 */
@FunctionalInterface
public interface JsonCompletion {
  /**
   * @param instructions the system instructions
   * @param input the user message (text only; providers that send images build their own requests)
   * @param schemaName a short name for the schema ({@code "cue_translation"}), for providers that want one
   * @param jsonSchema a JSON Schema (draft 2020-12 subset: type, properties, required, items,
   *     additionalProperties) as nested maps and lists
   * @return the model's text reply, never null
   */
  String complete(String instructions, String input, String schemaName, Map<String, Object> jsonSchema);
}
