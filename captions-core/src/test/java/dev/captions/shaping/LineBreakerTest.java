package dev.captions.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests, one per line-break rule (Netflix general requirements), for NETFLIX_EN (42 x 2). */
class LineBreakerTest {
  private final LineBreaker en = LineBreaker.of(StyleProfile.NETFLIX_EN, LineBreakRules.ENGLISH);
  // No rules at all: every break costs the same, so only balance decides.
  private final LineBreaker flat = LineBreaker.of(StyleProfile.NETFLIX_EN, (l, r) -> LineBreakRules.NEUTRAL);

  private static String joined(LineBreaker breaker, String text) {
    return String.join("|", breaker.breakText(text));
  }

  @Test
  void shortTextStaysOnOneLine() {
    assertThat(en.breakText("Where are you going?")).containsExactly("Where are you going?");
  }

  @Test
  void balancedNotGreedy() {
    List<String> lines = en.breakText("We looked everywhere but nobody could tell us anything useful about it");
    // Greedy filling would give 41 + 28 characters.
    assertThat(lines).containsExactly("We looked everywhere but nobody", "could tell us anything useful about it");
  }

  /*
   * Each rule test below uses a text whose most balanced break (what a rule-less breaker picks) violates the rule,
   * and asserts both: the flat breaker breaks there, and the English rules move the break. Without the rule the
   * test fails.
   */

  @Test
  void breaksAfterPunctuation() {
    String text = "I know you did your best, but we walked back to the old house";
    assertThat(joined(flat, text)).isEqualTo("I know you did your best, but|we walked back to the old house");
    assertThat(en.breakText(text)).containsExactly("I know you did your best,", "but we walked back to the old house");
  }

  @Test
  void breaksBeforeConjunction() {
    assertThat(en.breakText("I wanted to call my brother yesterday but the phone was broken"))
        .containsExactly("I wanted to call my brother yesterday", "but the phone was broken");
  }

  @Test
  void breaksBeforePreposition() {
    String text = "She kept looking everywhere in the kitchen for the missing keys";
    assertThat(joined(flat, text)).isEqualTo("She kept looking everywhere in|the kitchen for the missing keys");
    assertThat(en.breakText(text)).containsExactly("She kept looking everywhere", "in the kitchen for the missing keys");
  }

