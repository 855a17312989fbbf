package dev.captions.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.BreakIterator;
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
