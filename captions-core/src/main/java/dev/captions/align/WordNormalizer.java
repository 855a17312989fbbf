package dev.captions.align;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a written word into the tokens a recogniser would output for it, so that a transcript and a recognition can be
 * compared: lower case, punctuation dropped (apostrophes inside words kept), hyphenated words split, and for English
 * numbers written as digits spoken as words ({@code "25"} → {@code twenty five}, {@code "2024"} → {@code twenty
 * twenty four}, {@code "3.5"} → {@code three point five}, {@code "40%"} → {@code forty percent}). Other languages keep
 * digits as they are (they then simply do not match, and are placed between their neighbours).
 *
 * <p>Immutable and thread-safe.
 */
public final class WordNormalizer {
  private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
      "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
      "ninety"};

  private final boolean english;

  private WordNormalizer(boolean english) {
    this.english = english;
  }

  /**
   * The normaliser for a language.
   *
   * @param language a BCP-47 tag (e.g. {@code "en-GB"}), or {@code "und"}; not null
   * @return a normaliser that spells numbers in English for English, and keeps digits otherwise
   */
  public static WordNormalizer forLanguage(String language) {
    String l = Objects.requireNonNull(language, "language == null").toLowerCase(Locale.ROOT);
    return new WordNormalizer(l.equals("en") || l.startsWith("en-"));
  }

  /**
   * The tokens {@code word} is spoken as.
   *
   * @param word one written word as a transcript holds it (may carry punctuation); not null
   * @return the tokens, possibly empty (a lone punctuation mark); never null
   */
  public List<String> tokens(String word) {
    List<String> out = new ArrayList<>(2);
    String w = Normalizer.normalize(word, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < w.length(); ) {
      int c = w.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
        cur.appendCodePoint(c);
      } else if (c == '\'' && cur.length() > 0 && i < w.length() && Character.isLetter(w.codePointAt(i))) {
        cur.append('\'');
      } else if ((c == '.' || c == ',') && english && cur.length() > 0 && Character.isDigit(cur.charAt(cur.length() - 1))
          && i < w.length() && Character.isDigit(w.charAt(i))) {
        cur.append((char) c); // 3.5, 1,000
      } else if (c == '%' && english) {
        flush(cur, out);
        out.add("percent");
      } else {
        flush(cur, out);
      }
    }
    flush(cur, out);
    return out;
  }

  private void flush(StringBuilder cur, List<String> out) {
    if (cur.length() == 0) return;
    String t = cur.toString();
    cur.setLength(0);
    if (english && Character.isDigit(t.charAt(0))) {
      spellNumber(t, out);
    } else {
      out.add(t);
    }
  }

  /** "1,000" → one thousand; "3.5" → three point five; "2024" → twenty twenty four; "25th" → twenty fifth-ish. */
  private static void spellNumber(String t, List<String> out) {
    int letters = 0;
    while (letters < t.length() && !Character.isLetter(t.charAt(letters))) letters++;
    String digits = t.substring(0, letters).replace(",", "");
    String suffix = t.substring(letters); // "th", "s" (1990s): kept as a token of its own, rarely matters
    int dot = digits.indexOf('.');
    String whole = dot < 0 ? digits : digits.substring(0, dot);
    if (whole.isEmpty() || whole.length() > 12 || !whole.chars().allMatch(Character::isDigit)) {
      out.add(t);
      return;
    }
    long n = Long.parseLong(whole);
    if (dot < 0 && whole.length() == 4 && n >= 1100 && n <= 2099 && n % 100 != 0 && !(n >= 2000 && n <= 2009)) {
      cardinal(n / 100, out); // a year: 1984 → nineteen eighty four; 2024 → twenty twenty four
      if (n % 100 < 10) out.add("oh");
      cardinal(n % 100, out);
    } else {
      cardinal(n, out);
    }
    if (dot >= 0) {
      out.add("point");
      for (char c : digits.substring(dot + 1).toCharArray()) if (Character.isDigit(c)) out.add(ONES[c - '0']);
    }
    if (!suffix.isEmpty() && !suffix.equals("s")) out.add(suffix);
  }

  private static void cardinal(long n, List<String> out) {
    if (n < 20) {
      out.add(ONES[(int) n]);
      return;
    }
    long[] scales = {1_000_000_000L, 1_000_000L, 1000L, 100L};
    String[] names = {"billion", "million", "thousand", "hundred"};
    for (int i = 0; i < scales.length; i++) {
      if (n >= scales[i]) {
        cardinal(n / scales[i], out);
        out.add(names[i]);
        n %= scales[i];
        if (n == 0) return;
      }
    }
    if (n >= 20) {
      out.add(TENS[(int) (n / 10)]);
      if (n % 10 != 0) out.add(ONES[(int) (n % 10)]);
    } else {
      out.add(ONES[(int) n]);
    }
  }
}
