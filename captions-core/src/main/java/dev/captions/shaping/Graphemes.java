package dev.captions.shaping;

import java.lang.reflect.Method;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Grapheme clusters and word pieces for line lengths, reading speed and line breaks. Thread-safe.
 *
 * <p><b>Grapheme clusters</b> follow the extended grapheme cluster rules of UAX #29 (GB3–GB13: CR LF, controls,
 * Hangul syllable sequences, combining marks, spacing marks, prepend marks, emoji ZWJ sequences, emoji modifiers and
 * tags, regional-indicator flag pairs), implemented here because the JDK 17 {@code BreakIterator} predates them
 * (👨‍👩‍👧 counted 5, 🇩🇪 2) and core takes no dependency beyond slf4j. Character properties come from the JDK's
 * {@code Character} tables (Unicode 13 on JDK 17) plus the few code point ranges the rules name; Extended_Pictographic
 * is approximated by its blocks. GB9c (Indic conjunct clusters, added in Unicode 15.1: क्ष is one cluster, a consonant,
 * a virama and a consonant) uses the Indic_Conjunct_Break values written out below: Linker (the six viramas),
 * Consonant (the consonants of Bengali, Devanagari, Gujarati, Malayalam, Oriya and Telugu) and Extend, derived from
 * the cluster property as Unicode 15.1 does (and ICU4J 76's rules): Grapheme_Cluster_Break ZWJ, or Extend with a
 * non-zero canonical combining class, less the Linkers. {@code GraphemesTest} checks these values against ICU4J for every code point the JDK knows, the
 * clusters against ICU4J on random Indic sequences, and the GB9c cases of Unicode's {@code GraphemeBreakTest.txt}.
 *
 * <p><b>Words in scripts without spaces</b> (Thai, Lao, Khmer, Burmese) need a dictionary: ICU's word
 * {@code BreakIterator} is used when it is on the class path ({@code com.ibm.icu:icu4j}, or {@code android.icu} on
 * Android), found by reflection; without it, the JDK's word iterator, which has a Thai dictionary (Lao, Khmer and
 * Burmese then fall back to grapheme clusters). Chinese and Japanese break between any two clusters.
 */
final class Graphemes {
  private Graphemes() {}

