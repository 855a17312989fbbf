package dev.captions.webvtt.internal;

/** SubRip timing lines, read tolerantly: {@code [h]h:mm:ss[,.]m[m[m]] --> …}, hours of any length, spaces anywhere. */
public final class SrtSyntax {
  // Scratch space: timing lines are parsed once per cue, so avoid two small allocations each time.
  private static final ThreadLocal<int[]> POS = ThreadLocal.withInitial(() -> new int[1]);
  private static final ThreadLocal<long[]> PARTS = ThreadLocal.withInitial(() -> new long[3]);

  private SrtSyntax() {}

  /**
   * Parses a timing line into {@code out[0]} (start ms) and {@code out[1]} (end ms). Text after the end time (e.g.
   * {@code X1:40 X2:600 Y1:20 Y2:50}) is ignored. Returns false when the line is not a timing line.
   */
  public static boolean parseTiming(String s, long[] out) {
    int n = s.length();
    int[] pos = POS.get();
    pos[0] = 0;
    skipSpaces(s, pos);
    long start = timestamp(s, pos);
    if (start < 0) return false;
    skipSpaces(s, pos);
    int p = pos[0];
    if (p + 2 >= n || s.charAt(p) != '-' || s.charAt(p + 1) != '-' || s.charAt(p + 2) != '>') return false;
    pos[0] = p + 3;
    skipSpaces(s, pos);
    long end = timestamp(s, pos);
    if (end < 0) return false;
    p = pos[0];
    if (p < n && !Character.isWhitespace(s.charAt(p))) return false;
    out[0] = start;
    out[1] = end;
    return true;
  }

  /** Whether the line looks like a timing line at all (holds "-->" after a digit). Cheap pre-check. */
  public static boolean looksLikeTiming(String s) {
    int a = s.indexOf("-->");
    return a > 0 && s.length() > 0 && (VttSyntax.isDigit(s.charAt(0)) || s.charAt(0) == ' ' || s.charAt(0) == '\t');
  }

  private static void skipSpaces(String s, int[] pos) {
    int p = pos[0];
    while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) p++;
    pos[0] = p;
  }

  /** {@code h+:mm:ss[,.]f{1,3}} or {@code mm:ss[,.]f{1,3}}; -1 when broken. */
  private static long timestamp(String s, int[] pos) {
    int n = s.length();
    int p = pos[0];
    long[] parts = PARTS.get();
    int count = 0;
    while (true) {
      int from = p;
      long v = 0;
      while (p < n && VttSyntax.isDigit(s.charAt(p)) && p - from < 12) v = v * 10 + (s.charAt(p++) - '0');
      if (p == from || (p < n && VttSyntax.isDigit(s.charAt(p)))) return -1;
      if (count > 0 && (p - from > 2 || v > 59)) return -1;
      parts[count++] = v;
      if (p < n && s.charAt(p) == ':' && count < 3) {
        p++;
        continue;
      }
      break;
    }
    if (count < 2 || p >= n || (s.charAt(p) != ',' && s.charAt(p) != '.')) return -1;
    p++;
    int from = p;
    int frac = 0;
    while (p < n && VttSyntax.isDigit(s.charAt(p)) && p - from < 3) frac = frac * 10 + (s.charAt(p++) - '0');
    int digits = p - from;
    if (digits == 0 || (p < n && VttSyntax.isDigit(s.charAt(p)))) return -1;
    if (digits == 1) frac *= 100;
    else if (digits == 2) frac *= 10;
    long h = count == 3 ? parts[0] : 0;
    long m = count == 3 ? parts[1] : parts[0];
    long sec = count == 3 ? parts[2] : parts[1];
    if (count == 2 && m > 59) return -1;
    pos[0] = p;
    return h * 3_600_000L + m * 60_000L + sec * 1000L + frac;
  }
}
