package dev.captions.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.VersionInfo;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Grapheme clusters by UAX #29, checked against ICU4J; Thai/Lao/Khmer/Burmese pieces are dictionary words. */
class GraphemesTest {
  @Test
  void emojiSequencesFlagsAndHangulAreOneCharacter() {
    assertThat(Graphemes.width("👨‍👩‍👧")).isEqualTo(1);
    assertThat(Graphemes.width("🇩🇪")).isEqualTo(1);
    assertThat(Graphemes.width("🇩🇪🇫🇷")).isEqualTo(2);
    assertThat(Graphemes.width("👍🏽 ok")).isEqualTo(4);
    assertThat(Graphemes.width("\u1100\u1161\u11A8")).isEqualTo(1); // 각 from jamo
    assertThat(Graphemes.width("e\u0301te\u0301")).isEqualTo(3);
    assertThat(Graphemes.width("ก่อน")).isEqualTo(3);
    assertThat(Graphemes.width("🏴\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F"))
        .isEqualTo(1); // England: black flag + tags
    assertThat(Graphemes.width("a\r\nb")).isEqualTo(3);
    assertThat(Graphemes.width("👨\u200D\u200D👨")).isEqualTo(2); // GB11 takes one ZWJ, not two
  }

  /** Code points the rules care about, plus ordinary ones; all assigned in Unicode 13 (JDK 17). */
  private static final int[] ALPHABET = {'a', 'Z', ' ', '1', '\r', '\n', 0x0301, 0x0308, 0x20DD, 0x200D, 0x200C,
      0xFE0F, 0x1F468, 0x1F469, 0x1F467, 0x1F44D, 0x1F3FD, 0x1F1E9, 0x1F1EA, 0x1F1EB, 0x1F1F7, 0x2764, 0x00A9, 0x1F600,
      0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01, 0x0E01, 0x0E48, 0x0E33, 0x0E40, 0x0E31, 0x0915, 0x093F, 0x094D, 0x0BBE,
      0x0600, 0x0628, 0x00AD, 0xFEFF, 0x0007, 0x3042, 0xFF9E, 0x1F3F4, 0xE0067, 0xE007F, 0x0E33};

  @Provide
  Arbitrary<String> sequences() {
    return Arbitraries.of(java.util.Arrays.stream(ALPHABET).boxed().toArray(Integer[]::new)).list().ofMinSize(1)
        .ofMaxSize(12).map(cps -> {
          StringBuilder sb = new StringBuilder();
          cps.forEach(sb::appendCodePoint);
          return sb.toString();
        });
  }

  @Property(tries = 3000)
  void clustersMatchIcu(@ForAll("sequences") String s) {
    assertThat(ours(s)).as(escape(s)).isEqualTo(icu(s));
  }

