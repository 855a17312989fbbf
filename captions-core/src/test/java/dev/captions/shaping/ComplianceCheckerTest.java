package dev.captions.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Each rule's violation, with its measured value and limit, on a hand-made bad track. */
class ComplianceCheckerTest {
  @Test
  void reportsEachRuleWithMeasuredValueAndLimit() {
    CaptionTrack track = CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(
        Cue.of(0, 3000, "This line is much too long for Netflix English captions"), // 55 chars
        Cue.of(3010, 3500, "Hi."), // 10 ms gap, 490 ms long
        Cue.of(4000, 12_000, "one\ntwo\nthree"), // 3 lines, 8 s
        Cue.of(12_100, 12_900, "Far too much text for so little time here"), // 41 chars in 0.8 s
        Cue.of(13_000, 15_000, "Past the end")));
    List<Violation> v = ComplianceChecker.of(StyleProfile.NETFLIX_EN).check(track, OptionalLong.of(14_000L));
    assertThat(v).extracting(Violation::cueIndex, Violation::rule, Violation::measured, Violation::limit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, Violation.Rule.MAX_CHARS_PER_LINE, 55.0, 42.0),
            org.assertj.core.groups.Tuple.tuple(1, Violation.Rule.MIN_DURATION, 490.0, 833.0),
            org.assertj.core.groups.Tuple.tuple(1, Violation.Rule.MIN_GAP, 10.0, 83.0),
            org.assertj.core.groups.Tuple.tuple(2, Violation.Rule.MAX_LINES, 3.0, 2.0),
            org.assertj.core.groups.Tuple.tuple(2, Violation.Rule.MAX_DURATION, 8000.0, 7000.0),
            org.assertj.core.groups.Tuple.tuple(3, Violation.Rule.MIN_DURATION, 800.0, 833.0),
            org.assertj.core.groups.Tuple.tuple(3, Violation.Rule.READING_SPEED, 51.25, 20.0),
            org.assertj.core.groups.Tuple.tuple(4, Violation.Rule.BEYOND_MEDIA, 15_000.0, 14_000.0));
    CaptionQualityReport report = new CaptionQualityReport("netflix-en", 5, v, List.of());
    assertThat(report.compliantShare()).isEqualTo(0.0);
    assertThat(report.summary()).isEqualTo("netflix-en: 5 cues, 0.0% compliant; 8 violations (MAX_CHARS_PER_LINE 1, "
        + "MAX_LINES 1, READING_SPEED 1, MIN_DURATION 2, MAX_DURATION 1, MIN_GAP 1, BEYOND_MEDIA 1); 0 repairs");
  }

  @Test
  void wordsPerMinuteProfilesMeasureWords() {
    CaptionTrack track = CaptionTrack.of("en", TrackKind.CAPTIONS,
        List.of(Cue.of(0, 2000, "one two three four five six seven")));
    List<Violation> v = ComplianceChecker.of(StyleProfile.BBC).check(track, OptionalLong.empty());
    assertThat(v).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo(Violation.Rule.READING_SPEED);
      assertThat(x.measured()).isEqualTo(210.0);
      assertThat(x.limit()).isEqualTo(180.0);
    });
  }
}
