package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
}
