package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.testkit.PlainTextRoundTrip;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Plain text in, the same visible text out, in every format: {@link Cue#ofPlainText} → {@link CaptionCodec#write}
 * (as UTF-8 bytes) → {@link CaptionCodec#read} → {@link CueText#plainText}. "Visible" leaves out what no caption
 * format can show: lines with nothing but blanks and control codes (SRT readers take them for the blank line that
 * ends a cue), and U+2060 WORD JOINER (invisible; the SRT
 * writer's escape for text that would read as a tag or a timing line). Line breaks are normalised to LF and NUL
 * becomes U+FFFD, as {@link dev.captions.model.CueMarkup#escape} documents.
 */
class PlainTextRoundTripPropertyTest {
  /** WebVTT and SRT syntax, on top of {@link PlainTextRoundTrip#HOSTILE}. */
  private static final String[] HOSTILE = {"</b>", "< i>", "<font color=red>", "<3", "00:00:01,000 --> 00:00:02,000",
      "00:00:01,000 -> 00:00:02,000", "1", "WEBVTT", "NOTE", "Ann: ", "<v Ann>", "<00:01.000>", "ก่"};

  @Provide
  Arbitrary<String> plainText() {
    return PlainTextRoundTrip.plainText(HOSTILE);
  }

  @Property(tries = 400)
  void everyFormatKeepsTheVisibleText(@ForAll("plainText") String text) throws Exception {
    for (CaptionFormat format : CaptionCodecs.all().keySet()) {
      List<Cue> back = PlainTextRoundTrip.roundTrip(CaptionCodecs.forFormat(format), text).cues();
      String visible = visible(text);
      assertThat(back).as(format.name()).hasSize(3);
      assertThat(visible(CueText.plainText(back.get(1).text())))
          .as(format + " of " + PlainTextRoundTrip.printable(text)).isEqualTo(visible);
      assertThat(CueText.plainText(back.get(0).text())).isEqualTo("before");
      assertThat(CueText.plainText(back.get(2).text())).isEqualTo("after");
    }
  }

  @Test
  void theIssuesExampleShowsWhole() throws Exception {
    Cue cue = Cue.ofPlainText(0, 1000, "Tom & Jerry <3 them");
    CaptionTrack track = CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(cue));
    for (CaptionFormat format : CaptionCodecs.all().keySet()) {
      CaptionCodec codec = CaptionCodecs.forFormat(format);
      String written = codec.writeToString(track);
      Cue back = codec.read(new java.io.StringReader(written)).track().cues().get(0);
      assertThat(CueText.plainText(back.text())).as(format.name()).isEqualTo("Tom & Jerry <3 them");
    }
    assertThat(CaptionCodecs.forFormat(CaptionFormat.SRT).writeToString(track)).contains("Tom & Jerry <3 them");
    assertThat(WebVttValidator.create().validate(new java.io.StringReader(
        CaptionCodecs.forFormat(CaptionFormat.WEBVTT).writeToString(track)))).isEmpty();
  }

  /** What a viewer sees, line by line; see the class comment. */
  static String visible(String s) {
    // The same normalisation as the model's, then what shows.
    return PlainTextRoundTrip.visibleLines(CueText.plainText(dev.captions.model.CueMarkup.escape(s)));
  }
}
