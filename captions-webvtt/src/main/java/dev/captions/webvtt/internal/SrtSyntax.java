package dev.captions.webvtt.internal;

/** SubRip timing lines, read tolerantly: {@code [h]h:mm:ss[,.]m[m[m]] --> …}, hours of any length, spaces anywhere. */
public final class SrtSyntax {
  /** Returned by {@link #timestamp} for a broken timestamp. */
  private static final long BROKEN = -1;

  private SrtSyntax() {}

  /**
   * Parses a timing line into {@code out[0]} (start ms) and {@code out[1]} (end ms). Text after the end time (e.g.
   * {@code X1:40 X2:600 Y1:20 Y2:50}) is ignored. Returns false when the line is not a timing line.
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
    if (p + 2 >= to || b[p] != '-' || b[p + 1] != '-' || b[p + 2] != '>') return false;
    out[0] = skipSpaces(b, p + 3, to);
    long end = timestamp(b, to, out);
    if (end < 0) return false;
    p = (int) out[0];
    if (p < to && !Character.isWhitespace(b[p])) return false;
    out[0] = start;
    out[1] = end;
    return true;
  }

  /** Whether the line looks like a timing line at all (holds "-->" after a digit). Cheap pre-check. */
  public static boolean looksLikeTiming(String s) {
    int a = s.indexOf("-->");
    return a > 0 && startsLikeTiming(s.charAt(0));
  }

  /**
   * {@link #looksLikeTiming(String)} on the line {@code b[from, to)}, given whether it holds {@code "-->"} (as
   * {@link LineReader#arrow} reports). An arrow at the very start does not count, as in the String form.
   */
  public static boolean looksLikeTiming(char[] b, int from, int to, boolean arrow) {
    // The first char is a digit or blank, so the arrow is not at position 0.
    return arrow && to > from && startsLikeTiming(b[from]);
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
   * {@code h+:mm:ss[,.]f{1,3}} or {@code mm:ss[,.]f{1,3}} starting at {@code state[0]}; on success moves
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
      if (p < n && s[p] == ':' && count < 3) {
        p++;
        continue;
      }
      break;
    }
    if (count < 2 || p >= n || (s[p] != ',' && s[p] != '.')) return BROKEN;
    p++;
    int from = p;
    int frac = 0;
    while (p < n && VttSyntax.isDigit(s[p]) && p - from < 3) frac = frac * 10 + (s[p++] - '0');
    int digits = p - from;
    if (digits == 0 || (p < n && VttSyntax.isDigit(s[p]))) return BROKEN;
    if (digits == 1) frac *= 100;
    else if (digits == 2) frac *= 10;
    // With two parts, the first is minutes and must be below 60 (it was not range-checked as the first part).
    if (count == 2 && m > 59) return BROKEN;
    state[0] = p;
    return h * 3_600_000L + m * 60_000L + sec * 1000L + frac;
  }
}
