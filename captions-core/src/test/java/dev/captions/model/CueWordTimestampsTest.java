package dev.captions.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Cue#withWordTimestamps()}: hand-computed expectations. */
class CueWordTimestampsTest {
  private static Cue cue(String markup, TimedWord... words) {
    return Cue.builder().startMs(1000).endMs(4000).markup(markup).words(List.of(words)).build();
  }

  @Test
  void aTagBeforeEveryWordThatStartsAfterTheCue() {
    Cue c = cue("One two\nthree", TimedWord.of("One", 1000, 1400), TimedWord.of("two", 1500, 1900),
        TimedWord.of("three", 2200, 2900));
    assertThat(c.withWordTimestamps().text()).isEqualTo("One <00:00:01.500>two\n<00:00:02.200>three");
    assertThat(c.withWordTimestamps().words()).isEqualTo(c.words());
  }

  @Test
  void markupAndReferencesAreKept() {
    // "&" has no letter or digit: it gets no tag of its own and shows with the word before it.
    Cue c = cue("<i>Tom</i> &amp; <b>Jerry</b>", TimedWord.of("Tom", 1100, 1300), TimedWord.of("&", 1300, 1400),
        TimedWord.of("Jerry", 1500, 1900));
    assertThat(c.withWordTimestamps().text())
        .isEqualTo("<i><00:00:01.100>Tom</i> &amp; <b><00:00:01.500>Jerry</b>");
  }

  @Test
  void wordsAreMatchedInOrderWhenTheCountsDiffer() {
    // The text has a dash the words do not; "well" is missing from the text.
    Cue c = cue("Yes - well, fine", TimedWord.of("Yes", 1000, 1200), TimedWord.of("uh", 1200, 1300),
        TimedWord.of("well,", 1400, 1600), TimedWord.of("fine", 2000, 2400));
    assertThat(c.withWordTimestamps().text()).isEqualTo("Yes - <00:00:01.400>well, <00:00:02.000>fine");
  }

  @Test
  void tagsOutsideTheCueOrOutOfOrderAreLeftOut() {
    Cue c = cue("a b c d", TimedWord.of("a", 500, 900), TimedWord.of("b", 1200, 1300), TimedWord.of("c", 1200, 1300),
        TimedWord.of("d", 4000, 4100));
    assertThat(c.withWordTimestamps().text()).isEqualTo("a <00:00:01.200>b c d");
  }

  @Test
  void noWordsOrTagsAlreadyThereLeaveTheCueAsItIs() {
    Cue plain = Cue.of(0, 1000, "no words");
    assertThat(plain.withWordTimestamps()).isSameAs(plain);
    Cue tagged = cue("a <00:00:02.000>b", TimedWord.of("a", 1000, 1500), TimedWord.of("b", 3000, 3500));
    assertThat(tagged.withWordTimestamps()).isSameAs(tagged);
  }
}