  private static List<Integer> ours(String s) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < s.length(); ) out.add(i = Graphemes.next(s, i));
    return out;
  }

  private static List<Integer> icu(String s) {
    BreakIterator it = BreakIterator.getCharacterInstance();
    it.setText(s);
    List<Integer> out = new ArrayList<>();
    for (int b = it.next(); b != BreakIterator.DONE; b = it.next()) out.add(b);
    return out;
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> sb.append(String.format("U+%04X ", cp)));
    return sb.toString();
  }

  /**
   * The GB9c (rule 9.3) cases of Unicode 15.1's GraphemeBreakTest.txt, as {@code ÷}/{@code ×} lines: {@code ×} joins,
   * {@code ÷} breaks. Transcribed from the standard (the file itself is not on this machine), and checked against
   * ICU4J too.
   */
  private static final String[] GB9C_CASES = {
    "÷ 0915 ÷ 0924 ÷",
    "÷ 0915 × 094D × 0924 ÷",
    "÷ 0915 × 094D × 094D × 0924 ÷",
    "÷ 0915 × 094D × 200D × 0924 ÷",
    "÷ 0915 × 093C × 200D × 094D × 0924 ÷",
    "÷ 0915 × 093C × 094D × 200D × 0924 ÷",
    "÷ 0915 × 094D × 0924 × 094D × 092F ÷",
    "÷ 0915 × 094D ÷ 0061 ÷",
    "÷ 0061 × 094D ÷ 0924 ÷",
    "÷ 003F × 094D ÷ 0924 ÷",
  };

  @Test
  void indicConjunctsAreOneClusterGb9c() {
    for (String line : GB9C_CASES) {
      StringBuilder text = new StringBuilder();
      List<Integer> breaks = new ArrayList<>();
      for (String token : line.split(" ")) {
        if (token.equals("÷")) {
          if (text.length() > 0) breaks.add(text.length());
        } else if (!token.equals("×")) {
          text.appendCodePoint(Integer.parseInt(token, 16));
        }
      }
      String s = text.toString();
      assertThat(ours(s)).as(line).isEqualTo(breaks);
      assertThat(icu(s)).as(line + " (ICU4J)").isEqualTo(breaks);
    }
    assertThat(Graphemes.width("क्षत्रिय")).isEqualTo(3); // क्ष त्रि य
    assertThat(Graphemes.width("স্ত্রী")).isEqualTo(1); // Bengali: consonant, virama, consonant, virama, consonant, vowel
    assertThat(Graphemes.width("ક્ક")).isEqualTo(1); // Gujarati
    assertThat(Graphemes.width("க்க")).isEqualTo(2); // Tamil's virama is no Linker: two clusters
  }

  /**
   * Linker and Consonant are as ICU4J has them for every code point the JDK knows. Extend is as Unicode 15.1 derives
   * it (ZWJ, or a mark of Grapheme_Cluster_Break Extend with a non-zero combining class, not a Linker), which ICU4J
   * 76's break rules use; its property data is Unicode 16.0's, which dropped the combining-class condition and made
   * 15 spacing viramas (U+1B44 …) Grapheme_Extend, where 15.1 (and the JDK's tables) have them SpacingMark.
   */
  @Test
  void indicConjunctBreakMatchesUnicodeForEveryCodePointTheJdkKnows() {
    VersionInfo jdk = VersionInfo.getInstance(13, 0); // JDK 17's Character tables
    List<String> differences = new ArrayList<>();
    int extend = 0;
    int spacingInUnicode15 = 0;
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (!Character.isDefined(cp) || UCharacter.getAge(cp).compareTo(jdk) > 0) continue;
      int expected = UCharacter.getIntPropertyValue(cp, UProperty.INDIC_CONJUNCT_BREAK);
      int gcb = UCharacter.getIntPropertyValue(cp, UProperty.GRAPHEME_CLUSTER_BREAK);
      if (expected == Graphemes.INCB_EXTEND && gcb != UCharacter.GraphemeClusterBreak.ZWJ
          && UCharacter.getCombiningClass(cp) == 0) {
        expected = Graphemes.INCB_NONE; // Unicode 15.1: Extend needs a non-zero combining class
      }
      int ours = Graphemes.indicConjunctBreak(cp);
      if (expected == Graphemes.INCB_EXTEND) extend++;
      if (ours == Graphemes.INCB_NONE && expected == Graphemes.INCB_EXTEND
          && Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
        spacingInUnicode15++;
        continue;
      }
      if (ours != expected) differences.add(String.format("U+%04X: ours %d, expected %d", cp, ours, expected));
    }
    assertThat(differences).isEmpty();
    assertThat(extend).isGreaterThan(800);
    assertThat(spacingInUnicode15).isEqualTo(15);
  }

  /** Devanagari, Bengali, Gujarati and Tamil consonants, viramas, nukta, vowel signs, ZWJ, ZWNJ and a few others. */
  private static final int[] INDIC = {0x0915, 0x0924, 0x092F, 0x0937, 0x094D, 0x093C, 0x093F, 0x0941, 0x0902, 0x0995,
      0x09A4, 0x09CD, 0x09BE, 0x0A95, 0x0ACD, 0x0B95, 0x0BCD, 0x0D15, 0x0D4D, 0x200D, 0x200C, 0x0300, 'a', '?', ' '};

  @Provide
  Arbitrary<String> indicSequences() {
    return Arbitraries.of(java.util.Arrays.stream(INDIC).boxed().toArray(Integer[]::new)).list().ofMinSize(1)
        .ofMaxSize(10).map(cps -> {
          StringBuilder sb = new StringBuilder();
          cps.forEach(sb::appendCodePoint);
          return sb.toString();
        });
  }

  @Property(tries = 3000)
  void indicClustersMatchIcu(@ForAll("indicSequences") String s) {
    assertThat(ours(s)).as(escape(s)).isEqualTo(icu(s));
  }

  @Test
  void thaiBreaksBetweenWordsNeverInsideOne() {
    assertThat(Graphemes.WordBreaks.INSTANCE.source()).isEqualTo("com.ibm.icu.text.BreakIterator");
    List<String> pieces = Graphemes.pieces("สวัสดีครับวันนี้อากาศดีมาก");
    // ICU's Thai dictionary (ICU4J 76) splits วันนี้ "today" into วัน + นี้; never a cluster apart
    assertThat(pieces).containsExactly("สวัสดี", "ครับ", "วัน", "นี้", "อากาศ", "ดี", "มาก");
  }

  @Test
  void laoKhmerAndBurmeseBreakBetweenWordsToo() {
    for (String run : new String[] {"ສະບາຍດີທຸກຄົນ", "សួស្តីពិភពលោក", "မင်္ဂလာပါခင်ဗျား"}) {
      List<String> pieces = Graphemes.pieces(run);
      assertThat(String.join("", pieces)).isEqualTo(run);
      assertThat(pieces.size()).as(run).isBetween(2, Graphemes.width(run) - 1);
      for (String p : pieces) assertThat(Graphemes.next(p, 0)).isPositive();
    }
  }

  @Test
  void chineseStillBreaksPerCharacterWithLatinRunsWhole() {
    assertThat(Graphemes.pieces("我用Java写代码。")).containsExactly("我", "用", "Java", "写", "代", "码。");
  }
}
