package dev.captions.model;

/**
 * {@link Cue#text()} is WebVTT cue text: markup such as {@code <i>} and character references such as {@code &amp;}
 * are kept as written, so that one model serves every format (the SRT codec converts on the way in and out). Text
 * that is plain (from a transcript or a translation) goes through {@link #escape(String)} before it becomes cue text
 * ({@link Cue#ofPlainText}, {@link Cue.Builder#plainText}); markup a caller writes by hand is checked with
 * {@link #problem(String)} ({@link Cue#of}, {@link Cue.Builder#markup}), so that text such as {@code "Tom & Jerry <3"}
 * is not silently read as a tag. Stateless and thread-safe; every method runs in time linear in its input.
 */
public final class CueMarkup {
  private CueMarkup() {}

  /**
   * Plain text as cue text that shows exactly as written: {@code &}, {@code <} and {@code >} become {@code &amp;},
   * {@code &lt;} and {@code &gt;}; CR and CRLF become {@code '\n'} (the model's only line separator); NUL and unpaired
   * surrogates, which no caption format can carry, become U+FFFD as a WebVTT parser would read them.
   *
   * @param plain any text, not null
   * @return {@code plain} itself when nothing needed changing (the common case, no copy)
   * @throws NullPointerException if {@code plain} is null
   */
  public static String escape(String plain) {
    int n = plain.length();
    int i = 0;
    while (i < n && !needsWork(plain.charAt(i))) i++;
    if (i == n) return plain;
    StringBuilder sb = new StringBuilder(n + 16).append(plain, 0, i);
    for (; i < n; i++) {
      char c = plain.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '\r':
          sb.append('\n');
          if (i + 1 < n && plain.charAt(i + 1) == '\n') i++;
          break;
        case '\0':
          sb.append('\uFFFD');
          break;
        default:
          if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(plain.charAt(i + 1))) {
            sb.append(c).append(plain.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
      }
    }
    return sb.toString();
  }

  private static boolean needsWork(char c) {
    return c == '&' || c == '<' || c == '>' || c == '\r' || c == '\0' || Character.isSurrogate(c);
  }

