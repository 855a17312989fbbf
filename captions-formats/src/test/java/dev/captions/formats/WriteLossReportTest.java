package dev.captions.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.ass.AssCodec;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.WriteResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.Region;
import dev.captions.model.TimedWord;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import dev.captions.ttml.TtmlCodec;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What each format cannot hold is named, one warning per kind with a count; what it can hold is not reported. */
class WriteLossReportTest {
  private static final CaptionTrack RICH = CaptionTrack.builder().language("en").kind(TrackKind.SUBTITLES)
      .metadata(TrackMetadata.of("header", List.of("::cue { color: red }"), List.of(Region.builder("r1").build()),
          List.of("a note")))
      .cues(List.of(
          Cue.builder().id("1 bad id").startMs(0).endMs(1005).markup("<c.yellow>class</c> <ruby>漢<rt>kan</rt></ruby>")
              .words(List.of(TimedWord.of("class", 0, 500))).build(),
          Cue.builder().startMs(2000).endMs(3000).markup("<v Ann>Hi</v> <v Bob>there</v>")
              .settings(CueSettings.builder().region("r1").line(30).snapToLines(false).position(20).size(50).build())
              .build()))
      .build();

  private static List<String> losses(WriteResult r) {
    return r.losses().stream().map(Diagnostic::message).toList();
  }

  @Test
  void ass() throws Exception {
    StringWriter out = new StringWriter();
    List<String> l = losses(new AssCodec().write(RICH, out));
    assertThat(l).containsExactlyInAnyOrder(
        "dropped 1 × <c> class spans: ASS cannot represent them",
        "dropped 1 × NOTE comments: ASS cannot represent them",
        "dropped 1 × REGION definitions: ASS cannot represent them",
        "dropped 1 × STYLE blocks: ASS cannot represent them",
        "dropped 1 × cue ids: ASS cannot represent them",
        "dropped 1 × cue regions: ASS cannot represent them",
        "dropped 1 × cue sizes: ASS cannot represent them",
        "dropped 1 × cue times rounded to centiseconds (ASS times are H:MM:SS.cc): ASS cannot represent them",
        "dropped 1 × header text: ASS cannot represent them",
        "dropped 1 × ruby text (<rt>): ASS cannot represent them",
        "dropped 1 × timed words: ASS cannot represent them",
        "dropped 1 × track kind (subtitles): ASS cannot represent them",
        "dropped 1 × voices beyond the event's Name field: ASS cannot represent them");
    // line 30% (the top of the box: lineAlign start) and position 20% (its centre) map exactly to \an8 + \pos in the
    // 384×288 script
    assertThat(out.toString()).contains("{\\an8\\pos(77,86)}Hi there");
  }

  @Test
  void ttml() throws Exception {
    List<String> l = losses(new TtmlCodec().write(RICH, new StringWriter()));
    assertThat(l).containsExactlyInAnyOrder(
        "dropped 1 × NOTE comments: TTML cannot represent them",
        "dropped 1 × REGION definitions (TTML regions come from cue positions): TTML cannot represent them",
        "dropped 1 × STYLE blocks: TTML cannot represent them",
        "dropped 1 × class names (.yellow …): TTML cannot represent them",
        "dropped 1 × cue ids that are not unique XML names: TTML cannot represent them",
        "dropped 1 × cue line/position settings approximated by a region (top, middle, bottom) and text alignment:"
            + " TTML cannot represent them",
        "dropped 1 × cue region references: TTML cannot represent them",
        "dropped 1 × cue sizes: TTML cannot represent them",
        "dropped 1 × header text: TTML cannot represent them",
        "dropped 1 × ruby text (<rt>): TTML cannot represent them",
        "dropped 1 × timed words: TTML cannot represent them",
        "dropped 1 × track kind (subtitles): TTML cannot represent them");
  }

  @Test
  void whatBothCanHoldIsNotReported() throws Exception {
    assertThat(new AssCodec().write(TestTracks.typical(), new StringWriter()).isLossless()).isTrue();
    assertThat(new TtmlCodec().write(TestTracks.typical(), new StringWriter()).isLossless()).isTrue();
  }
}
