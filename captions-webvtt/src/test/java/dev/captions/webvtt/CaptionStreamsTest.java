package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.codec.WriteResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.TimeMap;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming convert gives what the codecs' read then write give: same output, same warnings. */
class CaptionStreamsTest {
  private static final CaptionTrack SAMPLE = CaptionTrack.builder().language("en").kind(TrackKind.CAPTIONS)
      .metadata(TrackMetadata.of("", List.of("::cue { color: yellow }"), List.of(), List.of()))
      .cues(List.of(
          Cue.builder().id("a").startMs(1000).endMs(2000).markup("<i>Tom</i> &amp; <b>Jerry</b> <00:00:01.500>go")
              .settings(CueSettings.builder().line(0.0).snapToLines(true).position(20.0).build()).build(),
          Cue.builder().startMs(2500).endMs(4000).plainText("a < b, 3 > 2 --> ok").speaker("Ann").build(),
          Cue.ofPlainText(5000, 6500, "{\\an8} is text here\n00:00:01,000 -> 00:00:02,000")))
      .build();

  @Test
  void everyPairMatchesReadThenWrite() throws Exception {
    for (CaptionFormat from : CaptionCodecs.all().keySet()) {
      String input = CaptionCodecs.forFormat(from).writeToString(SAMPLE);
      for (CaptionFormat to : CaptionCodecs.all().keySet()) {
        for (TimeMap map : List.of(TimeMap.IDENTITY, TimeMap.shift(-1200), TimeMap.frameRate(25, 23.976))) {
          String pair = from + " → " + to + " " + map;
          // Read then write, the whole track in memory.
          CaptionCodec reader = CaptionCodecs.forFormat(from);
          ParseResult parsed = reader.read(new StringReader(input));
          TimeMap.Result moved = map.retime(parsed.track());
          StringWriter expected = new StringWriter();
          WriteResult expectedLosses = CaptionCodecs.forFormat(to).write(moved.track(), expected);
          // The streaming path.
          List<Diagnostic> read = new ArrayList<>();
          StringWriter actual = new StringWriter();
          WriteResult losses = CaptionStreams.convert(new StringReader(input), from, actual, to, map, read::add);
          assertThat(actual.toString()).as(pair).isEqualTo(expected.toString());
          assertThat(read).as(pair).isEqualTo(parsed.diagnostics());
          List<Diagnostic> lossesWithoutRetiming = new ArrayList<>(losses.losses());
          lossesWithoutRetiming.removeIf(d -> d.message().contains("retiming"));
          assertThat(lossesWithoutRetiming).as(pair).containsExactlyInAnyOrderElementsOf(expectedLosses.losses());
          assertThat(losses.losses().size() - lossesWithoutRetiming.size()).as(pair)
              .isEqualTo((moved.droppedCues().isEmpty() ? 0 : 1) + (moved.clampedCues() == 0 ? 0 : 1));
        }
      }
    }
  }

  @Test
  void pairsWithSrtOnOneSideStream() {
    for (CaptionFormat f : CaptionCodecs.all().keySet()) {
      assertThat(CaptionStreams.streams(CaptionFormat.SRT, f)).isTrue();
      assertThat(CaptionStreams.streams(f, CaptionFormat.SRT)).isTrue();
    }
    assertThat(CaptionStreams.streams(CaptionFormat.WEBVTT, CaptionFormat.JSON)).isFalse();
    assertThat(CaptionStreams.streams(CaptionFormat.WEBVTT, CaptionFormat.WEBVTT)).isFalse();
  }

  @Test
  void srtToSrtKeepsSrtTagsAsTheyAre() throws Exception {
    String srt = "1\n00:00:01,000 --> 00:00:02,000\n<font color=\"red\">red</font>\n";
    StringWriter out = new StringWriter();
    WriteResult r = CaptionStreams.convert(new StringReader(srt), CaptionFormat.SRT, out, CaptionFormat.SRT,
        TimeMap.IDENTITY, d -> { });
    assertThat(out.toString()).isEqualTo(srt);
    assertThat(r.isLossless()).isTrue();
  }
}
