package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.TrackKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversionsTest {
  @Test
  void vttToSrtKeepsBasicStylingAndReportsTheRest() {
    CaptionTrack vtt = CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(
        Cue.builder().id("a").startMs(0).endMs(1000).text("<c.red>Tom &amp; <i>Jerry</i></c><00:00:00.500>!")
            .settings(CueSettings.builder().size(50).build()).build(),
        Cue.builder().startMs(1000).endMs(2000).text("Hi").speaker("Ann").build()));
    ParseResult noPrefix = Conversions.toSrt(vtt, false);
    assertThat(noPrefix.track().cues()).extracting(Cue::text).containsExactly("Tom & <i>Jerry</i>!", "Hi");
    assertThat(noPrefix.diagnostics()).extracting(Diagnostic::message).containsExactly(
        "dropped 1 × <c> tags: SRT cannot represent them",
        "dropped 1 × cue ids: SRT cannot represent them",
        "dropped 1 × cue settings with no {\\an} equivalent: SRT cannot represent them",
        "dropped 1 × speaker names (enable the speaker prefix to keep them): SRT cannot represent them",
        "dropped 1 × timestamp tags: SRT cannot represent them");
    assertThat(Conversions.toSrt(vtt, true).track().cues().get(1).text()).isEqualTo("Ann: Hi");
  }

  @Test
  void srtToVttDropsFontAndEscapes() {
    CaptionTrack srt = CaptionTrack.of("und", TrackKind.CAPTIONS,
        List.of(Cue.of(0, 1000, "<font color=\"red\">R&D</font> <I>x</I> a < b > c")));
    ParseResult r = Conversions.fromSrt(srt);
    assertThat(r.track().cues().get(0).text()).isEqualTo("R&amp;D <i>x</i> a &lt; b &gt; c");
    assertThat(r.diagnostics()).extracting(Diagnostic::message)
        .containsExactly("dropped 2 × <font> tags: WebVTT cannot represent them");
  }
}
