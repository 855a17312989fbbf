package dev.captions.testkit;

import dev.captions.codec.CaptionCodec;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The shared parts of the codecs' plain-text round-trip property tests (jqwik): random cue text made of pieces that
 * break caption files (markup, references, timing arrows, line breaks, NUL, BOM, emoji sequences, plus each format's
 * own syntax), any Unicode code point, and short words; the write-as-UTF-8-and-read-back; and the helpers the tests
 * compare and report with. {@link #plainText(String...)} needs {@code net.jqwik:jqwik} on the test class path (this
 * module's dependency on it is optional). Stateless and thread-safe.
 */
public final class PlainTextRoundTrip {
  /**
   * Pieces that break text in every caption format: markup and character references, the cue timing arrow, every
   * kind of line break and blank line, NUL, tab, BOM, U+2028, a flag and a family emoji (multi-code-point grapheme
   * clusters). A format's tests add its own syntax with {@link #plainText(String...)}.
   */
  public static final List<String> HOSTILE = List.of("&", "<", ">", "-->", "\0", "\r", "\n", "\r\n", "\n\n", " \n",
      "<i>", "{\\an8}", "&amp;", "&lt", "\t", " ", "🇩🇪", "👨‍👩‍👧", "\uFEFF", "\u2028");

  private PlainTextRoundTrip() {}

  /**
   * What a codec wrote and read back.
   *
   * @param written the file as written, decoded from its UTF-8 bytes
   * @param cues the cues read back from those bytes, in file order
   */
  public record Result(String written, List<Cue> cues) {}

  /**
   * Writes {@code text} as the middle of three plain-text cues ({@code "before"}, {@code text}, {@code "after"}, one
   * second each, language {@code und}) with {@code codec} as UTF-8 bytes, and reads those bytes back with it.
   *
   * @param codec the codec under test; not null
   * @param text the plain text of the middle cue ({@link Cue#ofPlainText}); not null
   * @return the written file and the cues read back
   * @throws IOException when the codec fails to write or read
   */
  public static Result roundTrip(CaptionCodec codec, String text) throws IOException {
    CaptionTrack track = CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(Cue.ofPlainText(0, 1000, "before"),
        Cue.ofPlainText(1000, 2000, text), Cue.ofPlainText(2000, 3000, "after")));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
      codec.write(track, w);
    }
    List<Cue> back = codec.read(new InputStreamReader(new ByteArrayInputStream(bytes.toByteArray()),
        StandardCharsets.UTF_8)).track().cues();
    return new Result(bytes.toString(StandardCharsets.UTF_8), back);
  }

  /**
   * Plain text of 1 to 24 pieces: {@link #HOSTILE} and {@code formatHostile} pieces (3 in 8), single code points of
   * any plane except surrogates (3 in 8), ASCII words of 1 to 6 letters (2 in 8), joined without separators.
   *
   * @param formatHostile the format's own troublesome pieces (its tags, escapes, section names); may be empty
   * @return the arbitrary; never generates an empty string
   */
  public static Arbitrary<String> plainText(String... formatHostile) {
    List<String> hostile = new ArrayList<>(HOSTILE);
    hostile.addAll(List.of(formatHostile));
    Arbitrary<String> anyChar = Arbitraries.integers().between(1, Character.MAX_CODE_POINT)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .map(cp -> new String(Character.toChars(cp)));
    Arbitrary<String> word = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> piece = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(hostile)), Tuple.of(3, anyChar),
        Tuple.of(2, word));
    return piece.list().ofMinSize(1).ofMaxSize(24).map(pieces -> String.join("", pieces));
  }

  /**
   * What a viewer sees of plain text, line by line: U+2060 WORD JOINER (invisible; the SRT and ASS writers' escape)
   * removed, and lines with nothing visible (only blanks and control codes, which SRT readers take for the blank
   * line that ends a cue) left out.
   *
   * @param plain text without markup, lines separated by LF; not null
   * @return the visible lines joined by LF
   */
  public static String visibleLines(String plain) {
    List<String> lines = new ArrayList<>();
    for (String line : plain.replace("\u2060", "").split("\n", -1)) {
      if (line.chars().anyMatch(c -> c > ' ' && !Character.isWhitespace(c))) lines.add(line);
    }
    return String.join("\n", lines);
  }

  /**
   * {@code s} with control characters (C0, DEL, C1) written as {@code \}{@code uXXXX}, for a failure message that
   * shows what the text held.
   *
   * @param s the text; not null
   * @return the printable form
   */
  public static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    s.codePoints().forEach(cp -> {
      if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) sb.append(String.format(Locale.ROOT, "\\u%04X", cp));
      else sb.appendCodePoint(cp);
    });
    return sb.toString();
  }
}
