package dev.captions.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expectation below is computed by hand in the comment next to it. */
class TimeMapTest {
  private static Cue cueWithWords() {
    return Cue.builder().id("7").startMs(10_000).endMs(12_000).text("one <00:00:11.000>two").speaker("Ann")
        .words(List.of(TimedWord.of("one", 10_000, 10_900, 0.9, "Ann"), TimedWord.of("two", 11_000, 12_000)))
        .build();
  }

  @Test
  void shiftMovesCueWordsAndTimestampTags() {
    Cue moved = cueWithWords().retimed(TimeMap.shift(-2500));
    // 10000-2500=7500, 12000-2500=9500; words 7500-8400 and 8500-9500; tag 11000-2500=8500
    assertThat(moved.startMs()).isEqualTo(7500);
    assertThat(moved.endMs()).isEqualTo(9500);
    assertThat(moved.words()).containsExactly(TimedWord.of("one", 7500, 8400, 0.9, "Ann"),
        TimedWord.of("two", 8500, 9500));
    assertThat(moved.text()).isEqualTo("one <00:00:08.500>two");
    assertThat(moved.id()).isEqualTo("7");
    assertThat(moved.speaker()).isEqualTo("Ann");
    assertThat(cueWithWords().shiftedBy(-2500)).isEqualTo(moved);
  }

  @Test
  void frameRateConversionUsesTheExactNtscRate() {
    TimeMap map = TimeMap.frameRate(23.976, 25);
    // factor = (24000/1001)/25 = 0.959040959...; 3,600,000 ms → 3,452,547.45 → 3,452,547
    assertThat(map.applyAsLong(3_600_000)).isEqualTo(3_452_547);
    // 1001 ms → 960 ms exactly (1001 * 24000/1001 / 25 = 960)
    assertThat(map.applyAsLong(1001)).isEqualTo(960);
    // back again: 25 → 23.976, 960 → 1001
    assertThat(TimeMap.frameRate(25, 23.976).applyAsLong(960)).isEqualTo(1001);
    Cue c = cueWithWords().retimed(map);
    // 10000 * 0.959040959 = 9590.41 → 9590; 12000 → 11508.49 → 11508; 10900 → 10453.55 → 10454; 11000 → 10549.45 → 10549
    assertThat(c.startMs()).isEqualTo(9590);
    assertThat(c.endMs()).isEqualTo(11508);
    assertThat(c.words().get(0).endMs()).isEqualTo(10454);
    assertThat(c.words().get(1).startMs()).isEqualTo(10549);
    assertThat(c.text()).isEqualTo("one <00:00:10.549>two");
  }

  @Test
  void twoPointSyncFixesOffsetAndDrift() {
    // 00:01:02.000 → 00:01:03.200 and 01:10:00.000 → 01:10:04.000
    TimeMap map = TimeMap.sync(62_000, 63_200, 4_200_000, 4_204_000);
    assertThat(map.applyAsLong(62_000)).isEqualTo(63_200);
    assertThat(map.applyAsLong(4_200_000)).isEqualTo(4_204_000);
    // factor = (4204000-63200)/(4200000-62000) = 4140800/4138000 = 1.000676655...
    // 2,131,000 (halfway) → 63200 + 2069000 * 1.000676655 = 2,133,600.0
    assertThat(map.applyAsLong(2_131_000)).isEqualTo(2_133_600);
    // 0 → 63200 - 62000 * 1.000676655 = 1158.04 → 1158
    assertThat(map.applyAsLong(0)).isEqualTo(1158);
  }

  @Test
  void scaleStretchesFromZero() {
    // 1.5 × 1001 = 1501.5 → 1502 (half away from zero)
    assertThat(TimeMap.scale(1.5).applyAsLong(1001)).isEqualTo(1502);
    assertThat(TimeMap.scale(1.5).andThen(TimeMap.shift(100)).applyAsLong(1000)).isEqualTo(1600);
    assertThat(TimeMap.shift(100).andThen(TimeMap.scale(2)).applyAsLong(1000)).isEqualTo(2200);
  }

  @Test
  void aTrackReportsCuesPushedBeforeZero() {
    CaptionTrack track = CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(Cue.ofPlainText(0, 2000, "gone"),
        Cue.ofPlainText(2000, 4000, "clamped"), Cue.ofPlainText(5000, 6000, "kept")));
    TimeMap.Result r = TimeMap.shift(-2500).retime(track);
    // [0,2000) → ends at -500: dropped; [2000,4000) → [-500,1500): starts at 0; [5000,6000) → [2500,3500)
    assertThat(r.droppedCues()).containsExactly(track.cues().get(0));
    assertThat(r.clampedCues()).isEqualTo(1);
    assertThat(r.track().cues()).containsExactly(Cue.ofPlainText(0, 1500, "clamped"),
        Cue.ofPlainText(2500, 3500, "kept"));
    assertThat(r.track().language()).isEqualTo("en");
  }

  @Test
  void mapsThatReverseTimeAreRejected() {
    assertThatThrownBy(() -> TimeMap.scale(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimeMap.sync(1000, 5000, 2000, 4000)).hasMessageContaining("reverse");
    assertThatThrownBy(() -> TimeMap.sync(1000, 5000, 1000, 4000)).hasMessageContaining("different times");
    assertThatThrownBy(() -> TimeMap.frameRate(0, 25)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timecodesParseWhatPeopleType() {
    assertThat(Timecodes.parse("-2.5s")).isEqualTo(-2500);
    assertThat(Timecodes.parse("1500ms")).isEqualTo(1500);
    assertThat(Timecodes.parse("00:01:02.000")).isEqualTo(62_000);
    assertThat(Timecodes.parse("01:10:04,250")).isEqualTo(4_204_250);
    assertThat(Timecodes.parse("1:02.5")).isEqualTo(62_500);
    assertThat(Timecodes.parse("2m")).isEqualTo(120_000);
    assertThat(Timecodes.parse("+3")).isEqualTo(3000);
    assertThatThrownBy(() -> Timecodes.parse("soon")).hasMessageContaining("is not a time");
    assertThatThrownBy(() -> Timecodes.parse("00:61:00")).hasMessageContaining("is not a time");
  }
}
