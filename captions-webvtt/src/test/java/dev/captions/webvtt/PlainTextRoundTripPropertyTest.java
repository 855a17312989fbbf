package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
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
  private static final String[] HOSTILE = {"&", "<", ">", "-->", "\0", "\r", "\n", "\r\n", "\n\n", " \n", "<i>",
      "</b>", "< i>", "<font color=red>", "{\\an8}", "&amp;", "&lt", "<3", "00:00:01,000 --> 00:00:02,000",
      "00:00:01,000 -> 00:00:02,000", "1", "WEBVTT", "NOTE", "Ann: ", "<v Ann>", "<00:01.000>", "\t", " ", "🇩🇪",
      "👨‍👩‍👧", "ก่", "\uFEFF", "\u2028"};

  @Provide
  Arbitrary<String> plainText() {
    Arbitrary<String> anyChars = Arbitraries.integers().between(1, Character.MAX_CODE_POINT)
        .filter(cp -> cp < 0xD800 || cp > 0xDFFF)
        .map(cp -> new String(Character.toChars(cp)));
    Arbitrary<String> words = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> piece = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.of(HOSTILE)), net.jqwik.api.Tuple.of(3, anyChars),
        net.jqwik.api.Tuple.of(2, words));
    return piece.list().ofMinSize(1).ofMaxSize(24).map(l -> String.join("", l));
  }

  @Property(tries = 400)
  void everyFormatKeepsTheVisibleText(@ForAll("plainText") String text) throws Exception {
    for (CaptionFormat format : CaptionCodecs.all().keySet()) {
      CaptionCodec codec = CaptionCodecs.forFormat(format);
      CaptionTrack track = CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(Cue.ofPlainText(0, 1000, "before"),
          Cue.ofPlainText(1000, 2000, text), Cue.ofPlainText(2000, 3000, "after")));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
        codec.write(track, w);
      }
      List<Cue> back = codec.read(new InputStreamReader(new ByteArrayInputStream(bytes.toByteArray()),
          StandardCharsets.UTF_8)).track().cues();
      String visible = visible(text);
      assertThat(back).as(format.name()).hasSize(3);
      assertThat(visible(CueText.plainText(back.get(1).text()))).as(format + " of " + escapeJava(text))
          .isEqualTo(visible);
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
    String t = dev.captions.model.CueMarkup.escape(s); // the same normalisation as the model's
    t = CueText.plainText(t).replace("\u2060", "");
    List<String> lines = new ArrayList<>();
    for (String line : t.split("\n", -1)) {
      // A line of nothing but blanks and control codes shows nothing (and SRT readers take it for the end of a cue).
      if (line.chars().anyMatch(c -> c > ' ' && !Character.isWhitespace(c))) lines.add(line);
    }
    return String.join("\n", lines);
  }

  private static String escapeJava(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) sb.append(String.format("\\u%04X", cp));
      else sb.appendCodePoint(cp);
    });
    return sb.toString();
  }
}
