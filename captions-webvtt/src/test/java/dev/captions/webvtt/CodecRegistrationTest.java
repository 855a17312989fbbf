package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.CaptionFormatException;
import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecRegistrationTest {
  @Test
  void everyFormatIsRegistered() {
    assertThat(CaptionCodecs.forFormat(CaptionFormat.WEBVTT)).isInstanceOf(WebVttCodec.class);
    assertThat(CaptionCodecs.forFormat(CaptionFormat.SRT)).isInstanceOf(SrtCodec.class);
    assertThat(CaptionCodecs.forFormat(CaptionFormat.JSON)).isInstanceOf(JsonTrackCodec.class);
  }

  @Test
  void codecsRoundTripThroughTheSpi() throws Exception {
    CaptionTrack t = CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(Cue.of(0, 1500, "one"), Cue.of(1500, 3000, "two")));
    for (CaptionFormat f : CaptionCodecs.all().keySet()) {
      CaptionCodec c = CaptionCodecs.forFormat(f);
      CaptionTrack back = c.read(new StringReader(c.writeToString(t))).track();
      assertThat(back.cues()).as(f.name()).isEqualTo(t.cues());
    }
  }

  @Test
  void jsonUsesVttCueNamesAndSeconds() {
    String json = new JsonTrackCodec().writeToString(CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(Cue.of(1500, 3000, "hi"))));
    assertThat(json).startsWith("{\"language\":\"en\",\"kind\":\"captions\",\"cues\":[{\"id\":\"\",\"startTime\":1.5,"
        + "\"endTime\":3.0,\"text\":\"hi\",\"vertical\":\"\",\"line\":\"auto\",\"snapToLines\":true,\"lineAlign\":\"start\","
        + "\"position\":\"auto\",\"positionAlign\":\"auto\",\"size\":100.0,\"align\":\"center\",\"region\":null}");
  }

  @Test
  void badJsonIsATypedErrorWithPosition() {
    assertThatThrownBy(() -> new JsonTrackCodec().read(new StringReader("{\n  \"cues\": [ oops ]}")))
        .isInstanceOf(CaptionFormatException.class)
        .satisfies(e -> assertThat(((CaptionFormatException) e).line()).isEqualTo(2));
    assertThatThrownBy(() -> new JsonTrackCodec().read(new StringReader("[]"))).isInstanceOf(CaptionFormatException.class)
        .hasMessageContaining("\"cues\"");
  }
}
