package dev.captions.webvtt.internal;

/**
 * SubRip timing lines, read tolerantly, at least as the Python {@code srt} and {@code pysubs2} readers do:
 * {@code [h]h:mm:ss[,.]f… --> …}, hours of any length, spaces anywhere, the arrow also as {@code ->}, {@code - >} or
 * {@code -- >}, fullwidth {@code ：} and {@code ，}, no fraction at all ({@code 00:00:01}), a fraction of 1 to 9
 * digits (a decimal fraction of a second, rounded to the millisecond: {@code ,5} is 500 ms, {@code ,1234} 123 ms), and
 * text glued to the end time ({@code …,000Hello}).
 */
public final class SrtSyntax {
  /** Returned by {@link #timestamp} for a broken timestamp. */
  private static final long BROKEN = -1;

  private SrtSyntax() {}

  /**
   * Parses a timing line into {@code out[0]} (start ms) and {@code out[1]} (end ms). Text after the end time and a
   * blank (e.g. {@code X1:40 X2:600 Y1:20 Y2:50}) is ignored. Text glued to the end time is cue text: when
   * {@code out} has a third slot, it receives the index where that text starts (in the String, or in {@code b} for
   * the array form), or -1 when there is none. Returns false when the line is not a timing line.
   */
  public static boolean parseTiming(String s, long[] out) {
    return parseTiming(s.toCharArray(), 0, s.length(), out);
  }

  /** {@link #parseTiming(String, long[])} on the line {@code b[from, to)}; allocates nothing. */
  public static boolean parseTiming(char[] b, int from, int to, long[] out) {
    int p = skipSpaces(b, from, to);
    // Parse state travels in out[]: out[0] = position in, result out; out[1] is scratch.
    out[0] = p;
    long start = timestamp(b, to, out);
    if (start < 0) return false;
    p = skipSpaces(b, (int) out[0], to);
    // "-->", "->", "- >", "-- >"
    if (p >= to || b[p] != '-') return false;
    p++;
    if (p < to && b[p] == '-') p++;
    p = skipSpaces(b, p, to);
    if (p >= to || b[p] != '>') return false;
    out[0] = skipSpaces(b, p + 1, to);
    long end = timestamp(b, to, out);
    if (end < 0) return false;
    p = (int) out[0];
    int glued = p < to && !Character.isWhitespace(b[p]) ? p : -1;
    if (glued >= 0 && out.length < 3) return false;
    out[0] = start;
    out[1] = end;
    if (out.length > 2) out[2] = glued;
    return true;
  }


  /**
   * Whether the line looks like a timing line at all: it starts with a digit or blank and holds {@code "-->"}, or
   * starts with a digit and holds {@code '>'} (the sloppy arrows). Cheap pre-check.
   */
  public static boolean looksLikeTiming(String s) {
    if (s.isEmpty() || !startsLikeTiming(s.charAt(0))) return false;
    int a = s.indexOf("-->");
    return a > 0 || (VttSyntax.isDigit(s.charAt(0)) && s.indexOf('>') > 0);
  }

  /**
   * {@link #looksLikeTiming(String)} on the line {@code b[from, to)}, given whether it holds {@code "-->"} (as
   * {@link LineReader#arrow} reports). An arrow at the very start does not count, as in the String form.
   */
  public static boolean looksLikeTiming(char[] b, int from, int to, boolean arrow) {
    // The first char is a digit or blank, so the arrow is not at position 0.
    if (to <= from || !startsLikeTiming(b[from])) return false;
    if (arrow) return true;
    if (!VttSyntax.isDigit(b[from])) return false;
    for (int i = from + 1; i < to; i++) {
      if (b[i] == '>') return true;
    }
    return false;
  }

  private static boolean startsLikeTiming(char c) {
    return VttSyntax.isDigit(c) || c == ' ' || c == '\t';
  }

  /** Whether {@code b[from, to)} is a cue index: ASCII digits with optional surrounding whitespace. */
  public static boolean isIndex(char[] b, int from, int to) {
    while (from < to && b[from] <= ' ') from++;
    while (to > from && b[to - 1] <= ' ') to--;
    if (from == to) return false;
    for (int i = from; i < to; i++) {
      if (!VttSyntax.isDigit(b[i])) return false;
    }
    return true;
  }

  private static int skipSpaces(char[] b, int p, int to) {
    while (p < to && (b[p] == ' ' || b[p] == '\t')) p++;
    return p;
  }

  /**
   * {@code h+:mm:ss[,.]f{0,9}} or {@code mm:ss[,.]f{1,9}} starting at {@code state[0]}; on success moves
   * {@code state[0]} past it and returns the time in ms, else returns -1.
   */
  private static long timestamp(char[] s, int n, long[] state) {
    int p = (int) state[0];
    long h = 0;
    long m = 0;
    long sec = 0;
    int count = 0;
    while (true) {
      int from = p;
      long v = 0;
      while (p < n && VttSyntax.isDigit(s[p]) && p - from < 12) v = v * 10 + (s[p++] - '0');
      if (p == from || (p < n && VttSyntax.isDigit(s[p]))) return BROKEN;
      if (count > 0 && (p - from > 2 || v > 59)) return BROKEN;
      h = m;
      m = sec;
      sec = v;
      count++;
      if (p < n && (s[p] == ':' || s[p] == '\uFF1A') && count < 3) {
        p++;
        continue;
      }
      break;
    }
    if (count < 2) return BROKEN;
    long fracMs = 0;
    if (p < n && (s[p] == ',' || s[p] == '.' || s[p] == '\uFF0C')) {
      p++;
      int from = p;
      long frac = 0;
      while (p < n && VttSyntax.isDigit(s[p]) && p - from < 9) frac = frac * 10 + (s[p++] - '0');
      int digits = p - from;
      if (digits == 0 || (p < n && VttSyntax.isDigit(s[p]))) return BROKEN;
      // A decimal fraction of a second, to the nearest millisecond.
      long scale = 1;
      for (int k = 0; k < digits; k++) scale *= 10;
      fracMs = (frac * 1000 * 2 + scale) / (scale * 2);
    } else if (count < 3) {
      return BROKEN; // "01:02" alone is too ambiguous to be a time; "00:01:02" is one without milliseconds
    }
    // With two parts, the first is minutes and must be below 60 (it was not range-checked as the first part).
    if (count == 2 && m > 59) return BROKEN;
    state[0] = p;
    return h * 3_600_000L + m * 60_000L + sec * 1000L + fracMs;
  }
}
