package dev.captions.webvtt.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Character references in cue text and annotations. WebVTT's cue text tokenizer uses HTML's "consume a character
 * reference" (outside an attribute), so this decodes exactly what a browser decodes: every HTML named reference, the
 * legacy names also without {@code ;} ({@code &amp}, {@code &eacute}), numeric references with or without {@code ;}
 * and with any number of leading zeros, {@code &#128;}–{@code &#159;} through windows-1252, and U+FFFD for NUL,
 * surrogates and values past U+10FFFF. What is not a reference is left as it is. Thread-safe.
 *
 * <p>The named table (2,231 names, 106 of them legacy) is loaded once, on first use, from
 * {@code dev/captions/webvtt/html-entities.txt}; text without a named reference never loads it. The table was
 * converted from the npm package {@code entities@2.2.0} (BSD-2-Clause, licence in the file's header), which carries
 * the WHATWG list.
 */
public final class Entities {
  /** Longest name in the table ({@code CounterClockwiseContourIntegral}); longer runs cannot match. */
  private static final int MAX_NAME = 31;
  /** Longest legacy name ({@code middot}, {@code frac12}, ...). */
  private static final int MAX_LEGACY = 6;

  /** HTML's replacements for numeric references to C1 controls (windows-1252); 0 = no replacement. */
  private static final char[] C1 = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
  };

  private Entities() {}

  /** Loaded on first use of a named reference (class initialisation is lazy and thread-safe). */
  private static final class Table {
    /** Every name (without its {@code ;}) → its characters. */
    static final Map<String, String> NAMED = new HashMap<>(4096);
    /** The legacy names that also count without {@code ;}. */
    static final Map<String, String> LEGACY = new HashMap<>(256);

    static {
      String resource = "/dev/captions/webvtt/html-entities.txt";
      try (InputStream in = Entities.class.getResourceAsStream(resource)) {
        if (in == null) throw new IllegalStateException(resource + " is missing from the classpath");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder(4);
        for (String line; (line = r.readLine()) != null; ) {
          if (line.isEmpty() || line.charAt(0) == '#') continue;
          String[] f = line.split(" ");
          sb.setLength(0);
          boolean legacy = false;
          for (int k = 1; k < f.length; k++) {
            if (f[k].equals("+")) {
              legacy = true;
            } else {
              sb.appendCodePoint(Integer.parseInt(f[k], 16));
            }
          }
          String value = sb.toString();
          NAMED.put(f[0], value);
          if (legacy) LEGACY.put(f[0], value);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
  }

  private static boolean isAsciiAlphanumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static int digit(char c, boolean hex) {
    if (c >= '0' && c <= '9') return c - '0';
    if (!hex) return -1;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  /**
   * Decodes the reference starting at {@code s[at] == '&'} as HTML's "consume a character reference" does. Appends
   * the result to {@code out} and returns the index after it, or returns {@code -1} (appending nothing) when there is
   * no reference there, in which case the {@code '&'} is literal text.
   */
  public static int decode(CharSequence s, int at, int end, StringBuilder out) {
    int i = at + 1;
    if (i >= end) return -1;
    if (s.charAt(i) == '#') {
      i++;
      boolean hex = i < end && (s.charAt(i) == 'x' || s.charAt(i) == 'X');
      if (hex) i++;
      int from = i;
      long cp = 0;
      int d;
      while (i < end && (d = digit(s.charAt(i), hex)) >= 0) {
        // Saturate: any number of leading zeros is fine, any overflow is "too large".
        if (cp <= Character.MAX_CODE_POINT) cp = cp * (hex ? 16 : 10) + d;
        i++;
      }
      if (i == from) return -1;
      if (i < end && s.charAt(i) == ';') i++;
      out.appendCodePoint(numericValue(cp));
      return i;
    }
    int from = i;
    int limit = Math.min(end, from + MAX_NAME + 1);
    while (i < limit && isAsciiAlphanumeric(s.charAt(i))) i++;
    if (i == from) return -1;
    if (i < end && s.charAt(i) == ';' && i - from <= MAX_NAME) {
      String v = Table.NAMED.get(s.subSequence(from, i).toString());
      if (v != null) {
        out.append(v);
        return i + 1;
      }
    }
    // HTML takes the longest legacy name that prefixes the run: "&notit;" is "¬it;".
    for (int k = Math.min(i, from + MAX_LEGACY); k > from; k--) {
      String v = Table.LEGACY.get(s.subSequence(from, k).toString());
      if (v != null) {
        out.append(v);
        return k;
      }
    }
    return -1;
  }

  private static int numericValue(long cp) {
    if (cp == 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
    if (cp >= 0x80 && cp <= 0x9F && C1[(int) cp - 0x80] != 0) return C1[(int) cp - 0x80];
    return (int) cp;
  }

  /**
   * Checks the reference at {@code s[at] == '&'} against HTML's authoring rules (which WebVTT cue text syntax
   * adopts): a known name or a number, ending in {@code ;}, a number naming an allowed character. Returns {@code null}
   * when it is valid, else what is wrong, phrased for a validator message.
   */
  public static String referenceProblem(CharSequence s, int at, int end) {
    StringBuilder scratch = new StringBuilder(2);
    int next = decode(s, at, end, scratch);
    if (next < 0) return "'&' must start a character reference (write '&amp;')";
    String ref = s.subSequence(at, next).toString();
    if (s.charAt(next - 1) != ';') {
      return "character reference '" + ref + "' must end with ';'";
    }
    if (s.charAt(at + 1) == '#') {
      boolean hex = s.charAt(at + 2) == 'x' || s.charAt(at + 2) == 'X';
      long cp = 0;
      for (int i = at + (hex ? 3 : 2); i < next - 1; i++) {
        if (cp <= Character.MAX_CODE_POINT) cp = cp * (hex ? 16 : 10) + digit(s.charAt(i), hex);
      }
      if (!allowedNumeric(cp)) {
        return "character reference '" + ref + "' names a character that is not allowed (NUL, CR, a control, "
            + "a surrogate, a noncharacter or past U+10FFFF)";
      }
    }
    return null;
  }

  private static boolean allowedNumeric(long cp) {
    if (cp == 0 || cp == 0x0D || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if ((cp < 0x20 && cp != 0x09 && cp != 0x0A && cp != 0x0C) || (cp >= 0x7F && cp <= 0x9F)) return false;
    return !((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE);
  }

  /** Decodes every reference in {@code s}; what is not a reference stays as it is. */
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
