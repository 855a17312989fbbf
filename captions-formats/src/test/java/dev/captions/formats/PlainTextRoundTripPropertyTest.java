package dev.captions.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.ass.AssCodec;
import dev.captions.codec.CaptionCodec;
import dev.captions.model.Cue;
import dev.captions.model.CueMarkup;
import dev.captions.testkit.PlainTextRoundTrip;
import dev.captions.ttml.TtmlCodec;
import dev.captions.webvtt.CueText;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Plain text in, the same visible text out, in TTML and ASS: {@link Cue#ofPlainText} → write (UTF-8 bytes) → read →
 * {@link CueText#plainText}. "Visible" leaves out lines of nothing but blanks, U+2060 WORD JOINER (the ASS writer's
 * escape after a backslash) and, for TTML, the control characters XML 1.0 cannot hold (each reported as a loss).
 * TTML output must also pass the IMSC 1.1 Text checker whatever the text.
 */
class PlainTextRoundTripPropertyTest {
  /** TTML and ASS syntax, on top of {@link PlainTextRoundTrip#HOSTILE}. */
  private static final String[] HOSTILE = {"{", "}", "\\", "\\N", "\\n", "\\h", "{\\i1}", "\\{", "}{", ",",
      "Dialogue: 0,0:00:01.00", "[Events]", "]]>", "<![CDATA[", "<?xml", "<!DOCTYPE x>", "\"", "'", "\u0085", "\u0001",
      "\uFFFE", "  "};

  @Provide
  Arbitrary<String> plainText() {
    return PlainTextRoundTrip.plainText(HOSTILE);
  }

  @Property(tries = 400)
  void ttmlKeepsTheVisibleText(@ForAll("plainText") String text) throws Exception {
    String written = roundTrip(new TtmlCodec(), text, true);
    assertThat(new TtmlCodec().validate(new StringReader(written))).as(written).isEmpty();
  }

  @Property(tries = 400)
  void assKeepsTheVisibleText(@ForAll("plainText") String text) throws Exception {
    roundTrip(new AssCodec(), text, false);
  }

  private static String roundTrip(CaptionCodec codec, String text, boolean xml) throws Exception {
    PlainTextRoundTrip.Result r = PlainTextRoundTrip.roundTrip(codec, text);
    List<Cue> back = r.cues();
    assertThat(back).as(codec.format().name()).hasSize(3);
    assertThat(visible(CueText.plainText(back.get(1).text()), xml))
        .as(codec.format() + " of " + PlainTextRoundTrip.printable(text)).isEqualTo(visible(text, xml));
    assertThat(CueText.plainText(back.get(0).text())).isEqualTo("before");
    assertThat(CueText.plainText(back.get(2).text())).isEqualTo("after");
    return r.written();
  }

  /** What a viewer sees, line by line; see the class comment. */
  static String visible(String s, boolean xml) {
    String t = CueText.plainText(CueMarkup.escape(s));
    if (xml) t = t.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    return PlainTextRoundTrip.visibleLines(t);
  }
}
