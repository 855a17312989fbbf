package dev.captions.spi.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.CaptionFormatException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Gets the JSON out of a language model's reply: strips Markdown fences ({@code ```json … ```}) and prose before and
 * after, tells a truncated reply ({@link TruncatedJsonException}) from a malformed one ({@link CaptionFormatException}),
 * and parses leniently (trailing commas, single quotes, unquoted names, comments; see {@link Json#lenientMapper()}).
 *
 * <p>It does not invent content: a reply cut off mid-way is reported, not completed. Stateless and thread-safe.
 */
public final class JsonRepair {
  private JsonRepair() {}

  /**
   * The first complete JSON object or array in {@code reply}.
   *
   * @throws CaptionFormatException when the reply holds no JSON object or array
   * @throws TruncatedJsonException when it starts one but ends before closing it
   */
  public static String extract(String reply) {
    Objects.requireNonNull(reply, "reply == null");
    String text = stripFence(reply);
    int start = firstBracket(text);
    if (start < 0) {
      throw new CaptionFormatException("the model's reply contains no JSON object or array: " + preview(reply), 0, 0);
    }
    Deque<Character> open = new ArrayDeque<>();
    char quote = 0;
    boolean escaped = false;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == quote) quote = 0;
        continue;
      }
      switch (c) {
        case '"':
        case '\'':
          quote = c;
          break;
        case '{':
        case '[':
          open.push(c);
          break;
        case '}':
        case ']':
          if (open.isEmpty()) break;
          open.pop();
          if (open.isEmpty()) return text.substring(start, i + 1);
          break;
        default:
          break;
      }
    }
    int[] pos = lineColumn(text, text.length());
    String what = quote != 0 ? "inside a string" : "with " + open.size() + " unclosed bracket" + (open.size() == 1 ? "" : "s");
    throw new TruncatedJsonException("the model's JSON reply is truncated: it ends " + what
        + " (the reply probably hit the output token limit)", pos[0], pos[1]);
  }

  /**
   * Extracts and parses the JSON in {@code reply}.
   *
   * @throws CaptionFormatException with the line and column (within the extracted JSON) when it is malformed
   * @throws TruncatedJsonException when it is cut off
   */
  public static JsonNode parse(String reply) {
    String json = extract(reply);
    try {
      return Json.lenientMapper().readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new CaptionFormatException("the model's reply is not valid JSON: " + e.getOriginalMessage(),
          loc == null ? 0 : Math.max(0, loc.getLineNr()), loc == null ? 0 : Math.max(0, loc.getColumnNr()), e);
    }
  }

  /** Extracts, parses and binds the JSON in {@code reply} to {@code type}. */
  public static <T> T parse(String reply, Class<T> type) {
    JsonNode node = parse(reply);
    try {
      return Json.lenientMapper().treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CaptionFormatException("the model's JSON does not have the expected shape ("
          + type.getSimpleName() + "): " + message(e), 0, 0, e);
    }
  }

  /** Extracts, parses and binds the JSON in {@code reply} to a generic type. */
  public static <T> T parse(String reply, TypeReference<T> type) {
    JsonNode node = parse(reply);
    try {
      return Json.lenientMapper().convertValue(node, type);
    } catch (IllegalArgumentException e) {
      throw new CaptionFormatException("the model's JSON does not have the expected shape: " + message(e), 0, 0, e);
    }
  }

  /** The content of the first Markdown code fence, or {@code text} when there is none. An unclosed fence runs to the end. */
  static String stripFence(String text) {
    int fence = text.indexOf("```");
    if (fence < 0) return text;
    int contentStart = text.indexOf('\n', fence);
    if (contentStart < 0) return text.substring(fence + 3);
    // The info string (e.g. "json") sits on the fence line; if the fence line itself starts with JSON keep it.
    String info = text.substring(fence + 3, contentStart).strip();
    if (!info.isEmpty() && (info.charAt(0) == '{' || info.charAt(0) == '[')) contentStart = fence + 3;
    else contentStart++;
    int end = text.indexOf("```", contentStart);
    return end < 0 ? text.substring(contentStart) : text.substring(contentStart, end);
  }

  private static int firstBracket(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '[') return i;
    }
    return -1;
  }

  private static int[] lineColumn(String text, int index) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  private static String preview(String reply) {
    String s = reply.strip().replaceAll("\\s+", " ");
    return s.isEmpty() ? "(empty)" : '"' + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + '"';
  }

  private static String message(Exception e) {
    return e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
  }
}