  /**
   * Why {@code markup} would not show as its author meant, or {@code null} when it is well-formed: every {@code <}
   * must open a tag a WebVTT player knows ({@code c i b u ruby rt v lang}, with classes and, for {@code v} and
   * {@code lang}, an annotation), close one ({@code </i>}), or be a timestamp tag ({@code <00:01.500>}), and end with
   * {@code >} on the same line; anything else (a {@code <} in plain text, {@code <font>}) would be dropped by every
   * reader. A bare {@code &} is fine (it shows as written). The message names the 1-based line and column.
   *
   * @param markup cue text, not null
   * @return a one-line description of the first problem, or {@code null}
   */
  public static String problem(String markup) {
    int n = markup.length();
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < n; i++) {
      char c = markup.charAt(i);
      if (c == '\n') {
        line++;
        lineStart = i + 1;
        continue;
      }
      if (c != '<') continue;
      int j = i + 1;
      while (j < n && markup.charAt(j) != '>' && markup.charAt(j) != '<' && markup.charAt(j) != '\n') j++;
      String where = "line " + line + ", col " + (i - lineStart + 1);
      if (j == n || markup.charAt(j) != '>') {
        return where + ": '<' does not start a tag (no '>' follows on the line); plain text must be escaped"
            + " (Cue.ofPlainText, Cue.Builder.plainText or CueMarkup.escape)";
      }
      String body = markup.substring(i + 1, j);
      if (!isTag(body)) {
        return where + ": <" + body + "> is not a WebVTT cue tag (c, i, b, u, ruby, rt, v, lang, a timestamp or an"
            + " end tag) and would be dropped; plain text must be escaped (Cue.ofPlainText, Cue.Builder.plainText or"
            + " CueMarkup.escape)";
      }
      i = j;
    }
    return null;
  }

  /**
   * {@code markup} with every timestamp tag ({@code <00:01.500>}) moved by {@code map}; a time that would fall before
   * 0 becomes 0. Moved tags are written as {@code <hh:mm:ss.ttt>}.
   *
   * @param markup cue text, not null
   * @param map where each time goes, not null
   * @return {@code markup} itself when it has no timestamp tag
   */
  static String retimeTimestamps(String markup, java.util.function.LongUnaryOperator map) {
    if (markup.indexOf('<') < 0) return markup;
    StringBuilder sb = null;
    int copied = 0;
    int n = markup.length();
    for (int i = markup.indexOf('<'); i >= 0 && i < n; i = markup.indexOf('<', i + 1)) {
      int j = i + 1;
      while (j < n && markup.charAt(j) != '>' && markup.charAt(j) != '<') j++;
      if (j == n || markup.charAt(j) != '>') continue;
      String body = markup.substring(i + 1, j);
      if (body.isEmpty() || body.charAt(0) < '0' || body.charAt(0) > '9' || !isTimestamp(body)) {
        i = j - 1;
        continue;
      }
      long ms = Math.max(0, map.applyAsLong(timestampMs(body)));
      if (sb == null) sb = new StringBuilder(n + 8);
      sb.append(markup, copied, i + 1).append(formatTimestamp(ms)).append('>');
      copied = j + 1;
      i = j - 1;
    }
    return sb == null ? markup : sb.append(markup, copied, n).toString();
  }

  /**
   * {@code markup} with a timestamp tag before each token that matches a word (see {@link Cue#withWordTimestamps()}).
   *
   * @return {@code markup} itself when no tag was added or it already has timestamp tags
   */
  static String insertWordTimestamps(String markup, java.util.List<TimedWord> words, long startMs, long endMs) {
    int n = markup.length();
    // Token starts (index of the first visible character) and their normalised text, tags skipped.
    java.util.List<int[]> tokens = new java.util.ArrayList<>();
    java.util.List<String> keys = new java.util.ArrayList<>();
    StringBuilder key = new StringBuilder();
    int tokenStart = -1;
    for (int i = 0; i < n; i++) {
      char c = markup.charAt(i);
      if (c == '<') {
        int j = markup.indexOf('>', i + 1);
        if (j < 0) break;
        String body = markup.substring(i + 1, j);
        if (!body.isEmpty() && body.charAt(0) >= '0' && body.charAt(0) <= '9' && isTimestamp(body)) return markup;
        i = j;
        continue;
      }
      if (c == ' ' || c == '\n' || c == '\t' || c == '\f') {
        if (tokenStart >= 0) {
          tokens.add(new int[] {tokenStart});
          keys.add(key.toString());
        }
        tokenStart = -1;
        key.setLength(0);
        continue;
      }
      if (tokenStart < 0) tokenStart = i;
      if (c == '&') {
        int semi = markup.indexOf(';', i);
        if (semi > i && semi - i <= 8) { // a character reference counts as one non-letter
          i = semi;
          continue;
        }
      }
      if (Character.isLetterOrDigit(c)) key.append(Character.toLowerCase(c));
    }
    if (tokenStart >= 0) {
      tokens.add(new int[] {tokenStart});
      keys.add(key.toString());
    }
    long[] times = new long[tokens.size()];
    java.util.Arrays.fill(times, -1);
    // Each token takes the next word (looking a few ahead) whose letters and digits are the same: tokens the words do
    // not have (a dash) and words the text does not have (a dropped filler) are skipped, never shifted onto others.
    int next = 0;
    for (int t = 0; t < times.length && next < words.size(); t++) {
      if (keys.get(t).isEmpty()) continue;
      for (int w = next; w < Math.min(words.size(), next + 4); w++) {
        if (keys.get(t).equals(normalise(words.get(w).text()))) {
          times[t] = words.get(w).startMs();
          next = w + 1;
          break;
        }
      }
    }
    StringBuilder sb = null;
    int copied = 0;
    long last = startMs;
    for (int t = 0; t < times.length; t++) {
      long ms = times[t];
      if (ms <= last || ms >= endMs) continue;
      if (sb == null) sb = new StringBuilder(n + 16 * times.length);
      int at = tokens.get(t)[0];
      sb.append(markup, copied, at).append('<').append(formatTimestamp(ms)).append('>');
      copied = at;
      last = ms;
    }
    return sb == null ? markup : sb.append(markup, copied, n).toString();
  }

  private static String normalise(String word) {
    StringBuilder sb = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
    }
    return sb.toString();
  }

  private static long timestampMs(String t) {
    String[] parts = t.split(":");
    long h = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
    long m = Long.parseLong(parts[parts.length - 2]);
    String last = parts[parts.length - 1];
    return ((h * 60 + m) * 60 + Long.parseLong(last.substring(0, 2))) * 1000 + Long.parseLong(last.substring(3));
  }

  private static String formatTimestamp(long ms) {
    return Timecodes.format(ms);
  }

  private static boolean isTag(String body) {
    if (body.isEmpty()) return false;
    if (body.charAt(0) == '/') return isTagName(body.substring(1));
    if (body.charAt(0) >= '0' && body.charAt(0) <= '9') return isTimestamp(body);
    int end = 0;
    while (end < body.length() && !isWhitespace(body.charAt(end))) end++;
    String nameAndClasses = body.substring(0, end);
    int dot = nameAndClasses.indexOf('.');
    String name = dot < 0 ? nameAndClasses : nameAndClasses.substring(0, dot);
    if (!isTagName(name)) return false;
    // An annotation only belongs to <v> and <lang>, which need one.
    boolean annotated = end < body.length() && !body.substring(end).isBlank();
    return name.equals("v") || name.equals("lang") ? annotated : !annotated;
  }

  private static boolean isTagName(String s) {
    switch (s) {
      case "c":
      case "i":
      case "b":
      case "u":
      case "ruby":
      case "rt":
      case "v":
      case "lang":
        return true;
      default:
        return false;
    }
  }

  /** {@code [hh:]mm:ss.ttt} with hours of two or more digits. */
  private static boolean isTimestamp(String s) {
    String[] parts = s.split(":", -1);
    if (parts.length < 2 || parts.length > 3) return false;
    for (int k = 0; k < parts.length - 1; k++) {
      if (!allDigits(parts[k]) || (k == parts.length - 2 && parts[k].length() != 2)) return false;
      if (k == 0 && parts.length == 3 && (parts[k].length() < 2 || parts[k].length() > 10)) return false;
    }
    String last = parts[parts.length - 1];
    return last.length() == 6 && last.charAt(2) == '.' && allDigits(last.substring(0, 2)) && allDigits(last.substring(3))
        && last.charAt(0) < '6' && parts[parts.length - 2].charAt(0) < '6';
  }

  private static boolean allDigits(String s) {
    if (s.isEmpty()) return false;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    }
    return true;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\f';
  }
}
