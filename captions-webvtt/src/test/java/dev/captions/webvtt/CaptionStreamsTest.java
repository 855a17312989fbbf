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

  /** Everything the model's head holds, and notes, which JSON writes after the cues. */
  private static final CaptionTrack FULL = CaptionTrack.builder().language("fr").kind(TrackKind.SUBTITLES)
      .metadata(TrackMetadata.of("- the header\nsecond line", List.of("::cue { color: yellow }"),
          List.of(dev.captions.model.Region.builder("r1").width(40).lines(2).build()), List.of("a note", "another")))
      .cues(List.of(
          Cue.builder().startMs(1000).endMs(2000).markup("<v Ann>Hi</v> &amp; <ruby>漢<rt>kan</rt></ruby>")
              .settings(CueSettings.builder().region("r1").build()).build(),
          Cue.builder().id("x").startMs(3000).endMs(4000).plainText("plain <text>")
              .words(List.of(dev.captions.model.TimedWord.of("plain", 3000, 3500))).build()))
      .build();

  private static final List<CaptionFormat> FORMATS =
      List.of(CaptionFormat.WEBVTT, CaptionFormat.SRT, CaptionFormat.JSON);

  @Test
  void everyPairMatchesReadThenWrite() throws Exception {
    everyPairMatchesReadThenWrite(SAMPLE);
  }

  /**
   * With notes: JSON holds them after the cues, so from JSON the streamed WebVTT has its NOTEs after the cues where
   * read-then-write puts them first; the two read back the same.
   */
  @Test
  void everyPairMatchesReadThenWriteWithTheWholeHead() throws Exception {
    everyPairMatchesReadThenWrite(FULL);
  }

  private static void everyPairMatchesReadThenWrite(CaptionTrack track) throws Exception {
    for (CaptionFormat from : FORMATS) {
      String input = CaptionCodecs.forFormat(from).writeToString(track);
      for (CaptionFormat to : FORMATS) {
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
          if (from == CaptionFormat.JSON && to == CaptionFormat.WEBVTT && !track.metadata().notes().isEmpty()) {
            CaptionCodec vtt = CaptionCodecs.forFormat(to);
            assertThat(actual.toString()).as(pair).isNotEqualTo(expected.toString()).endsWith("NOTE\nanother\n");
            ParseResult streamed = vtt.read(new StringReader(actual.toString()));
            ParseResult whole = vtt.read(new StringReader(expected.toString()));
            assertThat(streamed.track()).as(pair).isEqualTo(whole.track());
            assertThat(streamed.track().metadata().notes()).as(pair).containsExactly("a note", "another");
            assertThat(streamed.diagnostics()).as(pair).isEqualTo(whole.diagnostics()).isEmpty();
          } else {
            assertThat(actual.toString()).as(pair).isEqualTo(expected.toString());
          }
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
  void everyPairOfTheThreeFormatsStreams() {
    for (CaptionFormat from : FORMATS) {
      for (CaptionFormat to : FORMATS) assertThat(CaptionStreams.streams(from, to)).as(from + " → " + to).isTrue();
    }
  }

  @Test
  void aNoteBetweenCuesStaysInPlaceInWebVttAndGoesAfterTheCuesInJson() throws Exception {
    String vtt = "WEBVTT\n\nNOTE first\n\n00:01.000 --> 00:02.000\nA\n\nNOTE between\n\n00:03.000 --> 00:04.000\nB\n";
    StringWriter out = new StringWriter();
    WriteResult r = CaptionStreams.convert(new StringReader(vtt), CaptionFormat.WEBVTT, out, CaptionFormat.WEBVTT,
        TimeMap.shift(1000), d -> { });
    assertThat(out.toString()).isEqualTo("WEBVTT\n\nNOTE\nfirst\n\n00:00:02.000 --> 00:00:03.000\nA\n\nNOTE\nbetween\n\n"
        + "00:00:04.000 --> 00:00:05.000\nB\n");
    assertThat(r.isLossless()).isTrue();
    StringWriter json = new StringWriter();
    CaptionStreams.convert(new StringReader(vtt), CaptionFormat.WEBVTT, json, CaptionFormat.JSON, TimeMap.IDENTITY,
        d -> { });
    assertThat(json.toString()).endsWith("],\"notes\":[\"first\",\"between\"]}");
    assertThat(new JsonTrackCodec().read(new StringReader(json.toString())).track().metadata().notes())
        .containsExactly("first", "between");
  }

  /**
   * JSON may give its properties in any order. Without "language" and "kind" before "cues" (a hand-written file) the
   * cues are held until the end, so nothing is lost; with them first (as this SDK writes) it streams, and a head
   * property that still comes after the cues is reported, never lost silently.
   */
  @Test
  void jsonPropertiesAfterTheCuesAreKeptOrReported() throws Exception {
    String cuesFirst = "{\"cues\":[{\"startTime\":1,\"endTime\":2,\"text\":\"Hi\"}],\"language\":\"fr\","
        + "\"kind\":\"subtitles\",\"styles\":[\"::cue{}\"],\"notes\":[\"late note\"]}";
    String stylesLate = "{\"language\":\"fr\",\"kind\":\"subtitles\",\"cues\":[{\"startTime\":1,\"endTime\":2,"
        + "\"text\":\"Hi\"}],\"styles\":[\"::cue{}\"],\"notes\":[\"late note\"]}";
    for (CaptionFormat to : List.of(CaptionFormat.WEBVTT, CaptionFormat.JSON)) {
      CaptionCodec codec = CaptionCodecs.forFormat(to);
      StringWriter out = new StringWriter();
      WriteResult r = CaptionStreams.convert(new StringReader(cuesFirst), CaptionFormat.JSON, out, to,
          TimeMap.IDENTITY, d -> { });
      assertThat(r.isLossless()).as(to.toString()).isTrue();
      CaptionTrack whole = new JsonTrackCodec().read(new StringReader(cuesFirst)).track();
      assertThat(out.toString()).as(to.toString()).isEqualTo(codec.writeToString(whole));

      StringWriter streamed = new StringWriter();
      r = CaptionStreams.convert(new StringReader(stylesLate), CaptionFormat.JSON, streamed, to, TimeMap.IDENTITY,
          d -> { });
      assertThat(r.losses()).extracting(Diagnostic::message).as(to.toString()).containsExactly(
          "dropped the input's \"styles\": it comes after \"cues\", and a streamed conversion to "
              + (to == CaptionFormat.JSON ? "JSON" : "WebVTT") + " has written the track's head by then; put it "
              + "before \"cues\" (as this SDK writes JSON)");
      CaptionTrack back = codec.read(new StringReader(streamed.toString())).track();
      assertThat(back.language()).isEqualTo("fr");
      assertThat(back.kind()).isEqualTo(TrackKind.SUBTITLES);
      assertThat(back.metadata().notes()).as(to.toString()).containsExactly("late note");
      assertThat(back.metadata().styles()).as(to.toString()).isEmpty();
    }
    // SRT holds none of it; the report is SRT's usual one, from the whole input.
    WriteResult srt = CaptionStreams.convert(new StringReader(stylesLate), CaptionFormat.JSON, new StringWriter(),
        CaptionFormat.SRT, TimeMap.IDENTITY, d -> { });
    assertThat(srt.losses()).extracting(Diagnostic::message).containsExactlyInAnyOrder(
        "dropped 1 × NOTE comments: SRT cannot represent them",
        "dropped 1 × STYLE blocks: SRT cannot represent them",
        "dropped 1 × track kind (subtitles): SRT cannot represent them",
        "dropped 1 × track language (fr): SRT cannot represent them");
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
