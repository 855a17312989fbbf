package dev.captions.shaping;

import dev.captions.CaptionFormatException;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the timestamp forms language models emit for caption times. Thread-safe; stateless.
 *
 * <p>Accepted (surrounding whitespace, quotes and square brackets are ignored; a fraction may have any number of
 * digits and use {@code '.'} or {@code ','}):
 * <ul>
 *   <li>{@code HH:MM:SS.mmm}, {@code HH:MM:SS,mmm}, {@code H:MM:SS}</li>
 *   <li>{@code MM:SS.mmm}, {@code M:SS} (e.g. {@code "1:02"} is 62 s)</li>
 *   <li>{@code SS.mmm}, plain seconds {@code "62"}, {@code "62.5"}, and {@code "62s"} / {@code "62.5 sec"}</li>
 *   <li>{@code 1h2m3.5s}, {@code 2m3s}, {@code 1500ms}</li>
 *   <li>SMPTE-like {@code HH:MM:SS:FF} frames, at {@link #DEFAULT_FPS} unless a frame rate is given</li>
 *   <li>JSON numbers (seconds) through {@link #parseSeconds(Object)}</li>
 * </ul>
 */
public final class LlmTimestamps {
  /**
   * The latest time accepted: 7 days. No media a model transcribes is that long (Gemini takes at most 9.5 h of audio
   * per prompt), so a later time is a model's error, reported like an unreadable one.
   */
  public static final long MAX_MS = 7L * 24 * 3600 * 1000;

  /** The frame rate assumed for {@code HH:MM:SS:FF} when none is given. */
  public static final double DEFAULT_FPS = 25;

  private static final Pattern CLOCK =
      Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2})(?:[.,](\\d+))?");
  private static final Pattern FRAMES = Pattern.compile("(\\d+):(\\d{1,2}):(\\d{1,2}):(\\d{1,3})");
  private static final Pattern SECONDS = Pattern.compile("(\\d+(?:[.,]\\d*)?|[.,]\\d+)\\s*(?:s|sec|secs|seconds?)?");
  private static final Pattern UNITS =
      Pattern.compile("(?:(\\d+(?:\\.\\d+)?)\\s*h)?\\s*(?:(\\d+(?:\\.\\d+)?)\\s*m(?!s))?\\s*"
          + "(?:(\\d+(?:\\.\\d+)?)\\s*s)?\\s*(?:(\\d+)\\s*ms)?");

  private LlmTimestamps() {}

  /**
   * Parses {@code text} to milliseconds, with {@link #DEFAULT_FPS} for frame timecodes.
   *
   * @param text a timestamp as an LLM writes it
   * @return the time in milliseconds
   * @throws dev.captions.CaptionFormatException when the text is no known timestamp form
   */
  public static long parseMs(String text) {
    return parseMs(text, DEFAULT_FPS);
  }

  /**
   * Parses {@code text} to milliseconds (rounded to the nearest millisecond).
   *
   * @param text a timestamp as an LLM writes it
   * @param fps the frame rate for frame timecodes
   * @throws CaptionFormatException when the text is no timestamp form this class knows, saying which forms it accepts,
   *     or when its value is absurd (more digits than a {@code long} holds, or later than {@link #MAX_MS})
   * @return the time in milliseconds
   */
  public static long parseMs(String text, double fps) {
    if (text == null) throw new CaptionFormatException("Timestamp is missing (null).", 0, 0);
    long ms;
    try {
      ms = parseUnchecked(text, fps);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new CaptionFormatException("Timestamp '" + preview(text) + "' is out of range: no media is that long.", 0,
          0);
    }
    return checkRange(ms, text);
  }

  private static long checkRange(long ms, Object value) {
    if (ms < 0 || ms > MAX_MS) {
      throw new CaptionFormatException("Timestamp '" + preview(String.valueOf(value)) + "' is out of range (0 to "
          + MAX_MS / 3_600_000 + " h): no media is that long.", 0, 0);
    }
    return ms;
  }

  private static String preview(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  private static long parseUnchecked(String text, double fps) {
    String s = strip(text);
    Matcher m = FRAMES.matcher(s);
    if (m.matches()) {
      long ms = hms(m.group(1), m.group(2), m.group(3));
      return Math.addExact(ms, Math.round(Long.parseLong(m.group(4)) * 1000 / fps));
    }
    m = CLOCK.matcher(s);
    if (m.matches()) return Math.addExact(hms(m.group(1), m.group(2), m.group(3)), fraction(m.group(4)));
    m = SECONDS.matcher(s);
    if (m.matches()) return secondsToMs(new BigDecimal(normalize(m.group(1))));
    m = UNITS.matcher(s);
    if (!s.isEmpty() && m.matches() && (m.group(1) != null || m.group(2) != null || m.group(3) != null
        || m.group(4) != null)) {
      BigDecimal total = BigDecimal.ZERO;
      if (m.group(1) != null) total = total.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(3600)));
      if (m.group(2) != null) total = total.add(new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf(60)));
      if (m.group(3) != null) total = total.add(new BigDecimal(m.group(3)));
      long ms = secondsToMs(total);
      return m.group(4) != null ? Math.addExact(ms, Long.parseLong(m.group(4))) : ms;
    }
    throw new CaptionFormatException("Unrecognised timestamp '" + text + "'. Expected HH:MM:SS.mmm, MM:SS.mmm, "
        + "HH:MM:SS,mmm, SS.mmm, seconds (62.5), 1:02, 1m2s or HH:MM:SS:FF.", 0, 0);
  }

  /**
   * Parses a JSON value: a number is seconds (Gemini and Whisper give {@code 62.48}); a string goes through
   * {@link #parseMs(String)}.
   *
   * @param value a JSON number (seconds) or string
   * @throws CaptionFormatException for null, negative, non-finite or unrecognised values
   * @return the time in milliseconds
   */
  public static long parseSeconds(Object value) {
    if (value instanceof Number) {
      double d = ((Number) value).doubleValue();
      if (!(d >= 0) || Double.isInfinite(d)) {
        throw new CaptionFormatException("Timestamp " + value + " must be a finite number of seconds >= 0.", 0, 0);
      }
      return checkRange(Math.round(Math.min(d, Long.MAX_VALUE / 1000.0) * 1000), value);
    }
    if (value instanceof CharSequence) return parseMs(value.toString());
    throw new CaptionFormatException("Timestamp " + value + " is neither a number of seconds nor a timestamp string.",
        0, 0);
  }

  private static String strip(String text) {
    String s = text.trim();
    while (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'")
        || s.startsWith("[") && s.endsWith("]") || s.startsWith("(") && s.endsWith(")"))) {
      s = s.substring(1, s.length() - 1).trim();
    }
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  private static long hms(String h, String m, String s) {
    long hours = h == null ? 0 : Long.parseLong(h);
    long seconds = Math.addExact(Math.addExact(Math.multiplyExact(hours, 3600), Long.parseLong(m) * 60),
        Long.parseLong(s));
    return Math.multiplyExact(seconds, 1000);
  }

  private static long fraction(String digits) {
    if (digits == null || digits.isEmpty()) return 0;
    return secondsToMs(new BigDecimal("0." + digits));
  }

  private static String normalize(String number) {
    String n = number.replace(',', '.');
    if (n.startsWith(".")) n = "0" + n;
    if (n.endsWith(".")) n = n + "0";
    return n;
  }

  private static long secondsToMs(BigDecimal seconds) {
    return seconds.movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
  }
}
