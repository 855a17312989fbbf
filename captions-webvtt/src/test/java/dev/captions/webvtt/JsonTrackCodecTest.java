package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.captions.CaptionFormatException;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.Region;
import dev.captions.model.TimedWord;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTrackCodecTest {
  private static ParseResult read(String json) throws IOException {
    return new JsonTrackCodec().read(new StringReader(json));
  }

  private static CaptionFormatException error(String json) {
    return catchThrowableOfType(CaptionFormatException.class, () -> read(json));
  }

  private static String cues(String cue) {
    return "{\"cues\":[\n" + cue + "\n]}";
  }

  @Test
  void wrongTypesAreErrorsAtTheValue() {
    CaptionFormatException text = error(cues("{\"startTime\":0,\"endTime\":1,\"text\":{\"a\":1}}"));
    assertThat(text).hasMessage("line 2, col 35: \"text\" must be a string, not an object");
    assertThat(text.line()).isEqualTo(2);
    assertThat(text.column()).isEqualTo(35);
    assertThat(error(cues("{\"startTime\":0,\"endTime\":1,\"text\":\"a\",\"words\":[{\"text\":\"a\",\"startTime\":\"x\",\"endTime\":1}]}")))
        .hasMessage("line 2, col 72: \"startTime\" must be a number of seconds, not a string");
    assertThat(error(cues("{\"startTime\":0,\"endTime\":1,\"snapToLines\":\"yes\"}")))
        .hasMessage("line 2, col 42: \"snapToLines\" must be true or false, not a string");
    assertThat(error(cues("{\"startTime\":0,\"endTime\":1,\"line\":\"top\"}")))
        .hasMessage("line 2, col 35: \"line\" must be a number or \"auto\", not a string");
    assertThat(error("{\"language\":5,\"cues\":[]}")).hasMessage("line 1, col 13: \"language\" must be a string, not a number");
    assertThat(error("{\"cues\":{}}")).hasMessage("line 1, col 9: \"cues\" must be an array, not an object");
    assertThat(error("{\"cues\":[],\"styles\":[null]}")).hasMessageContaining("\"styles[]\" must be a string");
  }

  @Test
  void missingTimesAreErrorsNotZero() {
    assertThat(error(cues("  {\"text\":\"a\",\"endTime\":1}")))
        .hasMessage("line 2, col 3: cue 0 needs \"startTime\" and \"endTime\" (numbers, in seconds)");
    assertThat(error(cues("{\"startTime\":0,\"endTime\":1,\"words\":[{\"text\":\"a\",\"endTime\":1}]}")))
        .hasMessage("line 2, col 37: a word needs \"startTime\" and \"endTime\" (numbers, in seconds)");
  }

  @Test
  void timesOutOfRangeAreErrors() {
    assertThat(error(cues("{\"startTime\":0,\"endTime\":1e300}")))
        .hasMessage("line 2, col 26: \"endTime\" (1e300) must be between 0 and 9.0E15 seconds");
    assertThat(error(cues("{\"startTime\":-1,\"endTime\":1}"))).hasMessageContaining("\"startTime\" (-1) must be between 0");
    assertThat(error(cues("{\"startTime\":0,\"endTime\":1e999}"))).hasMessageContaining("\"endTime\" (1e999)");
    assertThat(error(cues("{\"startTime\":0,\"endTime\":1,\"size\":1e999}"))).hasMessageContaining("\"size\" is too large");
  }

  @Test
  void trailingContentIsAnError() throws IOException {
    assertThat(error("{\"cues\":[]} x")).hasMessage(
        "line 1, col 13: unexpected content after the track object (a file holds one track)");
    assertThat(error("{\"cues\":[]}\n{\"cues\":[]}")).hasMessage(
        "line 2, col 1: unexpected content after the track object (a file holds one track)");
    assertThat(read("{\"cues\":[]}\n  \n").track().cues()).isEmpty();
  }

  @Test
  void repeatedPropertiesAreErrors() {
    assertThat(error(cues("{\"startTime\":0,\"endTime\":1,\"text\":\"a\",\"text\":\"b\"}")))
        .hasMessageStartingWith("line 2, col 45: not valid JSON: Duplicate field 'text'");
  }

  @Test
  void documentedFormIsStillAcceptedWithNullsAutoAndUnknownProperties() throws IOException {
    ParseResult r = read("{\"language\":\"fr\",\"kind\":\"subtitles\",\"header\":null,\"x-app\":{\"a\":[1]},\"cues\":[\n"
        + "{\"id\":null,\"startTime\":1.5,\"endTime\":3,\"text\":\"Salut\",\"vertical\":\"\",\"line\":\"auto\","
        + "\"snapToLines\":true,\"lineAlign\":\"start\",\"position\":\"auto\",\"positionAlign\":\"auto\",\"size\":100,"
        + "\"align\":\"center\",\"region\":null,\"speaker\":null,\"extra\":[{}],"
        + "\"words\":[{\"text\":\"Salut\",\"startTime\":1.5,\"endTime\":2.0,\"confidence\":0.9,\"speaker\":\"Ann\"}]},\n"
        + "{\"startTime\":3,\"endTime\":4,\"line\":10,\"position\":20,\"positionAlign\":\"line-left\",\"words\":null}]}");
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.track().language()).isEqualTo("fr");
    assertThat(r.track().kind()).isEqualTo(TrackKind.SUBTITLES);
    assertThat(r.track().cues()).containsExactly(
        Cue.builder().startMs(1500).endMs(3000).text("Salut")
            .words(List.of(TimedWord.of("Salut", 1500, 2000, 0.9, "Ann"))).build(),
        Cue.builder().startMs(3000).endMs(4000).text("")
            .settings(CueSettings.builder().line(10.0).position(20.0).positionAlign(CueSettings.Anchor.LINE_LEFT).build())
            .build());
  }

  @Test
  void valuesTheModelRejectsSkipTheCueWithAWarningThatSaysWhere() throws IOException {
    ParseResult r = read(cues("{\"startTime\":2,\"endTime\":1,\"text\":\"backwards\"},\n"
        + "{\"startTime\":0,\"endTime\":1,\"size\":150},\n"
        + "{\"startTime\":0,\"endTime\":1,\"align\":\"middle\",\"text\":\"kept\"}"));
    assertThat(r.track().cues()).extracting(Cue::text).containsExactly("kept");
    assertThat(r.diagnostics()).extracting(Diagnostic::toString).containsExactly(
        "line 2, col 1: skipped cue 0: endMs (1000) must be greater than startMs (2000)",
        "line 3, col 1: skipped cue 1: size (150.0) must be between 0 and 100",
        "line 4, col 36: ignored unknown align 'middle'");
  }

  @Test
  void everythingTheWriterWritesReadsBack() throws IOException {
    CaptionTrack t = CaptionTrack.builder().language("en").kind(TrackKind.CHAPTERS)
        .metadata(TrackMetadata.of("WEBVTT x", List.of("::cue{}"),
            List.of(Region.builder("r").width(40).lines(2).scroll(Region.Scroll.UP).build()), List.of("n")))
        .cues(List.of(Cue.builder().id("1").startMs(0).endMs(1).text("a").speaker("Ann")
            .settings(CueSettings.builder().region("r").vertical(CueSettings.Vertical.RL).build())
            .words(List.of(TimedWord.of("a", 0, 1))).build()))
        .build();
    JsonTrackCodec codec = new JsonTrackCodec();
    ParseResult r = codec.read(new StringReader(codec.writeToString(t)));
    assertThat(r.diagnostics()).isEmpty();
    assertThat(r.track()).isEqualTo(t);
  }
}
