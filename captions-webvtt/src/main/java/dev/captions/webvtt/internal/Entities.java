package dev.captions.webvtt.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * Character references in cue text and annotations. WebVTT uses the HTML named references; we decode the ones seen in
 * real caption files (a small table keeps the module light) plus every numeric form. An unknown reference is kept
 * literally, as the HTML tokenizer does.
 */
public final class Entities {
  private static final Map<String, String> NAMED = new HashMap<>();

  static {
    String[] pairs = {
      "amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00A0", "lrm", "\u200E", "rlm", "\u200F",
      "copy", "\u00A9", "reg", "\u00AE", "trade", "\u2122", "hellip", "\u2026", "mdash", "\u2014", "ndash", "\u2013",
      "lsquo", "\u2018", "rsquo", "\u2019", "ldquo", "\u201C", "rdquo", "\u201D", "laquo", "\u00AB", "raquo", "\u00BB",
      "shy", "\u00AD", "zwj", "\u200D", "zwnj", "\u200C", "euro", "\u20AC", "deg", "\u00B0", "middot", "\u00B7",
      "iexcl", "\u00A1", "iquest", "\u00BF", "sect", "\u00A7", "para", "\u00B6", "times", "\u00D7", "divide", "\u00F7",
      "eacute", "\u00E9", "egrave", "\u00E8", "aacute", "\u00E1", "agrave", "\u00E0", "ntilde", "\u00F1",
      "ouml", "\u00F6", "uuml", "\u00FC", "auml", "\u00E4", "szlig", "\u00DF", "ccedil", "\u00E7", "iacute", "\u00ED",
      "oacute", "\u00F3", "uacute", "\u00FA", "bull", "\u2022", "hearts", "\u2665", "sharp", "\u266F", "flat", "\u266D",
      "sung", "\u266A"
    };
    for (int i = 0; i < pairs.length; i += 2) NAMED.put(pairs[i], pairs[i + 1]);
  }

  private Entities() {}

  /**
   * Decodes the reference starting at {@code s[at] == '&'}. Appends the result to {@code out} and returns the index
   * after it, or returns {@code -1} (appending nothing) when there is no valid reference there.
   */
  public static int decode(CharSequence s, int at, int end, StringBuilder out) {
    int i = at + 1;
    if (i < end && s.charAt(i) == '#') {
      i++;
      boolean hex = i < end && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
      if (hex) i++;
      int from = i;
      long cp = 0;
      while (i < end && i - from < 8) {
        char c = s.charAt(i);
        int d = Character.digit(c, hex ? 16 : 10);
        if (d < 0) break;
        cp = cp * (hex ? 16 : 10) + d;
        i++;
      }
      if (i == from || i >= end || s.charAt(i) != ';') return -1;
      if (cp == 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
        out.append('\uFFFD');
      } else {
        out.appendCodePoint((int) cp);
      }
      return i + 1;
    }
    int from = i;
    while (i < end && i - from < 10 && Character.isLetterOrDigit(s.charAt(i))) i++;
    if (i == from || i >= end || s.charAt(i) != ';') return -1;
    String v = NAMED.get(s.subSequence(from, i).toString());
    if (v == null) return -1;
    out.append(v);
    return i + 1;
  }

  /** Decodes every reference in {@code s}; unknown ones stay as they are. */
  public static String decodeAll(String s) {
    int amp = s.indexOf('&');
    if (amp < 0) return s;
    StringBuilder sb = new StringBuilder(s.length());
    sb.append(s, 0, amp);
    int n = s.length();
    for (int i = amp; i < n; ) {
      char c = s.charAt(i);
      if (c == '&') {
        int next = decode(s, i, n, sb);
        if (next > 0) {
          i = next;
          continue;
        }
      }
      sb.append(c);
      i++;
    }
    return sb.toString();
  }

  /** Escapes {@code & < >} for WebVTT text. */
  public static void escape(CharSequence s, StringBuilder out) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          out.append("&amp;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        default:
          out.append(c);
      }
    }
  }
}
