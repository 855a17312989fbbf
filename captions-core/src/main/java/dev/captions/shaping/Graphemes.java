package dev.captions.shaping;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

/** Grapheme-cluster helpers for text without spaces (Chinese, Japanese, Thai). Thread-safe. */
final class Graphemes {
  private Graphemes() {}

  /** The displayed width of {@code s}: its number of grapheme clusters. */
  static int width(String s) {
    int n = s.length();
    boolean simple = true;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) >= 0x300) {
        simple = false;
        break;
      }
    }
    if (simple) return n;
    BreakIterator it = BreakIterator.getCharacterInstance();
    it.setText(s);
    int count = 0;
    while (it.next() != BreakIterator.DONE) count++;
    return count;
  }

  /** True for scripts written without spaces between words, and their full-width punctuation. */
  static boolean isNoSpaceScript(int cp) {
    if (cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF) return true;
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.THAI
        || s == Character.UnicodeScript.LAO || s == Character.UnicodeScript.KHMER
        || s == Character.UnicodeScript.MYANMAR;
  }

  static boolean hasNoSpaceScript(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (cp >= 0x0E00 && isNoSpaceScript(cp)) return true;
      i += Character.charCount(cp);
    }
    return false;
  }

  /**
   * Splits a space-free word into breakable pieces: one piece per grapheme cluster of a no-space script, while runs of
   * other characters (e.g. "Java" inside Chinese text) stay whole. Never splits a cluster or a surrogate pair.
   */
  static List<String> pieces(String word) {
    List<String> out = new ArrayList<>();
    BreakIterator it = BreakIterator.getCharacterInstance();
    it.setText(word);
    StringBuilder run = new StringBuilder();
    int start = it.first();
    for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
      String cluster = word.substring(start, end);
      if (isNoSpaceScript(cluster.codePointAt(0))) {
        if (run.length() > 0) {
          out.add(run.toString());
          run.setLength(0);
        }
        // Closing punctuation stays with the cluster before it, as line-start punctuation is not allowed in CJK.
        if (!out.isEmpty() && isClosingPunctuation(cluster.codePointAt(0))) {
          out.set(out.size() - 1, out.get(out.size() - 1) + cluster);
        } else {
          out.add(cluster);
        }
      } else {
        run.append(cluster);
      }
    }
    if (run.length() > 0) out.add(run.toString());
    return out;
  }

  private static boolean isClosingPunctuation(int cp) {
    return cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0xFF01 || cp == 0xFF1F || cp == 0x300D
        || cp == 0x300F || cp == 0xFF09 || cp == 0x30FC;
  }
}
