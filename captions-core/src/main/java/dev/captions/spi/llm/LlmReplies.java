package dev.captions.spi.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.ProviderException;

/**
 * Turns a model's text reply into JSON: strips Markdown fences and prose around the JSON, and tells a truncated reply
 * ({@link TruncatedReplyException}) from a malformed one ({@link ProviderException}). Thread-safe.
 */
public final class LlmReplies {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private LlmReplies() {}

  /**
   * @param provider the provider's name, for error messages
   * @param reply the model's raw text
   * @throws TruncatedReplyException when the JSON stops before it is complete
   * @throws ProviderException when there is no JSON at all or it is malformed
   */
  public static JsonNode parse(String provider, String reply) {
    String json = extractJson(reply == null ? "" : reply);
    if (json.isEmpty()) {
      throw new ProviderException(provider, "the model replied without any JSON: " + preview(reply));
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonEOFException e) {
      throw new TruncatedReplyException(provider, "the model's JSON reply ends before it is complete ("
          + json.length() + " chars): " + preview(json), null);
    } catch (JsonProcessingException e) {
      throw new ProviderException(provider, "the model's reply is not valid JSON (" + e.getOriginalMessage() + "): "
          + preview(json), e);
    }
  }

  // Models wrap JSON in ```json fences or a sentence of prose; the JSON is what starts at the first brace or bracket.
  static String extractJson(String reply) {
    String s = reply.strip();
    int fence = s.indexOf("```");
    if (fence >= 0) {
      int bodyStart = s.indexOf('\n', fence);
      if (bodyStart > 0) {
        int close = s.indexOf("```", bodyStart);
        s = (close > 0 ? s.substring(bodyStart + 1, close) : s.substring(bodyStart + 1)).strip();
      }
    }
    int obj = s.indexOf('{');
    int arr = s.indexOf('[');
    int start = obj < 0 ? arr : arr < 0 ? obj : Math.min(obj, arr);
    if (start < 0) return "";
    char open = s.charAt(start);
    int end = s.lastIndexOf(open == '{' ? '}' : ']');
    // No closing bracket at all: keep everything so the parser reports EOF (truncation), not garbage.
    return end > start ? trimAfterBalanced(s.substring(start)) : s.substring(start);
  }

  // Cuts trailing prose after the top-level value closes ("{...} Hope this helps!").
  private static String trimAfterBalanced(String s) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') i++;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) return s.substring(0, i + 1);
      }
    }
    return s;
  }

  static String preview(String s) {
    if (s == null) return "<null>";
    String oneLine = s.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "…";
  }
}
