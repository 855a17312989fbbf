package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.TimedWord;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SentenceFormatterTest {
  private final SentenceFormatter english = new SentenceFormatter(700, true);

  @Test
  void longPausesEndSentencesAndStartCapitalised() {
    List<TimedWord> words = List.of(w("hello", 0, 300), w("there", 350, 700), w("i'm", 1500, 1700),
        w("here", 1750, 2000), w("and", 2100, 2300), w("i'll", 2350, 2500), w("stay", 2550, 2800),
        w("i", 3600, 3700), w("said", 3750, 4000));
    assertThat(text(english.format(words))).isEqualTo("Hello there. I'm here and I'll stay. I said.");
  }

  @Test
  void keepsTimesAndConfidences() {
    TimedWord in = TimedWord.of("yes", 100, 400, 0.8, null);
    TimedWord out = english.format(List.of(in)).get(0);
    assertThat(out.text()).isEqualTo("Yes.");
    assertThat(out.startMs()).isEqualTo(100);
    assertThat(out.endMs()).isEqualTo(400);
    assertThat(out.confidence()).isEqualTo(0.8);
  }

  @Test
  void pronounRuleIsEnglishOnlyAndEmptyStaysEmpty() {
    SentenceFormatter other = new SentenceFormatter(700, false);
    assertThat(text(other.format(List.of(w("été", 0, 100), w("i", 200, 300))))).isEqualTo("Été i.");
    assertThat(english.format(List.of())).isEmpty();
  }

  private static TimedWord w(String text, long startMs, long endMs) {
    return TimedWord.of(text, startMs, endMs, 1.0, null);
  }

  private static String text(List<TimedWord> words) {
    return words.stream().map(TimedWord::text).collect(Collectors.joining(" "));
  }
}
