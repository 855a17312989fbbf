package dev.captions.shaping;

import java.util.Locale;
import java.util.Set;

/**
 * English line-break rules from the Netflix general requirements. Without a part-of-speech tagger the word classes are
 * closed lists (articles, pronouns, auxiliaries, conjunctions, prepositions) plus suffix heuristics for adjectives and
 * capitalisation for names; they cover the common cases, not every sentence.
 */
final class EnglishLineBreakRules implements LineBreakRules {
  static final EnglishLineBreakRules INSTANCE = new EnglishLineBreakRules();

  private static final Set<String> ARTICLES_AND_DETERMINERS = Set.of("a", "an", "the", "this", "that", "these",
      "those", "my", "your", "his", "her", "its", "our", "their", "some", "any", "no", "every", "each");
  private static final Set<String> SUBJECT_PRONOUNS = Set.of("i", "you", "he", "she", "we", "they", "it");
  private static final Set<String> AUXILIARIES = Set.of("am", "is", "are", "was", "were", "be", "been", "being",
      "have", "has", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
      "must", "i'm", "you're", "we're", "they're", "he's", "she's", "it's", "i've", "you've", "we've", "they've",
      "i'll", "you'll", "he'll", "she'll", "we'll", "they'll", "i'd", "you'd", "he'd", "she'd", "we'd", "they'd");
  private static final Set<String> NEGATIONS_AND_REFLEXIVES = Set.of("not", "n't", "myself", "yourself", "himself",
      "herself", "itself", "ourselves", "yourselves", "themselves");
  private static final Set<String> CONJUNCTIONS = Set.of("and", "but", "or", "nor", "so", "yet", "because",
      "although", "though", "while", "whereas", "if", "unless", "until", "when", "where", "which", "who", "that",
      "since", "then");
  private static final Set<String> PREPOSITIONS = Set.of("about", "above", "across", "after", "against", "along",
      "among", "around", "at", "before", "behind", "below", "beneath", "beside", "between", "beyond", "by", "during",
      "except", "for", "from", "in", "inside", "into", "near", "of", "off", "on", "onto", "out", "outside", "over",
      "past", "through", "throughout", "to", "toward", "towards", "under", "underneath", "upon", "with", "within",
      "without");
  private static final Set<String> COMMON_ADJECTIVES = Set.of("good", "bad", "new", "old", "big", "small", "great",
      "little", "long", "short", "high", "low", "young", "large", "same", "other", "different", "important", "right",
      "wrong", "next", "last", "first", "whole", "real", "best", "better", "sure", "free", "full", "early", "late",
      "hard", "easy", "strong", "true", "white", "black", "red", "blue", "green", "dark", "cold", "hot", "warm",
      "beautiful", "nice", "poor", "rich", "open", "dead", "clear", "single", "own", "many", "much", "few",
      "several", "strange", "quiet", "deep", "wide", "huge", "tiny", "sweet", "fine", "simple");
  private static final String[] ADJECTIVE_SUFFIXES = {"ful", "ous", "ive", "able", "ible", "less", "ish", "ical"};

  private EnglishLineBreakRules() {}

  @Override
  public int breakCost(String left, String right) {
    if (LineBreakRules.endsWithPunctuation(left)) return PREFERRED;
    String l = normalize(left);
    String r = normalize(right);
    if (ARTICLES_AND_DETERMINERS.contains(l) && !l.equals("that")) return FORBIDDEN;
    if (SUBJECT_PRONOUNS.contains(l) && !l.equals("it") || AUXILIARIES.contains(l)) return FORBIDDEN;
    if (NEGATIONS_AND_REFLEXIVES.contains(r) || r.startsWith("n't")) return FORBIDDEN;
    if (isAdjective(l) && !CONJUNCTIONS.contains(r) && !PREPOSITIONS.contains(r)) return FORBIDDEN;
    if (isName(left) && isName(right)) return FORBIDDEN;
    if (CONJUNCTIONS.contains(r)) return GOOD;
    if (PREPOSITIONS.contains(r)) return GOOD + 1;
    return NEUTRAL;
  }

  private static boolean isAdjective(String w) {
    if (COMMON_ADJECTIVES.contains(w)) return true;
    if (w.length() < 6) return false;
    for (String s : ADJECTIVE_SUFFIXES) if (w.endsWith(s)) return true;
    return false;
  }

  // Capitalised, not "I", not an all-caps acronym: likely part of a name ("Jane Doe").
  private static boolean isName(String w) {
    if (w.length() < 2 || !Character.isUpperCase(w.charAt(0))) return false;
    return Character.isLowerCase(w.charAt(1)) && !AUXILIARIES.contains(normalize(w));
  }

  private static String normalize(String w) {
    int from = 0;
    int to = w.length();
    while (from < to && !Character.isLetterOrDigit(w.charAt(from))) from++;
    while (to > from && !Character.isLetterOrDigit(w.charAt(to - 1))) to--;
    return w.substring(from, to).toLowerCase(Locale.ROOT).replace('\u2019', '\'');
  }
}
