package dev.captions.align;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RecognitionAlignerTest {
  /** Speech: 1.0–3.0 s and 4.0–6.0 s; a 1 s pause between the sentences. */
  private static final SpeechActivity SPEECH =
      SpeechActivity.of(List.of(new long[] {1000, 3000}, new long[] {4000, 6000}), 7000);

  /** A language model's transcript: right words, times 2 s late, one segment per sentence. */
  private static Transcript late() {
    return Transcript.builder().language("en").segments(List.of(
        Segment.of(3000, 5000, "Hello there, my old friend."),
        Segment.of(6000, 8000, "We met in 2024 again."))).build();
  }

  private static List<TimedWord> heard() {
    return List.of(
        TimedWord.of("hello", 1000, 1400, 1.0, null), TimedWord.of("there", 1450, 1900, 1.0, null),
        TimedWord.of("my", 2000, 2200, 1.0, null), TimedWord.of("gold", 2250, 2500, 0.4, null),
        TimedWord.of("friend", 2550, 3000, 1.0, null),
        TimedWord.of("we", 4000, 4200, 1.0, null), TimedWord.of("met", 4250, 4500, 1.0, null),
        TimedWord.of("in", 4550, 4700, 1.0, null), TimedWord.of("twenty", 4750, 5100, 1.0, null),
        TimedWord.of("twenty", 5150, 5400, 1.0, null), TimedWord.of("four", 5450, 5700, 1.0, null),
        TimedWord.of("again", 5750, 6000, 1.0, null));
  }

  @Test
  void wordsKeepTheirTextAndTakeTheRecognisersTimes() {
    AlignedTranscript out = RecognitionAligner.align("test", late(), heard(), SPEECH);

    List<TimedWord> words = out.transcript().words();
    assertThat(words).extracting(TimedWord::text).containsExactly(
        "Hello", "there,", "my", "old", "friend.", "We", "met", "in", "2024", "again.");
    assertThat(words.get(0).startMs()).isEqualTo(1000);
    assertThat(words.get(5).startMs()).isEqualTo(4000);
    // "2024" spans the three recognised tokens it is spoken as
    assertThat(words.get(8).startMs()).isEqualTo(4750);
    assertThat(words.get(8).endMs()).isEqualTo(5700);
    // "old" was heard as "gold": placed between its anchors, inside speech
    assertThat(words.get(3).startMs()).isBetween(2200L, 2550L);
    assertThat(out.report().anchored()).isEqualTo(9);
    assertThat(out.report().interpolated()).isEqualTo(1);
    assertThat(out.report().leftAsGiven()).isZero();
    assertThat(out.report().largestCorrectionMs()).isGreaterThanOrEqualTo(1900);
    // segments keep their text, now spanning their words
    assertThat(out.transcript().segments()).extracting(Segment::text)
        .containsExactly("Hello there, my old friend.", "We met in 2024 again.");
    assertThat(out.transcript().segments().get(1).startMs()).isEqualTo(4000);
  }

  @Test
  void aTextOnlyTranscriptGetsEveryWordTimed() {
    Transcript textOnly = Transcript.builder().language("en")
        .segments(List.of(Segment.of(0, 7000, "Hello there, my old friend. We met in 2024 again."))).build();
    AlignedTranscript out = RecognitionAligner.align("test", textOnly, heard(), SPEECH);
    assertThat(out.transcript().words().stream().map(TimedWord::text).collect(Collectors.joining(" ")))
        .isEqualTo("Hello there, my old friend. We met in 2024 again.");
    assertThat(out.transcript().words().get(5).startMs()).isEqualTo(4000);
  }

  @Test
  void unmatchedWordsAfterASentenceEndStartAfterThePause() {
    List<TimedWord> missingWe = heard().stream().filter(w -> !w.text().equals("we")).collect(Collectors.toList());
    AlignedTranscript out = RecognitionAligner.align("test", late(), missingWe, SPEECH);
    assertThat(out.transcript().words().get(5).startMs()).isEqualTo(4000);
  }

  @Test
  void aRecognitionThatMatchesNothingFallsBackToOnsets() {
    List<TimedWord> foreign = List.of(TimedWord.of("hola", 1000, 1500, 1.0, null));
    AlignedTranscript out = RecognitionAligner.align("test", late(), foreign, SPEECH);
    assertThat(out.report().aligner()).isEqualTo("test+energy");
    assertThat(out.transcript().words().get(0).startMs()).isEqualTo(1000);
    assertThat(out.transcript().words().get(5).startMs()).isEqualTo(4000);
    assertThat(out.transcript().words()).extracting(TimedWord::text).containsExactly(
        "Hello", "there,", "my", "old", "friend.", "We", "met", "in", "2024", "again.");
  }

  @Test
  void anEmptyTranscriptStaysEmpty() {
    AlignedTranscript out = RecognitionAligner.align("test", Transcript.empty("en"), heard(), SPEECH);
    assertThat(out.transcript().isEmpty()).isTrue();
    assertThat(out.report().words()).isZero();
  }

  /**
   * A recogniser that starts a sentence's first word 0.3 s after its utterance's soft onset: the word starts at the
   * onset. Not when something else was heard in between, nor for a word inside a sentence.
   */
  @Test
  void aSentencesFirstWordHeardLateAfterItsOnsetStartsAtTheOnset() {
    List<TimedWord> late = new java.util.ArrayList<>(heard());
    late.set(5, TimedWord.of("we", 4300, 4400, 1.0, null)); // "We" heard 300 ms after the onset at 4.0 s
    List<TimedWord> words = RecognitionAligner.align("test", late(), late, SPEECH).transcript().words();
    assertThat(words.get(5).text()).isEqualTo("We");
    assertThat(words.get(5).startMs()).isEqualTo(4000);

    List<TimedWord> noise = new java.util.ArrayList<>(late);
    noise.add(5, TimedWord.of("uh", 4050, 4250, 1.0, null)); // something heard before it: it stays where it was heard
    words = RecognitionAligner.align("test", late(), noise, SPEECH).transcript().words();
    assertThat(words.get(5).startMs()).isEqualTo(4300);

    Transcript oneSentence = Transcript.builder().language("en").segments(List.of(
        Segment.of(3000, 8000, "Hello there, my old friend, we met in 2024 again."))).build();
    words = RecognitionAligner.align("test", oneSentence, late, SPEECH).transcript().words();
    assertThat(words.get(5).startMs()).isEqualTo(4300);
  }
}
