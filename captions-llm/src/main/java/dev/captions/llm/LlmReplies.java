package dev.captions.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.CaptionFormatException;
import dev.captions.ProviderException;
import dev.captions.http.JsonRepair;
import dev.captions.http.TruncatedJsonException;

/**
 * Turns a model's text reply into JSON with {@link JsonRepair} (fences and prose stripped) and restates its failures
 * as provider errors: a cut-off reply becomes a {@link TruncatedReplyException}, malformed JSON a
 * {@link ProviderException}. Thread-safe.
 */
public final class LlmReplies {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private LlmReplies() {}

  /**
   * @param provider the provider's name, for error messages
   * @param reply the model's raw text
   * @throws TruncatedReplyException when the JSON stops before it is complete
   * @throws ProviderException when there is no JSON at all or it is malformed
   * @return the parsed JSON
   */
  public static JsonNode parse(String provider, String reply) {
    try {
      return JsonRepair.parse(reply == null ? "" : reply);
    } catch (TruncatedJsonException e) {
      throw new TruncatedReplyException(provider, e.getMessage(), null);
    } catch (CaptionFormatException e) {
      throw new ProviderException(provider, e.getMessage() + " — reply: " + preview(reply), e);
    }
  }

  static String preview(String s) {
    if (s == null) return "<null>";
    String oneLine = s.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "…";
  }
}
