package dev.captions.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CueTest {
  @Test
  void endMustBeAfterStart() {
    assertThatThrownBy(() -> Cue.of(1000, 900, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endMs (900) must be greater than startMs (1000)");
    assertThatThrownBy(() -> Cue.of(1000, 1000, "x"))
        .hasMessage("endMs (1000) must be greater than startMs (1000)");
  }

  @Test
  void startMustNotBeNegative() {
    assertThatThrownBy(() -> Cue.of(-1, 900, "x")).hasMessage("startMs (-1) must be >= 0");
  }

  @Test
  void textIsRequired() {
    assertThatThrownBy(() -> Cue.builder().startMs(0).endMs(1).build()).hasMessage("text == null");
  }

  @Test
  void idMustNotBreakTheFile() {
    assertThatThrownBy(() -> Cue.builder().id("a-->b").startMs(0).endMs(1).text("x").build())
        .hasMessage("id must not contain a line break or \"-->\": a-->b");
    assertThatThrownBy(() -> Cue.builder().id("a\nb").startMs(0).endMs(1).text("x").build())
        .hasMessage("id must not contain a line break or \"-->\": a\\nb");
  }

  @Test
  void wordsMustBeOrdered() {
    assertThatThrownBy(() -> Cue.builder().startMs(0).endMs(2000).text("b a")
            .words(List.of(TimedWord.of("b", 500, 600), TimedWord.of("a", 100, 200))).build())
        .hasMessage("words must be ordered by startMs; word 1 ('a') starts before word 0");
  }

  @Test
  void linesSplitOnNewline() {
    Cue cue = Cue.of(0, 1000, "one\ntwo");
    assertThat(cue.lines()).containsExactly("one", "two");
    assertThat(Cue.of(0, 1000, "single").lines()).containsExactly("single");
  }

  @Test
  void builderCopiesAndEqualityCoverEveryField() {
    Cue a = Cue.builder().id("1").startMs(0).endMs(1500).text("Hi").speaker("Ann")
        .settings(CueSettings.builder().line(-1.0).build()).build();
    Cue b = a.toBuilder().build();
    assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(a.toBuilder().speaker("Bob").build()).isNotEqualTo(a);
    assertThat(a.toBuilder().settings(CueSettings.DEFAULT).build()).isNotEqualTo(a);
    assertThat(a.toString()).contains("00:00:00.000 --> 00:00:01.500", "speaker=Ann");
  }

  @Test
  void settingsValidatePercentages() {
    assertThatThrownBy(() -> CueSettings.builder().position(101.0).build())
        .hasMessage("position (101.0) must be between 0 and 100");
    assertThatThrownBy(() -> CueSettings.builder().size(-1).build()).hasMessage("size (-1.0) must be between 0 and 100");
    assertThatThrownBy(() -> CueSettings.builder().snapToLines(false).line(120.0).build())
        .hasMessage("line (120.0%) must be between 0 and 100 when snapToLines is false");
    assertThat(CueSettings.builder().line(-3.0).build().line()).hasValue(-3.0); // negative line numbers are valid
    assertThat(CueSettings.DEFAULT.isDefault()).isTrue();
  }

  @Test
  void regionValidates() {
    assertThatThrownBy(() -> Region.builder("r").width(150).build()).hasMessage("width (150.0) must be between 0 and 100");
    assertThatThrownBy(() -> Region.builder("a b").build())
        .hasMessage("region id must not contain \"-->\" or white space: a b");
    Region r = Region.builder("r").lines(2).regionAnchor(10, 90).build();
    assertThat(r.toBuilder().build()).isEqualTo(r);
  }

  @Test
  void timedWordsAndSegmentsValidate() {
    assertThatThrownBy(() -> TimedWord.of("x", 10, 5)).hasMessage("endMs (5) must not be less than startMs (10)");
    assertThatThrownBy(() -> TimedWord.of("x", 0, 5, 1.5, null))
        .hasMessage("confidence (1.5) must be in [0, 1] or UNKNOWN_CONFIDENCE");
    assertThatThrownBy(() -> Segment.of(10, 5, "x")).hasMessage("endMs (5) must not be less than startMs (10)");
    assertThat(Segment.of(0, 10, "x", null, List.of(TimedWord.of("x", 0, 10))).shiftedBy(100).words().get(0).startMs())
        .isEqualTo(100);
  }

  @Test
  void timecodesFormat() {
    assertThat(Timecodes.format(3_723_004)).isEqualTo("01:02:03.004");
    assertThat(Timecodes.format(0)).isEqualTo("00:00:00.000");
    assertThat(Timecodes.format(-1500)).isEqualTo("-00:00:01.500");
    assertThat(Timecodes.format(360_000_000_000L)).isEqualTo("100000:00:00.000");
  }
}
