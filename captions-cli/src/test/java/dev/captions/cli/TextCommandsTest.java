package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** convert and validate on legacy encodings and hostile files; retime against hand-computed times. */
class TextCommandsTest {
  /** The golden files of captions-webvtt's LegacyEncodingTest (the tests run in the module's directory). */
  private static final Path ENCODINGS = Path.of("../captions-webvtt/src/test/resources/encodings");

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"windows-1250,Zażółć gęślą jaźń.", "windows-1252,Ça va très bien, garçon !",
      "iso-8859-2,Příliš žluťoučký kůň úpěl ďábelské ódy.", "iso-8859-7,Καλημέρα σας, τι κάνετε;",
      "big5,這是一個測試字幕。", "shift_jis,これは字幕のテストです。", "gb18030,这是一个字幕测试。"})
  void convertReadsLegacyEncodingsAndWritesUtf8(String encoding, String firstLine) throws Exception {
    Path out = dir.resolve(encoding + ".vtt");
    Cli r = Cli.run("convert", ENCODINGS.resolve(encoding + ".srt").toString(), out.toString());
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains(firstLine);
    assertThat(r.err).contains("read as ").contains("detected");
  }

  @Test
  void encodingOptionOverridesDetection() throws Exception {
    Path out = dir.resolve("o.srt");
    Cli r = Cli.run("convert", ENCODINGS.resolve("windows-1250.srt").toString(), out.toString(), "--encoding",
        "windows-1250");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.err).doesNotContain("read as");
    assertThat(Files.readString(out)).contains("Świętość i źdźbło w Łodzi.");
    Cli bad = Cli.run("convert", ENCODINGS.resolve("windows-1250.srt").toString(), out.toString(), "--encoding", "nope");
    assertThat(bad.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err).contains("unknown encoding 'nope'");
  }

  @Test
  void randomBytesAreInvalidInputWithLineAndColumn() throws Exception {
    Cli r = Cli.run("convert", ENCODINGS.resolve("random-bytes.srt").toString(), dir.resolve("o.vtt").toString());
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err).containsPattern("line \\d+, col \\d+: this is not a text caption file");
    assertThat(dir.resolve("o.vtt")).doesNotExist();
    Path vtt = Files.write(dir.resolve("random.vtt"), Files.readAllBytes(ENCODINGS.resolve("random-bytes.srt")));
    Cli v = Cli.run("validate", vtt.toString());
    assertThat(v.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(v.out).containsPattern("random.vtt:\\d+:\\d+: error: this is not a text caption file");
  }

  @Test
  void invalidUtf8BytesAreReplacedWithAWarning() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; sb.length() < (1 << 20) + 10; i++) sb.append(i).append("\n00:00:01,000 --> 00:00:02,000\nok\n\n");
    byte[] head = sb.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "9\n00:00:03,000 --> 00:00:04,000\ncaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    Path in = Files.write(dir.resolve("mixed.srt"), all);
    Path out = dir.resolve("mixed.vtt");
    Cli r = Cli.run("convert", in.toString(), out.toString());
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.err).contains("1 byte sequence is not valid UTF-8 and became U+FFFD");
    assertThat(Files.readString(out)).endsWith("caf\uFFFD\n");
  }

  @Test
  void convertReportsWhatSrtCannotHold() throws Exception {
    Path vtt = Files.writeString(dir.resolve("a.vtt"), "WEBVTT\n\nSTYLE\n::cue { color: red }\n\n"
        + "00:00:01.000 --> 00:00:02.000 line:0 position:20%\n<c.x>Tom</c> &amp; <00:00:01.500>Jerry\n");
    Cli r = Cli.run("convert", vtt.toString(), dir.resolve("a.srt").toString());
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.err).contains("a.srt: warning: dropped 1 × cue settings with no {\\an} equivalent")
        .contains("dropped 1 × timestamp tags").contains("dropped 1 × <c> tags").contains("dropped 1 × STYLE blocks");
    assertThat(Files.readString(dir.resolve("a.srt"))).isEqualTo("1\n00:00:01,000 --> 00:00:02,000\nTom & Jerry\n");
  }

  private static final String SRT = "1\n00:00:01,000 --> 00:00:03,000\nfirst\n\n"
      + "2\n00:01:02,000 --> 00:01:04,500\nsecond\n\n"
      + "3\n01:10:00,000 --> 01:10:02,000\nthird\n";

  @Test
  void retimeOffsetMovesEveryCueAndReportsCuesBeforeZero() throws Exception {
    Path in = Files.writeString(dir.resolve("in.srt"), SRT);
    Path out = dir.resolve("out.srt");
    Cli r = Cli.run("retime", in.toString(), out.toString(), "--offset", "-2.5s");
    assertThat(r.exitCode).as(r.toString()).isZero();
    // 1.000-2.5 = -1.5 → 0; 3.000-2.5 = 0.5; 62.0-2.5 = 59.5; 64.5-2.5 = 62.0; 4200-2.5 = 4197.5; 4202-2.5 = 4199.5
    assertThat(Files.readString(out)).isEqualTo("1\n00:00:00,000 --> 00:00:00,500\nfirst\n\n"
        + "2\n00:00:59,500 --> 00:01:02,000\nsecond\n\n3\n01:09:57,500 --> 01:09:59,500\nthird\n");
    assertThat(r.err).contains("1 cue that the retiming (shift by -2500 ms) moved to start before 0:00 now starts at 0:00");
    Cli far = Cli.run("retime", in.toString(), out.toString(), "--offset=-00:00:03.5");
    assertThat(far.err).contains("dropped 1 × cues that the retiming (shift by -3500 ms) moved before 0:00");
  }

  @Test
  void retimeFpsConvertsFrameRates() throws Exception {
    Path in = Files.writeString(dir.resolve("in.srt"), SRT);
    Path out = dir.resolve("out.vtt");
    Cli r = Cli.run("retime", in.toString(), out.toString(), "--fps", "23.976:25");
    assertThat(r.exitCode).as(r.toString()).isZero();
    // × 24000/1001/25 = 0.959040959: 1000 → 959.04 → 959; 3000 → 2877.12 → 2877; 62000 → 59460.54 → 59461;
    // 64500 → 61858.14 → 61858; 4200000 → 4027972.03 → 4027972; 4202000 → 4029890.11 → 4029890
    assertThat(Files.readString(out)).isEqualTo("WEBVTT\n\n00:00:00.959 --> 00:00:02.877\nfirst\n\n"
        + "00:00:59.461 --> 00:01:01.858\nsecond\n\n01:07:07.972 --> 01:07:09.890\nthird\n");
  }

  @Test
  void retimeSyncStretchesBetweenTwoPoints() throws Exception {
    Path in = Files.writeString(dir.resolve("in.srt"), SRT);
    Path out = dir.resolve("out.srt");
    Cli r = Cli.run("retime", in.toString(), out.toString(), "--sync",
        "00:01:02.000=00:01:03.200,01:10:00.000=01:10:04.000");
    assertThat(r.exitCode).as(r.toString()).isZero();
    // factor = (4204000-63200)/(4200000-62000) = 1.000676655; t' = 63200 + (t-62000)·f
    // 1000 → 63200-61041.28 = 2158.72 → 2159; 3000 → 63200-59040.0 = 4160.0 → 4160;
    // 64500 → 65701.69 → 65702; 4202000 → 4206001.35 → 4206001
    assertThat(Files.readString(out)).isEqualTo("1\n00:00:02,159 --> 00:00:04,160\nfirst\n\n"
        + "2\n00:01:03,200 --> 00:01:05,702\nsecond\n\n3\n01:10:04,000 --> 01:10:06,001\nthird\n");
  }

  @Test
  void retimeNeedsExactlyOneWayAndValidValues() throws Exception {
    Path in = Files.writeString(dir.resolve("in.srt"), SRT);
    String out = dir.resolve("out.srt").toString();
    assertThat(Cli.run("retime", in.toString(), out).exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(Cli.run("retime", in.toString(), out, "--offset", "1s", "--fps", "25:24").exitCode)
        .isEqualTo(ExitCodes.USAGE);
    Cli bad = Cli.run("retime", in.toString(), out, "--offset", "soon");
    assertThat(bad.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err).contains("'soon' is not a time");
    Cli reversed = Cli.run("retime", in.toString(), out, "--sync", "10s=20s,20s=10s");
    assertThat(reversed.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(reversed.err).contains("reverse");
    assertThat(Cli.run("retime", in.toString(), out, "--fps", "x:25").err).contains("FROM:TO");
    assertThat(Charset.isSupported("windows-1250")).isTrue();
  }
}
