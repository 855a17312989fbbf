package dev.captions.http;

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
   * The JSON object or array in {@code reply}: the longest balanced, parseable one outside a Markdown fence's
   * surroundings (or the first balanced one when none parses, so that {@link #parse} can say where it is broken).
   *
   * @param reply the model's reply text
   * @throws CaptionFormatException when the reply holds no JSON object or array
   * @throws TruncatedJsonException when it starts one but ends before closing it
   * @return the JSON text
   */
  public static String extract(String reply) {
    Objects.requireNonNull(reply, "reply == null");
    String text = stripFence(reply);
    // Prose may hold brackets of its own ("Here are the [3] chapters: {…}"): of the balanced spans that parse, take
    // the longest. Spans nested in one already looked at are skipped: inside one that parses, which keeps this linear
    // for one big document; inside one that does not, because a part of a broken reply ("chapters": []) is not the
    // reply, and the broken whole is what parse() must report. A span that never closes means the reply was cut off.
    String best = null;
    String firstBalanced = null;
    int start = nextBracket(text, 0);
    while (start >= 0) {
      int end = balancedEnd(text, start);
      if (end < 0) throw truncated(text, start);
      String candidate = text.substring(start, end + 1);
      if (firstBalanced == null) firstBalanced = candidate;
      if (parses(candidate) && (best == null || candidate.length() > best.length())) best = candidate;
      start = nextBracket(text, end + 1);
    }
    if (best != null) return best;
    if (firstBalanced != null) return firstBalanced; // malformed: parse() reports where
    throw new CaptionFormatException("the model's reply contains no JSON object or array: " + preview(reply), 0, 0);
  }

  /** The index of the bracket closing the one at {@code start}, or -1 when the text ends first. */
  private static int balancedEnd(String text, int start) {
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
      if (c == '"' || (c == '\'' && isStringStart(text, i))) quote = c;
      else if (c == '{' || c == '[') open.push(c);
      else if ((c == '}' || c == ']') && !open.isEmpty()) {
        open.pop();
        if (open.isEmpty()) return i;
      }
    }
    return -1;
  }

  /** A single quote opens a string only where a JSON value or name may start, not in prose like "it's". */
  private static boolean isStringStart(String text, int i) {
    for (int j = i - 1; j >= 0; j--) {
      char p = text.charAt(j);
      if (Character.isWhitespace(p)) continue;
      return p == '{' || p == '[' || p == ',' || p == ':';
    }
    return false;
  }

  private static TruncatedJsonException truncated(String text, int start) {
    int[] pos = lineColumn(text, text.length());
    return new TruncatedJsonException("the model's JSON reply is truncated: it ends before the "
        + (text.charAt(start) == '{' ? "object" : "array") + " opened at line " + lineColumn(text, start)[0]
        + " is closed (the reply probably hit the output token limit)", pos[0], pos[1]);
  }

  private static boolean parses(String candidate) {
    try {
      Json.lenientMapper().readTree(candidate);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }

  private static int nextBracket(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '[') return i;
    }
    return -1;
  }

  /**
   * Extracts and parses the JSON in {@code reply}.
   *
   * @param reply the model's reply text
   * @throws CaptionFormatException with the line and column (within the extracted JSON) when it is malformed
   * @throws TruncatedJsonException when it is cut off
   * @return the parsed JSON
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

  /**
   * Extracts, parses and binds the JSON in {@code reply} to {@code type}.
   *
   * @param <T> the type to bind to
   * @param reply the model's reply text
   * @param type the class to bind to
   * @return the bound value
   * @throws dev.captions.CaptionFormatException when the JSON is malformed or does not bind
   */
  public static <T> T parse(String reply, Class<T> type) {
    JsonNode node = parse(reply);
    try {
      return Json.lenientMapper().treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new CaptionFormatException("the model's JSON does not have the expected shape ("
          + type.getSimpleName() + "): " + message(e), 0, 0, e);
    }
  }

  /**
   * Extracts, parses and binds the JSON in {@code reply} to a generic type.
   *
   * @param <T> the type to bind to
   * @param reply the model's reply text
   * @param type the generic type to bind to
   * @return the bound value
   * @throws dev.captions.CaptionFormatException when the JSON is malformed or does not bind
   */
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
