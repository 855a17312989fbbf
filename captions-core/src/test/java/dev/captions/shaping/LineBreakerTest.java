package dev.captions.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden tests, one per line-break rule (Netflix general requirements), for NETFLIX_EN (42 x 2). */
class LineBreakerTest {
  private final LineBreaker en = LineBreaker.of(StyleProfile.NETFLIX_EN, LineBreakRules.ENGLISH);

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

  @Test
  void breaksAfterPunctuation() {
    assertThat(en.breakText("When the rain finally stopped, we walked back to the old house"))
        .containsExactly("When the rain finally stopped,", "we walked back to the old house");
  }

  @Test
  void breaksBeforeConjunction() {
    assertThat(en.breakText("I wanted to call my brother yesterday but the phone was broken"))
        .containsExactly("I wanted to call my brother yesterday", "but the phone was broken");
  }

  @Test
  void breaksBeforePreposition() {
    assertThat(en.breakText("She carried the heavy wooden box from the station to the house"))
        .containsExactly("She carried the heavy wooden box", "from the station to the house");
  }

  @Test
  void neverSeparatesArticleFromNoun() {
    for (String line : en.breakText("He said he would have bought everything at the market today")) {
      assertThat(line).doesNotEndWith(" the").doesNotEndWith(" a");
    }
  }

  @Test
  void neverSeparatesAdjectiveFromNoun() {
    List<String> lines = en.breakText("They built a remarkably beautiful house near the quiet river bank");
    assertThat(String.join("|", lines)).doesNotContain("beautiful|").doesNotContain("quiet|");
  }

  @Test
  void neverSeparatesFirstNameFromLastName() {
    List<String> lines = en.breakText("Yesterday afternoon we finally met with Jane Goodall in London");
    assertThat(String.join("|", lines)).contains("Jane Goodall");
  }

  @Test
  void neverSeparatesPronounFromVerb() {
    List<String> lines = en.breakText("After all these years of waiting patiently we finally understood");
    assertThat(String.join("|", lines)).doesNotContain("we|");
  }

  @Test
  void neverSeparatesVerbFromAuxiliaryOrNegation() {
    String joined = String.join("|", en.breakText("The children in the garden next door have not been sleeping well"));
    assertThat(joined).doesNotContain("have|").doesNotContain("|not").doesNotContain("been|");
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
