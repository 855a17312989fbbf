package dev.captions.ttml;

/**
 * TTML time expressions: clock times ({@code 00:00:01.500}, {@code 00:00:01:12} with frames, {@code 00:00:01:12.1}
 * with sub-frames) and offset times ({@code 12.5s}, {@code 500ms}, {@code 2m}, {@code 1h}, {@code 30f},
 * {@code 9000t}), in milliseconds. Stateless.
 */
final class TtmlTime {
  /** Returned for a value that is not a time expression. */
  static final long INVALID = Long.MIN_VALUE;

  private TtmlTime() {}

  /**
   * Parses {@code s} (surrounding whitespace ignored).
   *
   * @param frameRate frames per second (frame rate × multiplier), for frame counts
   * @param subFrameRate sub-frames per frame
   * @param tickRate ticks per second, for {@code t} offsets
   * @return milliseconds, or {@link #INVALID}
   */
  static long parse(String s, double frameRate, int subFrameRate, double tickRate) {
    String t = s.trim();
    if (t.isEmpty()) return INVALID;
    try {
      if (t.indexOf(':') >= 0) return clock(t, frameRate, subFrameRate);
      int unit = t.length();
      while (unit > 0 && Character.isLetter(t.charAt(unit - 1))) unit--;
      String number = t.substring(0, unit);
      String metric = t.substring(unit);
      if (number.isEmpty() || !isDecimal(number)) return INVALID;
      double v = Double.parseDouble(number);
      double ms;
      switch (metric) {
        case "h":
          ms = v * 3_600_000;
          break;
        case "m":
          ms = v * 60_000;
          break;
        case "s":
          ms = v * 1000;
          break;
        case "ms":
          ms = v;
          break;
        case "f":
          ms = v * 1000 / frameRate;
          break;
        case "t":
          ms = v * 1000 / tickRate;
          break;
        default:
          return INVALID;
      }
      return ms > 1e15 ? INVALID : Math.round(ms);
    } catch (NumberFormatException e) {
      return INVALID;
    }
  }

  private static long clock(String t, double frameRate, int subFrameRate) {
    String[] parts = t.split(":", -1);
    if (parts.length < 3 || parts.length > 4) return INVALID;
    for (int i = 0; i < 2; i++) {
      if (!isDigits(parts[i])) return INVALID;
    }
    if (parts[0].length() > 9) return INVALID;
    long h = Long.parseLong(parts[0]);
    long m = Long.parseLong(parts[1]);
    double ms = (h * 3600 + m * 60) * 1000.0;
    if (parts.length == 3) {
      if (!isDecimal(parts[2])) return INVALID;
      ms += Double.parseDouble(parts[2]) * 1000;
    } else {
      if (!isDigits(parts[2])) return INVALID;
      ms += Long.parseLong(parts[2]) * 1000;
      String frames = parts[3];
      int dot = frames.indexOf('.');
      String whole = dot < 0 ? frames : frames.substring(0, dot);
      if (!isDigits(whole)) return INVALID;
      double f = Long.parseLong(whole);
      if (dot >= 0) {
        String sub = frames.substring(dot + 1);
        if (!isDigits(sub)) return INVALID;
        f += Long.parseLong(sub) / (double) Math.max(1, subFrameRate);
      }
      ms += f * 1000 / frameRate;
    }
    return Math.round(ms);
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty() || s.length() > 12) return false;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    }
    return true;
  }

  private static boolean isDecimal(String s) {
    int dot = s.indexOf('.');
    if (dot < 0) return isDigits(s);
    return isDigits(s.substring(0, dot)) && (dot == s.length() - 1 || isDigits(s.substring(dot + 1)));
  }

  /** {@code 3723004} → {@code "01:02:03.004"}: IMSC's clock time with a fraction, hours of two or more digits. */
  static String format(long ms) {
    return dev.captions.model.Timecodes.format(ms);
  }
}