  @Test
  void neverSeparatesArticleFromNoun() {
    String text = "He finally found the keys under the sofa in the living room last night";
    assertThat(joined(flat, text)).contains(" the|sofa");
    List<String> lines = en.breakText(text);
    assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).doesNotEndWith(" the").doesNotEndWith(" a"));
    assertThat(lines).containsExactly("He finally found the keys under the sofa", "in the living room last night");
  }

  @Test
  void neverSeparatesAdjectiveFromNoun() {
    List<String> lines = en.breakText("They built a remarkably beautiful house near the quiet river bank");
    assertThat(String.join("|", lines)).doesNotContain("beautiful|").doesNotContain("quiet|");
  }

  @Test
  void neverSeparatesFirstNameFromLastName() {
    String text = "Yesterday we had lunch with Jane Goodall and her whole film crew";
    assertThat(joined(flat, text)).contains("Jane|Goodall");
    assertThat(en.breakText(text)).containsExactly("Yesterday we had lunch with Jane Goodall", "and her whole film crew");
  }

  @Test
  void neverSeparatesPronounFromVerb() {
    String text = "After all these years of waiting we finally understood what she meant";
    assertThat(joined(flat, text)).contains(" we|finally");
    assertThat(en.breakText(text))
        .containsExactly("After all these years of waiting", "we finally understood what she meant");
  }

  @Test
  void neverSeparatesVerbFromAuxiliaryOrNegation() {
    String auxiliary = "The people in the big house have never been seen in the village";
    assertThat(joined(flat, auxiliary)).contains(" have|never");
    assertThat(joined(en, auxiliary)).doesNotContain("have|").isEqualTo(
        "The people in the big house|have never been seen in the village");

    String negation = "The old dog in the kitchen did not want to go out this morning";
    assertThat(joined(flat, negation)).contains(" did|not ");
    assertThat(joined(en, negation)).doesNotContain("did|").doesNotContain("|not").isEqualTo(
        "The old dog in the kitchen did not want|to go out this morning");
  }

  @Test
  void ruleCostsAreAsDocumented() {
    LineBreakRules r = LineBreakRules.ENGLISH;
    assertThat(r.breakCost("stopped,", "we")).isEqualTo(LineBreakRules.PREFERRED);
    assertThat(r.breakCost("yesterday", "but")).isEqualTo(LineBreakRules.GOOD);
    assertThat(r.breakCost("the", "market")).isEqualTo(LineBreakRules.FORBIDDEN);
    assertThat(r.breakCost("I", "think")).isEqualTo(LineBreakRules.FORBIDDEN);
    assertThat(r.breakCost("did", "not")).isEqualTo(LineBreakRules.FORBIDDEN);
    assertThat(r.breakCost("hurt", "himself")).isEqualTo(LineBreakRules.FORBIDDEN);
    assertThat(r.breakCost("Jane", "Goodall")).isEqualTo(LineBreakRules.FORBIDDEN);
    assertThat(r.breakCost("beautiful", "house")).isEqualTo(LineBreakRules.FORBIDDEN);
  }

  @Test
  void rulesArePluggablePerLanguage() {
    LineBreakRules german = (l, r) -> r.equals("und") ? LineBreakRules.PREFERRED : LineBreakRules.NEUTRAL;
    LineBreakRules.register("de", german);
    assertThat(LineBreakRules.forLanguage("de-AT")).isSameAs(german);
    assertThat(LineBreakRules.forLanguage("en-GB")).isSameAs(LineBreakRules.ENGLISH);
    assertThat(LineBreakRules.forLanguage("xx")).isSameAs(LineBreakRules.PUNCTUATION_ONLY);
  }

  @Test
  void cjkBreaksBetweenCharacters() {
    LineBreaker zh = LineBreaker.of(StyleProfile.NETFLIX_EN.toBuilder().maxCharsPerLine(16).build(),
        LineBreakRules.PUNCTUATION_ONLY);
    String text = "我们昨天在公园里散步，看到了很多美丽的花和一只小狗。";
    List<String> lines = zh.breakText(text);
    assertThat(lines).hasSize(2);
    assertThat(String.join("", lines)).isEqualTo(text);
    assertThat(lines).allSatisfy(l -> assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(16));
    // Punctuation never starts a line, and the comma is the preferred break.
    assertThat(lines.get(0)).endsWith("，");
  }

  @Test
  void thaiNeverBreaksInsideAGraphemeCluster() {
    LineBreaker th = LineBreaker.of(StyleProfile.NETFLIX_EN.toBuilder().maxCharsPerLine(8).build(),
        LineBreakRules.PUNCTUATION_ONLY);
    // "สวัสดีครับ" has combining vowels and tone marks (ั, ี, ั) that belong to the consonant before them.
    String text = "สวัสดีครับทุกคนที่นี่";
    List<String> lines = th.breakText(text);
    assertThat(String.join("", lines)).isEqualTo(text);
    for (String l : lines) {
      assertThat(Character.getType(l.codePointAt(0))).isNotEqualTo((int) Character.NON_SPACING_MARK);
    }
  }

  @Test
  void surrogatePairsStayWhole() {
    LineBreaker zh = LineBreaker.of(StyleProfile.NETFLIX_EN.toBuilder().maxCharsPerLine(4).build(),
        LineBreakRules.PUNCTUATION_ONLY);
    String text = "𠀀𠀁𠀂𠀃𠀄𠀅𠀆"; // CJK Extension B: one code point, two chars each
    for (String l : zh.breakText(text)) assertThat(Character.isLowSurrogate(l.charAt(0))).isFalse();
    assertThat(String.join("", zh.breakText(text))).isEqualTo(text);
  }
}
