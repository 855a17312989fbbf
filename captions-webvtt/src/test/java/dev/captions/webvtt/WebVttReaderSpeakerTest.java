package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebVttReaderSpeakerTest {
  private static Cue read(String cueText) throws IOException {
    return WebVttReader.create().read(new StringReader("WEBVTT\n\n00:00.000 --> 00:01.000\n" + cueText + "\n"))
        .track().cues().get(0);
  }

  @Test
  void voiceWithClassesGivesTheSpeakerAndKeepsTheClassesOnASpan() throws IOException {
    Cue c = read("<v.loud.first Ann>Hi</v>");
    assertThat(c.speaker()).isEqualTo("Ann");
    assertThat(c.text()).isEqualTo("<c.loud.first>Hi</c>");
    assertThat(CueText.plainText(c.text())).isEqualTo("Hi");
  }

  @Test
  void anyWhitespaceSeparatesTheName() throws IOException {
    Cue tab = read("<v\tBob>Salut");
    assertThat(tab.speaker()).isEqualTo("Bob");
    assertThat(tab.text()).isEqualTo("Salut");
    Cue formFeedAndSpaces = read("<v\f  Ann   Lee >Hi</v>");
    assertThat(formFeedAndSpaces.speaker()).isEqualTo("Ann Lee");
    assertThat(formFeedAndSpaces.text()).isEqualTo("Hi");
  }

  @Test
  void notAVoiceWithAName() throws IOException {
    assertThat(read("<v>Hi</v>").speaker()).isNull();
    assertThat(read("<vx Ann>Hi").speaker()).isNull();
    assertThat(read("<v.loud>Hi").speaker()).isNull();
    Cue two = read("<v Ann>Bonjour</v>\n<v Bob>Salut");
    assertThat(two.speaker()).isNull();
    assertThat(two.text()).isEqualTo("<v Ann>Bonjour</v>\n<v Bob>Salut");
  }

  @Test
  void classSpanRoundTripsThroughTheWriter() throws IOException {
    Cue c = read("<v.loud Ann &amp; Bo>Hi");
    assertThat(c.speaker()).isEqualTo("Ann & Bo");
    assertThat(c.text()).isEqualTo("<c.loud>Hi");
    String vtt = WebVttWriter.create().writeToString(CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(c)));
    Cue back = WebVttReader.create().read(new StringReader(vtt)).track().cues().get(0);
    assertThat(back).isEqualTo(c);
  }
}