  /** The displayed width of {@code s}: its number of grapheme clusters. */
  static int width(String s) {
    int n = s.length();
    boolean simple = true;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) >= 0x300 || s.charAt(i) == '\r') {
        simple = false;
        break;
      }
    }
    if (simple) return n;
    int count = 0;
    for (int i = 0; i < n; i = next(s, i)) count++;
    return count;
  }

  /** The end of the grapheme cluster that starts at {@code from} (UAX #29 extended grapheme clusters). */
  static int next(CharSequence s, int from) {
    int n = s.length();
    if (from >= n) return n;
    int cp = Character.codePointAt(s, from);
    int i = from + Character.charCount(cp);
    int prev = property(cp);
    if (prev == CR) return i < n && s.charAt(i) == '\n' ? i + 1 : i; // GB3, GB4
    if (prev == CONTROL || prev == LF) return i; // GB4
    boolean pictographicRun = prev == PICTO; // ExtPict Extend* just seen (GB11)
    boolean joinerAfterRun = false; // ExtPict Extend* ZWJ just seen: a following ExtPict joins (GB11)
    int regional = prev == RI ? 1 : 0;
    int conjunct = conjunct(NO_CONJUNCT, cp, prev); // GB9c
    while (i < n) {
      int c = Character.codePointAt(s, i);
      int p = property(c);
      if (p == CONTROL || p == CR || p == LF) return i; // GB5
      boolean join;
      if (prev == L) join = p == L || p == V || p == LV || p == LVT; // GB6
      else if (prev == LV || prev == V) join = p == V || p == T; // GB7
      else if (prev == LVT || prev == T) join = p == T; // GB8
      else join = false;
      if (p == EXTEND || p == ZWJ || p == SPACING) join = true; // GB9, GB9a
      if (prev == PREPEND) join = true; // GB9b
      if (p == PICTO && joinerAfterRun) join = true; // GB11
      if (prev == RI && p == RI && regional % 2 == 1) join = true; // GB12, GB13
      if (conjunct == AFTER_LINKER && isConjunctConsonant(c)) join = true; // GB9c
      if (!join) return i;
      conjunct = conjunct(conjunct, c, p);
      // ZWJ is not Extend: in "ExtPict ZWJ ZWJ ExtPict" the second ZWJ ends the run, so the last ExtPict breaks.
      joinerAfterRun = p == ZWJ && pictographicRun;
      pictographicRun = p == PICTO || (p == EXTEND && pictographicRun);
      regional = p == RI ? regional + 1 : 0;
      prev = p;
      i += Character.charCount(c);
    }
    return n;
  }

  /** GB9c states: no consonant, Consonant [Extend Linker]* without a Linker yet, and with one. */
  private static final int NO_CONJUNCT = 0;
  private static final int AFTER_CONSONANT = 1;
  private static final int AFTER_LINKER = 2;

  /** The GB9c state after {@code cp}, whose Grapheme_Cluster_Break is {@code property}, in state {@code state}. */
  private static int conjunct(int state, int cp, int property) {
    switch (indicConjunctBreak(cp, property)) {
      case INCB_CONSONANT:
        return AFTER_CONSONANT;
      case INCB_LINKER:
        return state == NO_CONJUNCT ? NO_CONJUNCT : AFTER_LINKER;
      case INCB_EXTEND:
        return state;
      default:
        return NO_CONJUNCT;
    }
  }

  static final int INCB_NONE = 0;
  static final int INCB_CONSONANT = 1;
  static final int INCB_EXTEND = 2;
  static final int INCB_LINKER = 3;

  /** The Indic_Conjunct_Break of {@code cp} (one of the {@code INCB_} values, numbered as ICU numbers them). */
  static int indicConjunctBreak(int cp) {
    return indicConjunctBreak(cp, property(cp));
  }

  private static int indicConjunctBreak(int cp, int property) {
    if (isConjunctLinker(cp)) return INCB_LINKER;
    if (isConjunctConsonant(cp)) return INCB_CONSONANT;
    if (property == ZWJ) return INCB_EXTEND;
    // Extend: Grapheme_Cluster_Break Extend with a non-zero combining class, less the Linkers (above).
    return property == EXTEND && hasCombiningClass(cp) ? INCB_EXTEND : INCB_NONE;
  }

  /**
   * Whether the canonical combining class of {@code cp} is not 0, found with the JDK's normaliser (the JDK has no
   * other way to ask): after U+0345 (class 240, the highest but for two-part marks), a mark of class 1 to 239 is
   * moved in front of it by canonical ordering, and one of class 0 is not. Called only within a conjunct.
   */
  private static boolean hasCombiningClass(int cp) {
    if (cp == 0x0345) return true;
    if (cp == 0x0F73 || cp == 0x0F75 || cp == 0x0F81) return false; // class 0, but decompose to marks of class > 0
    String mark = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
    String probe = "a\u0345" + mark;
    return !Normalizer.normalize(probe, Normalizer.Form.NFD).equals(probe);
  }

  /** Indic_Conjunct_Break=Linker: the viramas of Devanagari, Bengali, Gujarati, Oriya, Telugu and Malayalam. */
  private static boolean isConjunctLinker(int cp) {
    return cp == 0x094D || cp == 0x09CD || cp == 0x0ACD || cp == 0x0B4D || cp == 0x0C4D || cp == 0x0D4D;
  }

  /**
   * Indic_Conjunct_Break=Consonant, as start/end pairs: Indic_Syllabic_Category=Consonant in those six scripts (the
   * ranges of DerivedCoreProperties.txt, the same in Unicode 15.1 and 16.0; ICU4J 76 gives exactly these).
   */
  private static final int[] CONJUNCT_CONSONANTS = {0x0915, 0x0939, 0x0958, 0x095F, 0x0978, 0x097F, 0x0995, 0x09A8,
      0x09AA, 0x09B0, 0x09B2, 0x09B2, 0x09B6, 0x09B9, 0x09DC, 0x09DD, 0x09DF, 0x09DF, 0x09F0, 0x09F1, 0x0A95, 0x0AA8,
      0x0AAA, 0x0AB0, 0x0AB2, 0x0AB3, 0x0AB5, 0x0AB9, 0x0AF9, 0x0AF9, 0x0B15, 0x0B28, 0x0B2A, 0x0B30, 0x0B32, 0x0B33,
      0x0B35, 0x0B39, 0x0B5C, 0x0B5D, 0x0B5F, 0x0B5F, 0x0B71, 0x0B71, 0x0C15, 0x0C28, 0x0C2A, 0x0C39, 0x0C58, 0x0C5A,
      0x0D15, 0x0D3A};

  private static boolean isConjunctConsonant(int cp) {
    if (cp < 0x0915 || cp > 0x0D3A) return false;
    for (int k = 0; k < CONJUNCT_CONSONANTS.length; k += 2) {
      if (cp < CONJUNCT_CONSONANTS[k]) return false;
      if (cp <= CONJUNCT_CONSONANTS[k + 1]) return true;
    }
    return false;
  }

  private static final int OTHER = 0;
  private static final int CR = 1;
  private static final int LF = 2;
  private static final int CONTROL = 3;
  private static final int EXTEND = 4;
  private static final int ZWJ = 5;
  private static final int SPACING = 6;
  private static final int PREPEND = 7;
  private static final int RI = 8;
  private static final int L = 9;
  private static final int V = 10;
  private static final int T = 11;
  private static final int LV = 12;
  private static final int LVT = 13;
  private static final int PICTO = 14;

  /** The Grapheme_Cluster_Break property (plus Extended_Pictographic) of {@code cp}. */
  private static int property(int cp) {
    if (cp < 0x7F) {
      if (cp >= 0x20) return OTHER;
      return cp == '\r' ? CR : cp == '\n' ? LF : CONTROL;
    }
    if (cp == 0x200D) return ZWJ;
    if (cp == 0x200C || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F)
        || (cp >= 0xFF9E && cp <= 0xFF9F)) {
      return EXTEND;
    }
    if (cp >= 0x1F1E6 && cp <= 0x1F1FF) return RI;
    if (cp >= 0x1100 && cp <= 0x115F || cp >= 0xA960 && cp <= 0xA97C) return L;
    if (cp >= 0x1160 && cp <= 0x11A7 || cp >= 0xD7B0 && cp <= 0xD7C6) return V;
    if (cp >= 0x11A8 && cp <= 0x11FF || cp >= 0xD7CB && cp <= 0xD7FB) return T;
    if (cp >= 0xAC00 && cp <= 0xD7A3) return (cp - 0xAC00) % 28 == 0 ? LV : LVT;
    if (cp == 0x0E33 || cp == 0x0EB3) return SPACING; // Thai SARA AM, Lao AM
    if (cp >= 0x0600 && cp <= 0x0605 || cp == 0x06DD || cp == 0x070F || cp == 0x0890 || cp == 0x0891
        || cp == 0x08E2 || cp == 0x0D4E || cp == 0x110BD || cp == 0x110CD) {
      return PREPEND;
    }
    if (isExtendedPictographic(cp)) return PICTO;
    switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
        return EXTEND;
      case Character.COMBINING_SPACING_MARK:
        return GRAPHEME_EXTEND_MC.indexOf(cp) >= 0 ? EXTEND : SPACING;
      case Character.CONTROL:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.UNASSIGNED:
        return Character.getType(cp) == Character.UNASSIGNED && !isControlUnassigned(cp) ? OTHER : CONTROL;
      default:
        return OTHER;
    }
  }

  /** Spacing marks that are Grapheme_Extend (so Extend, not SpacingMark), e.g. Tamil AU length mark. */
  private static final String GRAPHEME_EXTEND_MC = new String(new int[] {0x09BE, 0x09D7, 0x0B3E, 0x0B57, 0x0BBE,
      0x0BD7, 0x0CC2, 0x0CD5, 0x0CD6, 0x0D3E, 0x0D57, 0x0DCF, 0x0DDF, 0x1B35, 0x302E, 0x302F, 0x1D165, 0x1D16E,
      0x1D16F, 0x1D170, 0x1D171, 0x1D172}, 0, 22);

  /** Default_Ignorable unassigned code points count as Control in UAX #29; other unassigned ones do not. */
  private static boolean isControlUnassigned(int cp) {
    return cp >= 0xFFF0 && cp <= 0xFFF8 || cp >= 0xE0000 && cp <= 0xE0FFF || cp >= 0x2065 && cp <= 0x2065;
  }

  /** Extended_Pictographic, by the blocks it covers (the property lists exactly these, less a few holes). */
  private static boolean isExtendedPictographic(int cp) {
    if (cp < 0x00A9) return false;
    if (cp == 0x00A9 || cp == 0x00AE || cp == 0x203C || cp == 0x2049 || cp == 0x2122 || cp == 0x2139) return true;
    if (cp >= 0x2194 && cp <= 0x2199 || cp == 0x21A9 || cp == 0x21AA || cp == 0x231A || cp == 0x231B
        || cp == 0x2328 || cp == 0x2388 || cp == 0x23CF || cp >= 0x23E9 && cp <= 0x23F3
        || cp >= 0x23F8 && cp <= 0x23FA || cp == 0x24C2 || cp == 0x25AA || cp == 0x25AB || cp == 0x25B6
        || cp == 0x25C0 || cp >= 0x25FB && cp <= 0x25FE) {
      return true;
    }
    if (cp >= 0x2600 && cp <= 0x27BF) return cp <= 0x2605 || cp >= 0x2607; // Misc Symbols, Dingbats (less ★☆…)
    if (cp == 0x2934 || cp == 0x2935 || cp >= 0x2B05 && cp <= 0x2B07 || cp == 0x2B1B || cp == 0x2B1C
        || cp == 0x2B50 || cp == 0x2B55 || cp == 0x3030 || cp == 0x303D || cp == 0x3297 || cp == 0x3299) {
      return true;
    }
    if (cp >= 0x1F000 && cp <= 0x1FAFF) {
      // Not the regional indicators, the emoji modifiers nor the enclosed alphanumerics' letters.
      return !(cp >= 0x1F1E6 && cp <= 0x1F1FF) && !(cp >= 0x1F3FB && cp <= 0x1F3FF)
          && !(cp >= 0x1F100 && cp <= 0x1F10C) && !(cp >= 0x1F110 && cp <= 0x1F16B && cp != 0x1F12F)
          && !(cp >= 0x1F170 && cp <= 0x1F18D && cp != 0x1F17E && cp != 0x1F17F && cp != 0x1F18E);
    }
    return cp >= 0x1FC00 && cp <= 0x1FFFD;
  }

  /** True for scripts written without spaces between words, and their full-width punctuation. */
  static boolean isNoSpaceScript(int cp) {
    if (cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFFEF) return true;
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA || isDictionaryScript(s);
  }

  /** Thai, Lao, Khmer and Burmese: no spaces between words, and words that must not be broken inside. */
  private static boolean isDictionaryScript(Character.UnicodeScript s) {
    return s == Character.UnicodeScript.THAI || s == Character.UnicodeScript.LAO
        || s == Character.UnicodeScript.KHMER || s == Character.UnicodeScript.MYANMAR;
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
   * Splits a space-free word into breakable pieces: one piece per grapheme cluster of Chinese or Japanese, one per
   * dictionary word of Thai, Lao, Khmer or Burmese, while runs of other characters (e.g. "Java" inside Chinese text)
   * stay whole. Never splits a cluster or a surrogate pair.
   */
  static List<String> pieces(String word) {
    List<String> out = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    int n = word.length();
    for (int start = 0; start < n; ) {
      int end = next(word, start);
      int cp = word.codePointAt(start);
      if (isNoSpaceScript(cp)) {
        if (run.length() > 0) {
          out.add(run.toString());
          run.setLength(0);
        }
        if (isDictionaryScript(Character.UnicodeScript.of(cp))) {
          // The whole run of this script, split where its words end.
          int runEnd = end;
          while (runEnd < n && isDictionaryScript(Character.UnicodeScript.of(word.codePointAt(runEnd)))) {
            runEnd = next(word, runEnd);
          }
          out.addAll(words(word.substring(start, runEnd)));
          start = runEnd;
          continue;
        }
        String cluster = word.substring(start, end);
        // Closing punctuation stays with the cluster before it, as line-start punctuation is not allowed in CJK.
        if (!out.isEmpty() && isClosingPunctuation(cp)) {
          out.set(out.size() - 1, out.get(out.size() - 1) + cluster);
        } else {
          out.add(cluster);
        }
      } else {
        run.append(word, start, end);
      }
      start = end;
    }
    if (run.length() > 0) out.add(run.toString());
    return out;
  }

  /** Dictionary words of a Thai, Lao, Khmer or Burmese run; see the class comment for where they come from. */
  static List<String> words(String run) {
    int[] bounds = WordBreaks.INSTANCE.boundaries(run);
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int b : bounds) {
      if (b <= from || b > run.length()) continue;
      // A boundary inside a grapheme cluster would split it: keep the cluster whole.
      int safe = from;
      while (safe < b) safe = next(run, safe);
      out.add(run.substring(from, safe));
      from = safe;
    }
    if (from < run.length()) out.add(run.substring(from));
    return out;
  }

  private static boolean isClosingPunctuation(int cp) {
    return cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0xFF01 || cp == 0xFF1F || cp == 0x300D
        || cp == 0x300F || cp == 0xFF09 || cp == 0x30FC;
  }

  /** Word boundaries from ICU (found by reflection) or the JDK; chosen once. */
  static final class WordBreaks {
    static final WordBreaks INSTANCE = new WordBreaks();

    private final Class<?> icu;
    private final String source;

    private WordBreaks() {
      Class<?> found = null;
      for (String name : new String[] {"com.ibm.icu.text.BreakIterator", "android.icu.text.BreakIterator"}) {
        try {
          found = Class.forName(name);
          break;
        } catch (ClassNotFoundException | LinkageError e) {
          // not here: try the next
        }
      }
      icu = found;
      source = found != null ? found.getName() : "java.text.BreakIterator";
    }

    /** Which implementation gives the word boundaries, e.g. {@code "com.ibm.icu.text.BreakIterator"}. */
    String source() {
      return source;
    }

    /** The boundaries after position 0, ascending, ending with {@code text.length()}. */
    int[] boundaries(String text) {
      if (icu != null) {
        try {
          Object it = icu.getMethod("getWordInstance", Locale.class).invoke(null, Locale.ROOT);
          icu.getMethod("setText", String.class).invoke(it, text);
          Method next = icu.getMethod("next");
          List<Integer> out = new ArrayList<>();
          for (int b = (int) next.invoke(it); b != -1; b = (int) next.invoke(it)) out.add(b);
          return out.stream().mapToInt(Integer::intValue).toArray();
        } catch (ReflectiveOperationException | RuntimeException e) {
          // fall through to the JDK
        }
      }
      java.text.BreakIterator it = java.text.BreakIterator.getWordInstance(new Locale("th"));
      it.setText(text);
      List<Integer> out = new ArrayList<>();
      for (int b = it.next(); b != java.text.BreakIterator.DONE; b = it.next()) out.add(b);
      return out.stream().mapToInt(Integer::intValue).toArray();
    }
  }
}
