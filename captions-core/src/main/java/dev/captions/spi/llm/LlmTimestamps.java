package dev.captions.spi.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the timestamps language models write: numbers of seconds ({@code 12.5}), numeric strings
 * ({@code "12.5"}, {@code "12.5s"}, {@code "1500ms"}), clock forms with {@code .} or {@code ,} fractions
 * ({@code "01:02.5"}, {@code "1:02:03,400"}, {@code "00:00:01.000"}), and unit forms ({@code "1m2.5s"},
 * {@code "1h2m3s"}). Returns -1 when the value is none of these; callers drop such cues rather than guess.
 *
 * <p>Kept small and private to LLM reply parsing until the shaping engine's parser is available.
 */
final class LlmTimestamps {
  private static final Pattern CLOCK = Pattern.compile("(?:(\\d+):)?(\\d{1,3}):(\\d{1,2}(?:[.,]\\d+)?)");
  private static final Pattern SECONDS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|sec|secs|seconds|ms)?");
  private static final Pattern UNITS = Pattern.compile("(?:(\\d+)\\s*h)?\\s*(?:(\\d+)\\s*m(?!s))?\\s*(?:(\\d+(?:\\.\\d+)?)\\s*s)?");

  private LlmTimestamps() {}

  /** Milliseconds, or -1 when unreadable or negative. */
  static long parseMs(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return -1;
    if (node.isNumber()) return secondsToMs(node.asDouble());
    return parseMs(node.asText());
  }

  static long parseMs(String raw) {
    String s = raw.strip().toLowerCase(java.util.Locale.ROOT);
    if (s.isEmpty()) return -1;
    Matcher m = CLOCK.matcher(s);
    if (m.matches()) {
      long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
      long min = Long.parseLong(m.group(2));
      double sec = Double.parseDouble(m.group(3).replace(',', '.'));
      return Math.round(((h * 60 + min) * 60 + sec) * 1000);
    }
    m = SECONDS.matcher(s);
    if (m.matches()) {
      double v = Double.parseDouble(m.group(1));
      return "ms".equals(m.group(2)) ? Math.round(v) : secondsToMs(v);
    }
    m = UNITS.matcher(s);
    if (m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null)) {
      long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
      long min = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
      double sec = m.group(3) == null ? 0 : Double.parseDouble(m.group(3));
      return Math.round(((h * 60 + min) * 60 + sec) * 1000);
    }
    return -1;
  }

  private static long secondsToMs(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) return -1;
    return Math.round(seconds * 1000);
  }

  /** {@code HH:MM:SS.mmm}, the form the prompts ask for. */
  static String format(long ms) {
    return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60,
        ms / 1000 % 60, ms % 1000);
  }
}
