package dev.captions.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.WriteResult;
import dev.captions.model.CaptionTrack;
import dev.captions.webvtt.WebVttValidator;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A highlighted cue ({@link dev.captions.model.Cue#withWordTimestamps()}) in every format. */
class WordHighlightTest {
  private final CaptionTrack track = TestTracks.highlighted();

  @Test
  void webVttKeepsTheTimestampTagsAndValidates() throws Exception {
    String vtt = CaptionCodecs.forFormat(CaptionFormat.WEBVTT).writeToString(track);
    assertThat(vtt).contains("One <00:00:01.500>two, <00:00:02.200>three");
    assertThat(WebVttValidator.create().validate(new StringReader(vtt))).isEmpty();
  }

  @Test
  void assWritesKaraokeDurationsInCentiseconds() {
    String ass = CaptionCodecs.forFormat(CaptionFormat.ASS).writeToString(track);
    assertThat(ass).contains(",,{\\k50}One {\\k70}two, {\\k80}three\n");
  }

  @Test
  void ttmlWritesTimedSpansThatPassTheImscChecker() throws Exception {
    String ttml = CaptionCodecs.forFormat(CaptionFormat.TTML).writeToString(track);
    assertThat(ttml).contains("One <span begin=\"00:00:00.500\">two, </span><span begin=\"00:00:01.200\">three</span>");
    assertThat(CaptionCodecs.forFormat(CaptionFormat.TTML).validate(new StringReader(ttml))).isEmpty();
  }

  @Test
  void srtReportsTheTimestampTagsAsLost() throws Exception {
    WriteResult r = CaptionCodecs.forFormat(CaptionFormat.SRT).write(track, new StringWriter());
    assertThat(r.losses()).extracting(Diagnostic::message).anyMatch(m -> m.contains("2 × timestamp tags"));
  }
}
