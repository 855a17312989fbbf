package dev.captions.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.WriteResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TimedWord;
import dev.captions.model.TrackKind;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The loss report of every format for the tracks the pipeline writes (see core's {@code PipelineWrittenTrackTest}
 * for how it makes them): cue text without the timed words for the caption formats, with timestamp tags when words
 * are highlighted; the words themselves for JSON; no language for SRT, whose file is named after it. Nothing asked
 * is lost, so nothing is reported, except word highlighting asked of SRT: one line that says so.
 */
class PipelineOutputLossTest {
  /** Two shaped cues made of timed words, the times on centiseconds as ASS writes them, as a transcriber gives. */
  private static final CaptionTrack SHAPED = CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(
      Cue.builder().startMs(450).endMs(2700).plainText("Welcome to the captions project.")
          .words(List.of(TimedWord.of("Welcome", 450, 900), TimedWord.of("to", 950, 1100),
              TimedWord.of("the", 1100, 1250), TimedWord.of("captions", 1300, 1900),
              TimedWord.of("project.", 1950, 2700))).build(),
      Cue.builder().startMs(3360).endMs(6270).plainText("This short video was made\nwith synthetic speech.")
          .words(List.of(TimedWord.of("This", 3360, 3600), TimedWord.of("short", 3650, 3900),
              TimedWord.of("video", 3950, 4300), TimedWord.of("was", 4350, 4500), TimedWord.of("made", 4550, 4900),
              TimedWord.of("with", 5000, 5200), TimedWord.of("synthetic", 5250, 5800),
              TimedWord.of("speech.", 5850, 6270))).build()));

  private static final List<CaptionFormat> CAPTION_FORMATS =
      List.of(CaptionFormat.WEBVTT, CaptionFormat.SRT, CaptionFormat.TTML, CaptionFormat.ASS);

  private static List<String> losses(CaptionFormat format, CaptionTrack track) throws Exception {
    WriteResult r = CaptionCodecs.forFormat(format).write(track, new StringWriter());
    return r.losses().stream().map(Diagnostic::message).collect(Collectors.toList());
  }

  /** What the pipeline hands a caption format: the cues without their words; SRT without the language. */
  private static CaptionTrack asked(CaptionFormat format, CaptionTrack track) {
    List<Cue> cues = new ArrayList<>();
    for (Cue c : track.cues()) cues.add(c.toBuilder().words(List.of()).build());
    return track.toBuilder().cues(cues).language(format == CaptionFormat.SRT ? "und" : track.language()).build();
  }

  private static CaptionTrack highlighted(CaptionTrack track) {
    List<Cue> cues = new ArrayList<>();
    for (Cue c : track.cues()) cues.add(c.withWordTimestamps());
    return track.toBuilder().cues(cues).build();
  }

  @Test
  void withoutHighlightingNoFormatReportsALoss() throws Exception {
    for (CaptionFormat f : CAPTION_FORMATS) assertThat(losses(f, asked(f, SHAPED))).as(f.name()).isEmpty();
    assertThat(losses(CaptionFormat.JSON, SHAPED)).isEmpty();
  }

  @Test
  void withHighlightingOnlySrtReportsOneLineNamingWordHighlighting() throws Exception {
    CaptionTrack tagged = highlighted(SHAPED);
    assertThat(tagged.cues().get(0).text()).contains("<00:00:00.950>to");
    for (CaptionFormat f : List.of(CaptionFormat.WEBVTT, CaptionFormat.TTML, CaptionFormat.ASS)) {
      assertThat(losses(f, asked(f, tagged))).as(f.name()).isEmpty();
    }
    assertThat(losses(CaptionFormat.JSON, tagged)).isEmpty();
    // 13 words in two cues, each cue's first spoken as it starts: 11 tags.
    assertThat(losses(CaptionFormat.SRT, asked(CaptionFormat.SRT, tagged))).containsExactly(
        "dropped 11 × timestamp tags (word highlighting needs WebVTT, TTML or ASS): SRT cannot represent them");
  }

  @Test
  void aConversionStillReportsTheWordsItCannotKeep() throws Exception {
    // Writing a track as it is (what `captions convert in.json out.vtt` does) keeps every loss in the report.
    for (CaptionFormat f : CAPTION_FORMATS) {
      assertThat(losses(f, SHAPED)).as(f.name()).anyMatch(m -> m.startsWith("dropped 13 × timed words"));
    }
  }
}
