package dev.captions.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.TrackKind;
import dev.captions.model.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Golden tests per segmentation and repair rule, with NETFLIX_EN. */
class CaptionShaperTest {
  private final CaptionShaper shaper = CaptionShaper.of(StyleProfile.NETFLIX_EN);

  /** Words of {@code text} from {@code startMs}, each {@code wordMs} long, {@code gapMs} apart. */
  static List<TimedWord> say(String text, long startMs, long wordMs, long gapMs, String speaker) {
    List<TimedWord> out = new ArrayList<>();
    long t = startMs;
    for (String w : text.split(" ")) {
      out.add(TimedWord.of(w, t, t + wordMs, TimedWord.UNKNOWN_CONFIDENCE, speaker));
      t += wordMs + gapMs;
    }
    return out;
  }

  static long endOf(List<TimedWord> words) {
    return words.get(words.size() - 1).endMs();
  }

  private ShapingResult shape(List<TimedWord> words) {
    return shaper.shape(Transcript.builder().language("en").words(words).build());
  }

  @Test
  void breaksAtSentenceEnds() {
    List<TimedWord> w = say("We should leave before it gets dark outside. The roads are not safe at night here.",
        0, 300, 50, null);
    List<Cue> cues = shape(w).track().cues();
    assertThat(cues).extracting(Cue::text).containsExactly("We should leave before\nit gets dark outside.",
        "The roads are not safe at night here.");
  }

  @Test
  void longPauseStartsANewCueAndTheCueDoesNotLinger() {
    List<TimedWord> w = new ArrayList<>(say("I am not sure about that", 0, 250, 30, null));
    long lastWordEnd = endOf(w);
    w.addAll(say("maybe we should wait", lastWordEnd + 3000, 250, 30, null));
    List<Cue> cues = shape(w).track().cues();
    assertThat(cues).hasSize(2);
    assertThat(cues.get(0).text()).isEqualTo("I am not sure about that");
    assertThat(cues.get(0).endMs()).isLessThanOrEqualTo(lastWordEnd + 500);
    assertThat(cues.get(1).startMs()).isEqualTo(lastWordEnd + 3000);
  }

  @Test
  void flashingFragmentIsMergedWithItsNeighbour() {
    // "Okay." alone would last 300 ms; it joins the sentence that follows closely.
    List<TimedWord> w = new ArrayList<>(say("Okay.", 0, 300, 0, null));
    w.addAll(say("Let us go home now.", 400, 250, 30, null));
    List<Cue> cues = shape(w).track().cues();
    assertThat(cues).extracting(Cue::text).containsExactly("Okay. Let us go home now.");
    assertThat(cues.get(0).durationMs()).isGreaterThanOrEqualTo(833);
  }

  @Test
  void textFillingBothLinesExactlyIsOneCue() {
    // Shrunk from a ShapingPropertiesTest failure: 85 characters with spaces are two full 42-character lines, because
    // the line break takes the place of one space. All words at 0 ms, so any split leaves a 1 ms flashing cue.
    List<TimedWord> w = say("aa, aaa, aaaa, aaaa, aaaaaaaaa aaaaaaaaaa, aaaaa, aaaaaaaaaa aaaaaaaaaaa aaaaaaaaaaa,",
        0, 0, 0, "A");
    List<Cue> cues = shape(w).track().cues();
    assertThat(cues).extracting(Cue::text)
        .containsExactly("aa, aaa, aaaa, aaaa, aaaaaaaaa aaaaaaaaaa,\naaaaa, aaaaaaaaaa aaaaaaaaaaa aaaaaaaaaaa,");
    assertThat(cues.get(0).words()).isEqualTo(w);
  }

