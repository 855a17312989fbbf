package dev.captions.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CueMarkupTest {
  @Test
  void plainTextIsEscapedSoEveryCharacterShows() {
    Cue cue = Cue.ofPlainText(0, 1000, "Tom & Jerry <3 them --> x");
    assertThat(cue.text()).isEqualTo("Tom &amp; Jerry &lt;3 them --&gt; x");
  }

  @Test
  void plainTextLineBreaksNulAndLoneSurrogatesAreNormalised() {
    assertThat(CueMarkup.escape("a\r\nb\rc\nd")).isEqualTo("a\nb\nc\nd");
    assertThat(CueMarkup.escape("a\0b")).isEqualTo("a\uFFFDb");
    assertThat(CueMarkup.escape("x\uD800y\uDC00")).isEqualTo("x\uFFFDy\uFFFD");
    assertThat(CueMarkup.escape("flag 🇩🇪")).isEqualTo("flag 🇩🇪");
  }

  @Test
  void cleanPlainTextIsNotCopied() {
    String s = "nothing to do here";
    assertThat(CueMarkup.escape(s)).isSameAs(s);
  }

  @Test
  void markupThatWouldLoseTextIsRejectedWithItsPosition() {
    assertThatThrownBy(() -> Cue.of(0, 1000, "Tom & Jerry <3 them"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 1, col 13")
        .hasMessageContaining("Cue.ofPlainText");
    assertThat(CueMarkup.problem("ok\n<font color=red>x</font>")).startsWith("line 2, col 1: <font color=red>");
    assertThat(CueMarkup.problem("<i>x")).isNull();
    assertThat(CueMarkup.problem("<v>x")).contains("<v>"); // a voice needs its name
    assertThat(CueMarkup.problem("<i Ann>x")).contains("<i Ann>");
  }

  @Test
  void wellFormedMarkupIsAccepted() {
    for (String ok : new String[] {"<i>Hi</i> &amp; <b>bye</b>", "<v.loud Ann>Hi</v>", "<c.yellow>x</c>",
        "<lang fr>oui</lang>", "<ruby>漢<rt>kan</rt></ruby>", "a <00:01.500>b <01:00:02.000>c", "Tom & Jerry"}) {
      assertThat(CueMarkup.problem(ok)).as(ok).isNull();
      assertThat(Cue.of(0, 1, ok).text()).isEqualTo(ok);
    }
  }

  @Test
  void timestampTagsMoveWithTheMap() {
    assertThat(CueMarkup.retimeTimestamps("a <00:01.500>b <01:00:02.000>c <i>d</i>", TimeMap.shift(-1000)))
        .isEqualTo("a <00:00:00.500>b <01:00:01.000>c <i>d</i>");
    assertThat(CueMarkup.retimeTimestamps("<00:00.200>x", TimeMap.shift(-1000))).isEqualTo("<00:00:00.000>x");
    String none = "<i>no times</i> 3 < 4";
    assertThat(CueMarkup.retimeTimestamps(none, TimeMap.shift(5))).isSameAs(none);
  }

  @Test
  void problemScanIsLinearOnHostileText() {
    // 200,000 '<' with no '>' would be quadratic with a per-tag search to the end; here it stops at the first.
    String hostile = "<".repeat(200_000);
    assertThat(CueMarkup.problem(hostile)).startsWith("line 1, col 1:");
    assertThat(CueMarkup.escape(hostile)).hasSize(800_000);
  }
}
