package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.captions.model.TimedWord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The WER the other tests rely on must itself be right. */
class TestAudioTest {
  @Test
  void werCountsSubstitutionsDeletionsAndInsertions() {
    List<String> ref = List.of("the", "cat", "sat", "down");
    assertThat(TestAudio.wer(ref, ref)).isZero();
    assertThat(TestAudio.wer(ref, List.of("the", "hat", "sat", "down"))).isCloseTo(0.25, within(1e-9));
    assertThat(TestAudio.wer(ref, List.of("the", "sat", "down"))).isCloseTo(0.25, within(1e-9));
    assertThat(TestAudio.wer(ref, List.of("the", "cat", "sat", "right", "down"))).isCloseTo(0.25, within(1e-9));
    assertThat(TestAudio.wer(ref, List.of())).isEqualTo(1.0);
  }

  @Test
  void wordsIgnoreCaseAndPunctuation() {
    assertThat(TestAudio.words("I'll call. The  Sun!")).containsExactly("i'll", "call", "the", "sun");
  }

  @Test
  void aShiftedSentenceBreakCostsNothingOnNormalisedWords() {
    // The same recognised words, with the sentence break one word later: three edits on formatted words (the
    // comparison readsStreams used to make), none on normalised ones.
    String a = "It is cold. I think we should stay.";
    String b = "It is cold I. Think we should stay.";
    assertThat(TestAudio.wer(List.of(a.split(" ")), List.of(b.split(" ")))).isCloseTo(3 / 8.0, within(1e-9));
    assertThat(TestAudio.wer(TestAudio.words(a), TestAudio.words(b))).isZero();
  }

  @Test
  void unmatchedFindsWordsLostOrAddedAtAChunkEdge() {
    List<TimedWord> whole = List.of(TimedWord.of("it", 0, 200), TimedWord.of("is", 250, 400),
        TimedWord.of("cold", 450, 800), TimedWord.of("today", 850, 1200));
    // Same places, other texts (Vosk's own variance): nothing lost.
    List<TimedWord> reworded = List.of(TimedWord.of("it's", 20, 400), TimedWord.of("is", 260, 400),
        TimedWord.of("old", 430, 800), TimedWord.of("to", 870, 1000));
    assertThat(TestAudio.unmatched(whole, reworded, 100)).isEmpty();
    // "cold" lost at a cut, and "today" decoded twice (once by each chunk, the second copy 300 ms late).
    List<TimedWord> cut = List.of(TimedWord.of("it", 0, 200), TimedWord.of("is", 250, 400),
        TimedWord.of("today", 850, 1200), TimedWord.of("today", 1150, 1300));
    assertThat(TestAudio.unmatched(whole, cut, 100)).extracting(TimedWord::text).containsExactly("cold");
    assertThat(TestAudio.unmatched(cut, whole, 100)).extracting(TimedWord::startMs).containsExactly(1150L);
  }
}
