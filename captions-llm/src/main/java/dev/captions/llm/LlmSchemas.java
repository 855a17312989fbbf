package dev.captions.llm;

import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas the prompts in this package ask for, as plain nested maps so that each provider converts them to
 * its own form (OpenAI's {@code json_schema} response format, Gemini's {@code responseSchema}). Every object lists all
 * its properties as required and forbids others, which OpenAI's strict mode demands.
 */
public final class LlmSchemas {
  private LlmSchemas() {}

  /**
   * {@code {"cues":[{"start":"HH:MM:SS.mmm","end":"HH:MM:SS.mmm","text":"…"}]}}.
   *
   * @return the JSON Schema of that reply, as nested unmodifiable maps
   */
  public static Map<String, Object> cueList() {
    return object(Map.of("cues", array(object(Map.of("start", string(), "end", string(), "text", string()),
        List.of("start", "end", "text")))), List.of("cues"));
  }

  /**
   * {@code {"cues":[{"start":"HH:MM:SS.mmm","end":"HH:MM:SS.mmm","speaker":"A","text":"…"}]}}: the cue list with who
   * speaks each cue, for diarisation.
   *
   * @return the JSON Schema of that reply, as nested unmodifiable maps
   */
  public static Map<String, Object> cueListWithSpeakers() {
    return object(Map.of("cues", array(object(Map.of("start", string(), "end", string(), "speaker", string(),
        "text", string()), List.of("start", "end", "speaker", "text")))), List.of("cues"));
  }

  /**
   * {@code {"cues":[{"id":"1","text":"…"}]}}.
   *
   * @return the JSON Schema of that reply, as nested unmodifiable maps
   */
  public static Map<String, Object> cueTranslation() {
    return object(Map.of("cues", array(object(Map.of("id", string(), "text", string()), List.of("id", "text")))),
        List.of("cues"));
  }

  /**
   * {@code {"title":"…","summary":"…","chapters":[{"start":"HH:MM:SS","title":"…","description":"…"}]}}.
   *
   * @return the JSON Schema of that reply, as nested unmodifiable maps
   */
  public static Map<String, Object> summary() {
    Map<String, Object> chapter = object(Map.of("start", string(), "title", string(), "description", string()),
        List.of("start", "title", "description"));
    return object(Map.of("title", string(), "summary", string(), "chapters", array(chapter)),
        List.of("title", "summary", "chapters"));
  }

  private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
    return Map.of("type", "object", "properties", properties, "required", required, "additionalProperties", false);
  }

  private static Map<String, Object> array(Map<String, Object> items) {
    return Map.of("type", "array", "items", items);
  }

  private static Map<String, Object> string() {
    return Map.of("type", "string");
  }
}
