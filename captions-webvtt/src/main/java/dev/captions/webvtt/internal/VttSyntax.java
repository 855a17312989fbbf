package dev.captions.webvtt.internal;

import java.math.BigDecimal;

/**
 * The small grammars of WebVTT shared by the parser, validator and writer: timestamps, percentages and numbers. Each
 * rule is implemented once here (hand-written scanners, no regular expressions: this is the hot path).
 */
public final class VttSyntax {
  /** Returned by the timestamp scanners when the text is not a timestamp. */
  public static final long NO_TIME = Long.MIN_VALUE;

  /** Largest hours value that still fits a millisecond {@code long}. */
  private static final long MAX_HOURS = Long.MAX_VALUE / 3_600_000L - 1;

  private VttSyntax() {}

  public static boolean isAsciiWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  public static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The spec's "collect a WebVTT timestamp" starting at {@code pos[0]}; advances {@code pos[0]} past it. Returns the
   * time in milliseconds or {@link #NO_TIME}. Hours beyond what a {@code long} of milliseconds holds also fail.
   */
  public static long scanTimestamp(char[] s, int[] pos, int end) {
    int p = pos[0];
    if (p >= end || !isDigit(s[p])) return NO_TIME;
    boolean hours = false;
    int from = p;
    long v1 = 0;
    while (p < end && isDigit(s[p])) {
      if (v1 <= MAX_HOURS) v1 = v1 * 10 + (s[p] - '0');
      p++;
    }
    if (p - from != 2 || v1 > 59) hours = true;
    if (p >= end || s[p] != ':') return NO_TIME;
    p++;
    if (p + 1 >= end || !isDigit(s[p]) || !isDigit(s[p + 1]) || (p + 2 < end && isDigit(s[p + 2]))) return NO_TIME;
    long v2 = (s[p] - '0') * 10 + (s[p + 1] - '0');
    p += 2;
    long v3;
    if (hours || (p < end && s[p] == ':')) {
      if (p >= end || s[p] != ':') return NO_TIME;
      p++;
      if (p + 1 >= end || !isDigit(s[p]) || !isDigit(s[p + 1]) || (p + 2 < end && isDigit(s[p + 2]))) return NO_TIME;
      v3 = (s[p] - '0') * 10 + (s[p + 1] - '0');
      p += 2;
    } else {
      v3 = v2;
      v2 = v1;
      v1 = 0;
    }
    if (p >= end || s[p] != '.') return NO_TIME;
    p++;
    if (p + 2 >= end || !isDigit(s[p]) || !isDigit(s[p + 1]) || !isDigit(s[p + 2]) || (p + 3 < end && isDigit(s[p + 3]))) {
      return NO_TIME;
    }
    long v4 = (s[p] - '0') * 100 + (s[p + 1] - '0') * 10 + (s[p + 2] - '0');
    p += 3;
    if (v2 > 59 || v3 > 59 || v1 > MAX_HOURS) return NO_TIME;
    pos[0] = p;
    return v1 * 3_600_000L + v2 * 60_000L + v3 * 1000L + v4;
  }

  /** A WebVTT percentage ({@code digits[.digits]%}) in [0, 100], or NaN. */
  public static double parsePercentage(String s) {
    int n = s.length();
    if (n < 2 || s.charAt(n - 1) != '%') return Double.NaN;
    int i = 0;
    while (i < n - 1 && isDigit(s.charAt(i))) i++;
    if (i == 0) return Double.NaN;
    if (i < n - 1) {
      if (s.charAt(i) != '.') return Double.NaN;
      int f = ++i;
      while (i < n - 1 && isDigit(s.charAt(i))) i++;
      if (i == f || i != n - 1) return Double.NaN;
    }
    double v = parseDecimal(s, 0, n - 1);
    return v >= 0 && v <= 100 ? v : Double.NaN;
  }

  /**
   * The {@code line} number rules: digits, at most one leading '-', at most one '.' with digits on both sides. NaN when
   * broken.
   */
  public static double parseLineNumber(String s) {
    int n = s.length();
    if (n == 0) return Double.NaN;
    int dot = -1;
    boolean digit = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (isDigit(c)) {
        digit = true;
      } else if (c == '-') {
        if (i != 0) return Double.NaN;
      } else if (c == '.') {
        if (dot >= 0) return Double.NaN;
        dot = i;
      } else {
        return Double.NaN;
      }
    }
    if (!digit) return Double.NaN;
    if (dot >= 0 && (dot == 0 || dot == n - 1 || !isDigit(s.charAt(dot - 1)) || !isDigit(s.charAt(dot + 1)))) {
      return Double.NaN;
    }
    if (s.charAt(0) == '-' && n == 1) return Double.NaN;
    double v = parseDecimal(s, 0, n);
    // HTML float rules: no -0, and a value that rounds to infinity is an error.
    if (Double.isInfinite(v)) return Double.NaN;
    return v == 0 ? 0.0 : v;
  }

  /** A plain decimal already checked by a scanner; the JDK gives correct rounding for long digit strings. */
  private static double parseDecimal(String s, int from, int to) {
    // Fast path for short integers, the common case.
    if (to - from <= 15) {
      boolean neg = s.charAt(from) == '-';
      long v = 0;
      int i = neg ? from + 1 : from;
      for (; i < to; i++) {
        char c = s.charAt(i);
        if (!isDigit(c)) return Double.parseDouble(s.substring(from, to));
        v = v * 10 + (c - '0');
      }
      return neg ? -(double) v : (double) v;
    }
    return Double.parseDouble(s.substring(from, to));
  }

  /** A number in WebVTT syntax: plain decimal, never exponent notation; integers without a fraction. */
  public static String formatNumber(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return new BigDecimal(Double.toString(v)).toPlainString();
  }

  /** {@code HH:MM:SS.mmm} (hours at least two digits) into {@code sb}; {@code sep} is '.' for WebVTT, ',' for SRT. */
  public static void appendTimestamp(StringBuilder sb, long ms, char sep) {
    long h = ms / 3_600_000L;
    int rest = (int) (ms - h * 3_600_000L);
    int m = rest / 60_000;
    rest -= m * 60_000;
    int s = rest / 1000;
    int milli = rest - s * 1000;
    if (h < 10) sb.append('0');
    sb.append(h).append(':');
    sb.append((char) ('0' + m / 10)).append((char) ('0' + m % 10)).append(':');
    sb.append((char) ('0' + s / 10)).append((char) ('0' + s % 10)).append(sep);
    sb.append((char) ('0' + milli / 100)).append((char) ('0' + milli / 10 % 10)).append((char) ('0' + milli % 10));
  }
}