  @Test
  void fullTwoLineCueIsNotSplitAtNormalPace() {
    // The same bound at speaking pace: a sentence of exactly two full lines stays one cue rather than two.
    List<TimedWord> w = say("We should leave before it gets dark, since the roads out there are not safe at night.",
        0, 250, 30, "A");
    List<Cue> cues = shape(w).track().cues();
    assertThat(cues).extracting(Cue::text)
        .containsExactly("We should leave before it gets dark, since\nthe roads out there are not safe at night.");
  }

  @Test
  void shortCueIsExtendedIntoTheFollowingGapRatherThanOverlapping() {
    List<TimedWord> w = new ArrayList<>(say("Stop!", 0, 400, 0, null));
    w.addAll(say("Who goes there in the dark?", 1200, 250, 30, null));
    List<Cue> cues = shape(w).track().cues();
    assertThat(cues.get(0).text()).isEqualTo("Stop!");
    assertThat(cues.get(0).endMs()).isEqualTo(833); // extended to the minimum duration, within the 500 ms linger
    assertThat(cues.get(1).startMs() - cues.get(0).endMs()).isGreaterThanOrEqualTo(83);
  }

  @Test
  void twoSpeakersShareACueWithHyphens() {
    List<TimedWord> w = new ArrayList<>(say("Ready?", 0, 350, 0, "A"));
    w.addAll(say("Yes.", 450, 300, 0, "B"));
    List<Cue> cues = shape(w).track().cues();
    assertThat(cues).hasSize(1);
    assertThat(cues.get(0).text()).isEqualTo("-Ready?\n-Yes.");
    assertThat(cues.get(0).words()).hasSize(2);
  }

  @Test
  void speakerChangeStartsANewCue() {
    List<TimedWord> w = new ArrayList<>(say("I told you we would be late for the train", 0, 250, 30, "A"));
    w.addAll(say("It was not my fault this time and you know it", endOf(w) + 200, 250, 30, "B"));
    List<Cue> cues = shape(w).track().cues();
    // Netflix shows speakers with dashes only, so the cues name nobody; their words keep the speaker.
    assertThat(cues).extracting(c -> c.words().get(0).speaker()).containsExactly("A", "B");
    assertThat(cues).extracting(Cue::speaker).containsOnlyNulls();
  }

