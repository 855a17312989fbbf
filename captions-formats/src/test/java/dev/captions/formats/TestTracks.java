package dev.captions.formats;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.TimedWord;
import dev.captions.model.TrackKind;
import java.util.List;

/** Tracks the tests of both codecs write (the golden files typical.* and highlight.* hold them). */
public final class TestTracks {
  private TestTracks() {}

  /**
   * Italic, bold, underline, a line break, a speaker, a voice span, a top position, literal {@code & < > { } \}.
   *
   * @return the track
   */
  public static CaptionTrack typical() {
    return CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(
        Cue.of(1000, 2500, "Hello <i>there</i>,\n<b>bold</b> and <u>under</u>"),
        Cue.builder().startMs(2500).endMs(4000).plainText("Tom & Jerry <3 {curly} back\\slash \\N").speaker("Ann")
            .build(),
        Cue.builder().startMs(4000).endMs(5000).markup("On top").settings(CueSettings.builder().line(0).build())
            .build(),
        Cue.of(5000, 6000, "<v Bob>Voice</v> line")));
  }

  /**
   * A track of {@link #highlightedCue()}.
   *
   * @return the track
   */
  public static CaptionTrack highlighted() {
    return CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(highlightedCue()));
  }

  /**
   * One cue with timed words, highlighted ({@link Cue#withWordTimestamps()}).
   *
   * @return the cue
   */
  public static Cue highlightedCue() {
    return Cue.builder().startMs(1000).endMs(3000).plainText("One two, three")
        .words(List.of(TimedWord.of("One", 1000, 1400), TimedWord.of("two", 1500, 1900),
            TimedWord.of("three", 2200, 2900)))
        .build().withWordTimestamps();
  }
}
