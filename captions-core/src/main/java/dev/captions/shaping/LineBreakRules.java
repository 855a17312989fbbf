package dev.captions.shaping;

import java.util.Objects;

/**
 * How good a place between two adjacent words is for a line or cue break, for one language. Implementations must be
 * thread-safe and fast (they are called for every candidate break).
 *
 * <p>Costs are small non-negative integers: {@link #PREFERRED} after punctuation, {@link #GOOD} before conjunctions and
 * prepositions, {@link #NEUTRAL} elsewhere, and {@link #FORBIDDEN} where the words belong together (article + noun,
 * …). The line breaker only uses a forbidden break when no other break lets the text fit.
 */
public interface LineBreakRules {
  /** The best place to break (after a sentence or clause). */
  int PREFERRED = 0;
  /** A good place to break. */
  int GOOD = 4;
  /** Neither good nor bad. */
  int NEUTRAL = 10;
  /** Never break here (unless there is no other place). */
  int FORBIDDEN = 1000;

  /**
   * The cost of breaking between {@code left} and {@code right} (both as displayed, punctuation included).
   *
   * @param left the text before the break
   * @param right the text after the break
   * @return the cost, from {@link #PREFERRED} (best) to {@link #FORBIDDEN}
   */
  int breakCost(String left, String right);

  /** Rules that only know punctuation: for languages without a rule set and for text without spaces. */
  LineBreakRules PUNCTUATION_ONLY = (left, right) -> endsWithPunctuation(left) ? PREFERRED : NEUTRAL;

  /** The English rule set (Netflix general requirements). */
  LineBreakRules ENGLISH = EnglishLineBreakRules.INSTANCE;

  /**
   * The rules registered for a BCP-47 tag's primary language ({@code "en-GB"} → {@code "en"}), else
   * {@link #PUNCTUATION_ONLY}. Never null.
   *
   * @param languageTag a BCP-47 tag, e.g. {@code "de-AT"}
   * @return the rules; never null
   */
  static LineBreakRules forLanguage(String languageTag) {
    return RulesRegistry.RULES.getOrDefault(RulesRegistry.primary(languageTag), PUNCTUATION_ONLY);
  }

  /**
   * Registers (or replaces) the rules for a primary language subtag such as {@code "de"}. Thread-safe.
   *
   * @param language a primary language subtag, lower case
   * @param rules the rules for that language
   */
  static void register(String language, LineBreakRules rules) {
    RulesRegistry.RULES.put(RulesRegistry.primary(Objects.requireNonNull(language, "language == null")),
        Objects.requireNonNull(rules, "rules == null"));
  }

  /**
   * True when the word ends with sentence or clause punctuation (quotes and brackets after it are ignored).
   *
   * @param word the word as displayed
   * @return true when the word ends with sentence or clause punctuation (quotes and brackets after it are ignored)
   */
  static boolean endsWithPunctuation(String word) {
    for (int i = word.length() - 1; i >= 0; i--) {
      char c = word.charAt(i);
      if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '\u201D' || c == '\u2019' || c == '\u300D') continue;
      return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\u2026' || c == '\u3001'
          || c == '\u3002' || c == '\uFF0C' || c == '\uFF01' || c == '\uFF1F' || c == '-' || c == '\u2014';
    }
    return false;
  }
}