  @Test
  void longSpeechIsSplitUnderMaxDurationAndLineLimits() {
    List<TimedWord> w = say("and then we went down to the river and we sat there for hours watching the boats "
        + "go by while the sun went slowly down behind the hills and nobody said a single word", 0, 300, 40, null);
    ShapingResult r = shape(w);
    assertThat(r.track().cues()).allSatisfy(c -> {
      assertThat(c.durationMs()).isLessThanOrEqualTo(7000);
      assertThat(c.lines()).hasSizeLessThanOrEqualTo(2).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(42));
    });
    assertThat(r.report().violations()).isEmpty();
  }

  @Test
  void minimumGapBetweenCues() {
    List<TimedWord> w = new ArrayList<>(say("This is the first sentence and it is long enough to fill a cue.",
        0, 250, 20, null));
    w.addAll(say("And this one follows right after it without any pause at all.", endOf(w) + 10, 250, 20, null));
    List<Cue> cues = shape(w).track().cues();
    assertThat(cues).hasSize(2);
    assertThat(cues.get(1).startMs() - cues.get(0).endMs()).isGreaterThanOrEqualTo(83);
  }

  @Test
  void fastSpeechIsReportedAsSpeechFasterThanReadingSpeed() {
    List<TimedWord> w = say("absolutely extraordinary circumstances notwithstanding everybody participated", 0, 150,
        0, null);
    ShapingResult r = shape(w);
    assertThat(r.report().violations()).anySatisfy(v -> {
      assertThat(v.rule()).isEqualTo(Violation.Rule.READING_SPEED);
      assertThat(v.cause()).startsWith("speech is faster");
      assertThat(v.limit()).isEqualTo(20);
    });
  }

  @Test
  void repetitionLoopIsDropped() {
    List<TimedWord> w = new ArrayList<>(say("Thank you.", 0, 300, 50, null));
    for (int i = 1; i < 5; i++) w.addAll(say("Thank you.", i * 1000, 300, 50, null));
    w.addAll(say("Now the news.", 6000, 300, 50, null));
    ShapingResult r = shape(w);
    assertThat(r.track().cues()).extracting(Cue::text).containsExactly("Thank you.", "Now the news.");
    assertThat(r.report().repairs()).anySatisfy(rep -> {
      assertThat(rep.kind()).isEqualTo(Repair.Kind.DROPPED_REPETITION);
      assertThat(rep.detail()).contains("8 words");
    });
  }

  @Test
  void twoRepeatsAreNotALoop() {
    List<TimedWord> w = new ArrayList<>(say("Thank you.", 0, 300, 50, null));
    w.addAll(say("Thank you.", 1000, 300, 50, null));
    assertThat(shape(w).report().repairs()).isEmpty();
  }

  @Test
  void wordsBeyondTheMediaAreClampedAndFlagged() {
    List<TimedWord> w = say("The film ends here and this runs over", 0, 400, 50, null);
    ShapingResult r = shaper.shape(Transcript.builder().language("en").words(w).mediaDurationMs(2000L).build());
    assertThat(r.track().cues()).allSatisfy(c -> assertThat(c.endMs()).isLessThanOrEqualTo(2000));
    assertThat(r.report().repairs()).extracting(Repair::kind)
        .contains(Repair.Kind.DROPPED_BEYOND_MEDIA, Repair.Kind.CLAMPED_TO_MEDIA);
  }

  @Test
  void segmentPathEstimatesWordTimesProportionalToCharacters() {
    Segment s = Segment.of(1000, 3000, "a bbb cccc");
    List<TimedWord> w = CaptionShaper.wordsOf(List.of(s));
    // 10 characters with spaces over 2000 ms: 200 ms per character.
    assertThat(w).extracting(TimedWord::startMs).containsExactly(1000L, 1400L, 2200L);
    assertThat(w).extracting(TimedWord::endMs).containsExactly(1200L, 2000L, 3000L);
  }

  @Test
  void segmentPathShapesLongSegmentsLikeWords() {
    Segment s = Segment.of(0, 9000, "So she was considering in her own mind, as well as she could, whether the "
        + "pleasure of making a daisy-chain would be worth the trouble.");
    ShapingResult r = shaper.shape(Transcript.builder().language("en").segments(List.of(s)).build());
    assertThat(r.track().cues()).hasSizeGreaterThan(1);
    assertThat(r.report().violations()).isEmpty();
    assertThat(r.track().cues()).allSatisfy(c -> assertThat(c.words()).isNotEmpty());
  }

  @Test
  void untrustedSegmentsAreRepairedAndEveryChangeRecorded() {
    List<Segment> llm = List.of(
        Segment.of(5000, 7000, "Second line of the story."),
        Segment.of(1000, 1000, "First line of the story."), // end == start
        Segment.of(6500, 9000, "Third line overlaps the second."),
        Segment.of(9500, 9500, "   "),
        Segment.of(12_000, 15_000, "This one runs past the end."),
        Segment.of(20_000, 21_000, "This one starts after the end."));
    ShapingResult r = shaper.shape(Transcript.builder().language("en").segments(llm).mediaDurationMs(13_000L).build());
    assertThat(r.report().repairs()).extracting(Repair::kind).containsExactlyInAnyOrder(
        Repair.Kind.DROPPED_EMPTY, Repair.Kind.SORTED, Repair.Kind.FIXED_END_BEFORE_START,
        Repair.Kind.RESOLVED_OVERLAP, Repair.Kind.CLAMPED_TO_MEDIA, Repair.Kind.DROPPED_BEYOND_MEDIA);
    List<Cue> cues = r.track().cues();
    assertThat(cues.get(0).text()).isEqualTo("First line of the story.");
    for (int i = 1; i < cues.size(); i++) assertThat(cues.get(i).startMs()).isGreaterThan(cues.get(i - 1).endMs());
    assertThat(cues.get(cues.size() - 1).endMs()).isLessThanOrEqualTo(13_000);
    assertThat(cues).extracting(Cue::text).doesNotContain("This one starts after the end.");
  }

  @Test
  void repeatedLlmSegmentsAreALoop() {
    List<Segment> llm = new ArrayList<>();
    llm.add(Segment.of(0, 1000, "Hello there."));
    for (int i = 1; i <= 4; i++) llm.add(Segment.of(i * 1000, i * 1000 + 900, "I'm sorry."));
    ShapingResult r = shaper.shape(Transcript.builder().language("en").segments(llm).build());
    assertThat(r.track().cues()).extracting(Cue::text).containsExactly("Hello there.", "I'm sorry.");
    assertThat(r.report().repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.DROPPED_REPETITION);
  }

  @Test
  void implausibleReadingSpeedIsFlagged() {
    Segment s = Segment.of(0, 500, "This whole long sentence cannot possibly be said in half a second.");
    ShapingResult r = shaper.shape(Transcript.builder().language("en").segments(List.of(s)).build());
    assertThat(r.report().violations()).anySatisfy(v -> {
      assertThat(v.rule()).isEqualTo(Violation.Rule.IMPLAUSIBLE_READING_SPEED);
      assertThat(v.cueIndex()).isEqualTo(-1);
      assertThat(v.measured()).isGreaterThan(100);
    });
  }

  @Test
  void implausibleWordTimingsAreFlaggedOncePerRun() {
    List<TimedWord> w = new ArrayList<>();
    // A plausible sentence (about 12 chars/s) ...
    String[] calm = {"We", "walked", "home", "slowly."};
    for (int i = 0; i < calm.length; i++) w.add(TimedWord.of(calm[i], i * 500L, i * 500L + 450));
    // ... then, after a pause, a sentence squeezed into 300 ms (over 100 chars/s), then a zero-length one.
    String[] squeezed = {"Then", "everything", "happened", "at", "once."};
    for (int i = 0; i < squeezed.length; i++) w.add(TimedWord.of(squeezed[i], 5000 + i * 60L, 5000 + i * 60L + 60));
    for (String t : new String[] {"Nobody", "noticed", "anything."}) w.add(TimedWord.of(t, 9000, 9000));
    ShapingResult r = shaper.shape(Transcript.builder().language("en").words(w).build());
    List<Violation> flagged = new ArrayList<>();
    for (Violation v : r.report().violations()) {
      if (v.rule() == Violation.Rule.IMPLAUSIBLE_READING_SPEED) flagged.add(v);
    }
    assertThat(flagged).extracting(Violation::startMs).containsExactly(5000L, 9000L);
    assertThat(flagged.get(0).cueIndex()).isEqualTo(-1);
    assertThat(flagged.get(0).measured()).isCloseTo(33 * 1000.0 / 300, org.assertj.core.data.Offset.offset(0.01));
    assertThat(flagged.get(0).cause()).contains("'Then everything happened at once.'").contains("33 characters in 300 ms");
    assertThat(flagged.get(1).measured()).isEqualTo(24 * 1000.0);
  }

  @Test
  void shortWordsWithCoarseTimestampsAreNotJudged() {
    // "Oh no." in 80 ms is 75 chars/s, but a lone short run's timestamps are too coarse to call it wrong.
    List<TimedWord> w = List.of(TimedWord.of("Oh", 0, 40), TimedWord.of("no.", 40, 80),
        TimedWord.of("That", 1000, 1300), TimedWord.of("hurts.", 1300, 1800));
    ShapingResult r = shaper.shape(Transcript.builder().language("en").words(w).build());
    assertThat(r.report().violations()).extracting(Violation::rule)
        .doesNotContain(Violation.Rule.IMPLAUSIBLE_READING_SPEED);
  }

  @Test
  void segmentsAreJudgedOnceNotAgainAsEstimatedWords() {
    Segment s = Segment.of(0, 500, "This whole long sentence cannot possibly be said in half a second.");
    ShapingResult r = shaper.shape(Transcript.builder().language("en").segments(List.of(s)).build());
    assertThat(r.report().violations()).filteredOn(v -> v.rule() == Violation.Rule.IMPLAUSIBLE_READING_SPEED)
        .hasSize(1);
  }

  @Test
  void trimmingWordTextIsRecorded() {
    List<TimedWord> w = List.of(TimedWord.of(" Hello", 0, 400), TimedWord.of("there ", 400, 800),
        TimedWord.of("friend.", 800, 1300));
    ShapingResult r = shaper.shape(Transcript.builder().language("en").words(w).build());
    assertThat(r.track().cues()).extracting(Cue::text).containsExactly("Hello there friend.");
    assertThat(r.report().repairs()).singleElement().satisfies(rep -> {
      assertThat(rep.kind()).isEqualTo(Repair.Kind.TRIMMED_TEXT);
      assertThat(rep.index()).isEqualTo(-1);
      assertThat(rep.detail()).isEqualTo("trimmed whitespace around the text of 2 words (first: word 0, ' Hello')");
    });

    ShapingResult one = shaper.shape(Transcript.builder().language("en")
        .words(List.of(TimedWord.of("Hi", 0, 300), TimedWord.of("you. ", 300, 700))).build());
    assertThat(one.report().repairs()).singleElement().satisfies(rep -> {
      assertThat(rep.kind()).isEqualTo(Repair.Kind.TRIMMED_TEXT);
      assertThat(rep.index()).isEqualTo(1);
      assertThat(rep.startMs()).isEqualTo(300);
    });
  }

  @Test
  void reshapeFixesABadCaptionFile() {
    List<Cue> bad = List.of(
        Cue.of(0, 9000, "This cue holds far too much text for a single caption, because whoever made the file "
            + "just dumped a whole segment into it without any line breaks at all."),
        Cue.of(9000, 9300, "Ok."));
    ShapingResult r = shaper.reshape(CaptionTrack.of("en", TrackKind.SUBTITLES, bad), OptionalLong.of(10_000L));
    assertThat(r.track().kind()).isEqualTo(TrackKind.SUBTITLES);
    assertThat(r.track().cues()).hasSizeGreaterThan(2);
    assertThat(r.track().cues()).allSatisfy(c -> assertThat(c.lines()).hasSizeLessThanOrEqualTo(2)
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(42)));
    assertThat(r.report().summary()).startsWith("netflix-en: ");
  }

  @Test
  void cjkWordsAreJoinedWithoutSpacesAndBrokenBetweenCharacters() {
    StyleProfile zh = StyleProfile.NETFLIX_EN.toBuilder().name("zh").maxCharsPerLine(16).maxCharsPerSecond(9).build();
    Segment s = Segment.of(0, 6000, "我们昨天在公园里散步，看到了很多美丽的花和一只小狗。");
    ShapingResult r = CaptionShaper.of(zh).shape(Transcript.builder().language("zh").segments(List.of(s)).build());
    StringBuilder all = new StringBuilder();
    for (Cue c : r.track().cues()) {
      all.append(c.text().replace("\n", ""));
      assertThat(c.text()).doesNotContain(" ");
      for (String l : c.lines()) assertThat(l.codePointCount(0, l.length())).isLessThanOrEqualTo(16);
    }
    assertThat(all.toString()).isEqualTo(s.text());
  }

  @Test
  void summaryIsOneLine() {
    ShapingResult r = shape(say("Hello there, how are you doing today?", 0, 300, 40, null));
    assertThat(r.report().summary()).doesNotContain("\n")
        .isEqualTo("netflix-en: 1 cues, 100.0% compliant; 0 violations; 0 repairs");
  }
}
