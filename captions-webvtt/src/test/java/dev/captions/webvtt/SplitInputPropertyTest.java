package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.ParseResult;
import dev.captions.model.Cue;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The readers keep lines (and SRT cue text) as slices of a refilled buffer, so the result must not depend on where
 * the input's reads happen to end: any split of the same characters gives the same cues and the same diagnostics.
 */
class SplitInputPropertyTest {
  /** Hands out the text in pieces of 1..max characters, chosen by the seed. */
  private static final class SplitReader extends Reader {
    private final String text;
    private final Random random;
    private final int max;
    private int pos;

    SplitReader(String text, long seed, int max) {
      this.text = text;
      this.random = new Random(seed);
      this.max = max;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (pos >= text.length()) return -1;
      int n = Math.min(Math.min(len, 1 + random.nextInt(max)), text.length() - pos);
      text.getChars(pos, pos + n, buf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }

  @Property(tries = 400)
  void srtReadsTheSameHoweverTheInputIsSplit(@ForAll("messySrt") String srt, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int max) throws IOException {
    ParseResult whole = SrtReader.create().read(new StringReader(srt));
    ParseResult split = SrtReader.create().read(new SplitReader(srt, seed, max));
    assertThat(split.track()).isEqualTo(whole.track());
    assertThat(split.diagnostics()).isEqualTo(whole.diagnostics());
  }

  @Property(tries = 200)
  void webVttReadsTheSameHoweverTheInputIsSplit(@ForAll("messyVtt") String vtt, @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int max) throws IOException {
    ParseResult whole = WebVttReader.create().read(new StringReader(vtt));
    ParseResult split = WebVttReader.create().read(new SplitReader(vtt, seed, max));
    assertThat(split.track()).isEqualTo(whole.track());
    assertThat(split.diagnostics()).isEqualTo(whole.diagnostics());
  }

  @Test
  void everyGoldenSrtReadsTheSameOneCharacterAtATime() throws IOException {
    Path dir = Path.of("src/test/resources/golden");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".srt")).sorted().collect(Collectors.toList());
    }
    assertThat(files).hasSizeGreaterThan(10);
    for (Path f : files) {
      String text = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
      ParseResult whole = SrtReader.create().read(new StringReader(text));
      ParseResult split = SrtReader.create().read(new SplitReader(text, 1, 1));
      assertThat(split.track()).as(f.toString()).isEqualTo(whole.track());
      assertThat(split.diagnostics()).as(f.toString()).isEqualTo(whole.diagnostics());
    }
  }

  /** Text longer than what the reader keeps in its line buffer moves to a builder part-way; nothing is lost. */
  @Test
  void aVeryLongCueTextIsKeptWhole() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) text.append(i == 0 ? "" : "\n").append("line ").append(i).append(" of a long cue");
    String srt = "1\n00:00:01,000 --> 00:00:02,000\n" + text + "\n\n2\n00:00:03,000 --> 00:00:04,000\nnext\n";
    for (Reader in : List.of(new StringReader(srt), new SplitReader(srt, 7, 3))) {
      List<Cue> cues = SrtReader.create().read(in).track().cues();
      assertThat(cues).hasSize(2);
      assertThat(cues.get(0).text()).isEqualTo(text.toString());
      assertThat(cues.get(1).text()).isEqualTo("next");
    }
  }

  @Provide
  Arbitrary<String> messySrt() {
    Arbitrary<String> line = Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 40).map(String::valueOf),
        Arbitraries.of("00:00:01,000 --> 00:00:02,500", "0:00:03.5 --> 0:00:04.25 X1:10 X2:20",
            "00:00:05,000-->00:00:04,000", "00:00:06,000 --> nonsense", "  00:01:00,000 --> 00:01:02,000  "),
        Arbitraries.of("Hello there", "<i>in italics</i>", "{\\an8}at the top", "a --> b", "", " ", "\t",
            "Ünïcödé 漢字", "- Two\u0000speakers"));
    Arbitrary<String> eol = Arbitraries.of("\n", "\r\n", "\r");
    return Arbitraries.oneOf(
        // Mostly well-formed cues, so the fast paths run, with noise between them.
        Arbitraries.integers().between(1, 30).flatMap(n -> line.list().ofMaxSize(4).list().ofSize(n)
            .flatMap(noise -> eol.map(e -> wellFormedWithNoise(noise, e)))),
        line.list().ofMaxSize(40).flatMap(lines -> eol.list().ofSize(lines.size()).map(eols -> join(lines, eols))));
  }

  @Provide
  Arbitrary<String> messyVtt() {
    return messySrt().map(s -> (s.hashCode() % 2 == 0 ? "WEBVTT\n\n" : "\uFEFFWEBVTT header\r\n\r\n") + s
        .replace(',', '.'));
  }

  private static String wellFormedWithNoise(List<List<String>> noise, String eol) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < noise.size(); i++) {
      b.append(i + 1).append(eol).append(String.format("00:00:%02d,%03d --> 00:00:%02d,000", i % 60, i * 7 % 1000,
          (i % 60) + 1)).append(eol).append("Line one of ").append(i).append(eol).append("and line two").append(eol);
      for (String n : noise.get(i)) b.append(n).append(eol);
      b.append(eol);
    }
    return b.toString();
  }

  private static String join(List<String> lines, List<String> eols) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) b.append(lines.get(i)).append(eols.get(i));
    return b.toString();
  }
}
