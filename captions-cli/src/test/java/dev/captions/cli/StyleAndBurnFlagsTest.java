package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.shaping.StyleProfile;
import dev.captions.spi.BurnInOptions;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The issue-16 flags: style overrides on top of {@code --profile} ({@code caption}, {@code shape}), burn-in style,
 * {@code --vocabulary} files; parsed by picocli as users type them, and their effect where it is cheap to see
 * ({@code shape}). The effect on a real run is checked in {@code CaptionOptionsTest} (burn style in the picture),
 * {@code PreviewChromiumTest} (--max-cps, --max-line-width) and captions-flows' {@code PromptVocabularyCliTest}.
 */
class StyleAndBurnFlagsTest {
  @TempDir Path dir;

  private static CaptionCommand parse(String... args) {
    CaptionCommand c = new CaptionCommand();
    CommandLine cmd = new CommandLine(c);
    cmd.parseArgs(args);
    return c;
  }

  private static StyleProfile profileOf(String... args) {
    CaptionCommand c = parse(args);
    return c.style.apply(c.profile, new CommandLine(c));
  }

  @Test
  void styleOverridesSitOnTopOfTheProfile() {
    StyleProfile p = profileOf("v.mp4", "--profile", "bbc", "--max-line-width", "32", "--max-lines", "1",
        "--max-cps", "17", "--min-duration", "1s", "--max-duration", "6500ms");
    assertThat(p.name()).isEqualTo("bbc+custom");
    assertThat(p.maxCharsPerLine()).isEqualTo(32);
    assertThat(p.maxLines()).isEqualTo(1);
    assertThat(p.maxCharsPerSecond()).isEqualTo(17.0);
    assertThat(p.maxWordsPerMinute()).as("--max-cps replaces bbc's words-per-minute limit").isZero();
    assertThat(p.minDurationMs()).isEqualTo(1000);
    assertThat(p.maxDurationMs()).isEqualTo(6500);
    assertThat(p.minGapMs()).as("what was not overridden stays bbc's").isEqualTo(StyleProfile.BBC.minGapMs());
    assertThat(profileOf("v.mp4", "--profile", "dcmp")).as("no override: the profile itself").isSameAs(StyleProfile.DCMP);
    assertThat(profileOf("v.mp4", "--max-lines", "1").maxCharsPerLine()).isEqualTo(42);
  }

  @ParameterizedTest
  @CsvSource({"1s, 1000", "1.5s, 1500", "1500ms, 1500", "1.5, 1500", "0.25, 250", ".5s, 500", "7 s, 7000",
      "833ms, 833", "2S, 2000"})
  void durationsTakeSecondsMillisecondsOrABareNumber(String value, long ms) {
    assertThat(new OptionValues.Millis().convert(value)).isEqualTo(ms);
  }

  @ParameterizedTest
  @CsvSource({"'--max-line-width,3', --max-line-width must be from 4 to 100",
      "'--max-line-width,wide', Invalid value for option '--max-line-width'",
      "'--max-lines,0', --max-lines must be from 1 to 5",
      "'--max-cps,0', --max-cps must be above 0",
      "'--max-cps,-3', --max-cps must be above 0",
      "'--min-duration,1h', is not a duration",
      "'--min-duration,-1s', is not a duration",
      "'--min-duration,8s', must be longer than the shortest (8s, --min-duration)",
      "'--min-duration,3s,--max-duration,2s', the longest a cue stays (2s, --max-duration) must be longer than the shortest (3s, --min-duration)",
      "'--max-duration,90s', --max-duration must be at most 60s",
      "'--burn-color,purple', unknown colour 'purple'",
      "'--burn-color,#12345', unknown colour",
      "'--burn-position,left', unknown position 'left'; valid values: top, bottom",
      "'--burn-size,0', --burn-size must be from 1 to 200",
      "'--burn-outline,21', --burn-outline must be from 0 to 20",
      "'--burn-margin,-1', --burn-margin must be from 0 to 1000",
      "'--burn-font,Arial\\, Bold', --burn-font must be a font family name"})
  void outOfRangeValuesAreUsageErrorsNamingTheOptionAndNothingIsWritten(String args, String message) {
    Path out = dir.resolve("out");
    java.util.List<String> argv = new java.util.ArrayList<>(java.util.List.of("caption",
        SampleEndToEndTest.SAMPLE.toString(), "-o", out.toString()));
    argv.addAll(java.util.List.of(args.split("(?<!\\\\),")).stream().map(a -> a.replace("\\,", ",")).toList());
    Cli r = Cli.run(argv.toArray(new String[0]));
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains(message);
    assertThat(out).doesNotExist();
  }

  @Test
  void burnStyleFlagsBuildTheBurnInOptionsAndImplyBurn() {
    CaptionCommand c = parse("v.mp4", "--burn-font", "DejaVu Serif", "--burn-size", "24", "--burn-color", "yellow",
        "--burn-outline", "3", "--burn-outline-color", "102030", "--burn-margin", "40", "--burn-position", "TOP");
    assertThat(c.burn).as("--burn itself was not given").isFalse();
    assertThat(c.burnStyle.any()).as("so the style flags turn burn-in on").isTrue();
    BurnInOptions o = c.burnStyle.applyTo(BurnInOptions.builder(), new CommandLine(c)).build();
    assertThat(o.fontName()).hasValue("DejaVu Serif");
    assertThat(o.fontSize()).isEqualTo(24);
    assertThat(o.primaryColour()).isEqualTo("#FFFF00");
    assertThat(o.outline()).isEqualTo(3);
    assertThat(o.outlineColour()).isEqualTo("#102030");
    assertThat(o.marginVertical()).isEqualTo(40);
    assertThat(o.position()).isEqualTo(BurnInOptions.Position.TOP);
    BurnInOptions defaults = parse("v.mp4").burnStyle.applyTo(BurnInOptions.builder(), new CommandLine(c)).build();
    assertThat(defaults.position()).isEqualTo(BurnInOptions.Position.BOTTOM);
    assertThat(parse("v.mp4").burnStyle.any()).isFalse();
  }

  @Test
  void shapeHonoursTheStyleOverrides() throws Exception {
    Path in = Files.writeString(dir.resolve("in.vtt"), "WEBVTT\n\n"
        + "00:00:01.000 --> 00:00:01.400\nA fairly long first sentence that needs to be broken over lines.\n\n"
        + "00:00:05.000 --> 00:00:05.300\nShort one.\n");
    Path out = dir.resolve("out.vtt");
    Cli r = Cli.run("shape", in.toString(), out.toString(), "--max-line-width", "20", "--max-lines", "1",
        "--min-duration", "1.5s");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.err).contains("netflix-en+custom: ");
    CaptionTrack t;
    try (Reader reader = Files.newBufferedReader(out)) {
      t = CaptionCodecs.forFormat(CaptionFormat.WEBVTT).read(reader).track();
    }
    assertThat(t.cues()).hasSizeGreaterThan(2);
    for (Cue c : t.cues()) {
      assertThat(c.lines()).as("--max-lines 1").hasSize(1);
      assertThat(c.text().length()).as("--max-line-width 20: " + c.text()).isLessThanOrEqualTo(20);
    }
    // "Short one." is isolated speech: the shaper may not hold it past its linger limit (800 ms in all), so the
    // minimum duration decides whether the report names it.
    Cue last = t.cues().get(t.cues().size() - 1);
    assertThat(last.durationMs()).isEqualTo(800);
    assertThat(r.err).contains("MIN_DURATION");
    Cli lenient = Cli.run("shape", in.toString(), out.toString(), "--min-duration", "500ms");
    assertThat(lenient.exitCode).as(lenient.toString()).isZero();
    assertThat(lenient.err).doesNotContain("MIN_DURATION");
  }

  @Test
  void vocabularyFileOneTermPerLineWithComments() throws Exception {
    Path f = dir.resolve("terms.txt");
    Files.write(f, "\uFEFF# names\r\nWebVTT\r\n\r\n   Ana Ruiz  # the speaker\nC#\nF# and C#\n#only a comment\nZoë\n"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(Vocabulary.read(f)).containsExactly("WebVTT", "Ana Ruiz", "C#", "F# and C#", "Zoë");

    Files.write(f, new byte[] {'o', 'k', '\n', (byte) 0xE9, 't', 'e', '\n'}); // "été" in Latin-1: not UTF-8
    assertThatThrownBy(() -> Vocabulary.read(f)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not UTF-8");
    Cli notUtf8 = Cli.run("caption", SampleEndToEndTest.SAMPLE.toString(), "-o", dir.resolve("o").toString(),
        "--vocabulary", f.toString());
    assertThat(notUtf8.exitCode).as(notUtf8.toString()).isEqualTo(ExitCodes.INVALID_INPUT);

    Cli missing = Cli.run("caption", SampleEndToEndTest.SAMPLE.toString(), "-o", dir.resolve("o").toString(),
        "--vocabulary", dir.resolve("nope.txt").toString());
    assertThat(missing.exitCode).as(missing.toString()).isEqualTo(ExitCodes.FILE_NOT_FOUND);
    assertThat(missing.err).contains("Vocabulary file not found").contains("nope.txt");
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void providersSaysWhichTranscribersTakeAPrompt() {
    Cli r = Cli.run("providers");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out).contains("--prompt/--vocabulary reach: gemini, openai (");
    assertThat(r.out.lines().filter(l -> l.startsWith("transcriber")).filter(l -> l.contains("prompt")))
        .extracting(l -> l.split("\\s+")[1]).containsExactlyInAnyOrder("gemini", "openai");
  }

  @Test
  void previewCommandUsageErrors() throws Exception {
    Path vtt = Files.writeString(dir.resolve("a.vtt"), "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n");
    Cli noVideo = Cli.run("preview", vtt.toString(), "-o", dir.resolve("p.html").toString());
    assertThat(noVideo.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(noVideo.err).contains("no video among the inputs; give it with --video");
    Cli missing = Cli.run("preview", dir.resolve("gone.vtt").toString());
    assertThat(missing.exitCode).isEqualTo(ExitCodes.FILE_NOT_FOUND);
    Path a = Files.copy(SampleEndToEndTest.SAMPLE, dir.resolve("a.mp4"));
    Files.copy(SampleEndToEndTest.SAMPLE, dir.resolve("b.mp4"));
    Cli two = Cli.run("preview", dir.toString(), "-o", dir.resolve("p.html").toString());
    assertThat(two.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(two.err).contains("several videos among the inputs (2); choose one with --video");
    assertThat(dir.resolve("p.html")).doesNotExist();
    // talk.vtt and talk.srt are one track: the WebVTT one is used.
    Files.writeString(dir.resolve("a.srt"), "1\n00:00:01,000 --> 00:00:02,000\nHi\n");
    Cli ok = Cli.run("preview", dir.toString(), "--video", a.toString(), "-o", dir.resolve("p.html").toString());
    assertThat(ok.exitCode).as(ok.toString()).isZero();
    String html = Files.readString(dir.resolve("p.html"));
    assertThat(html).contains("\"label\":\"a.vtt\"").doesNotContain("\"label\":\"a.srt\"").contains("\"video\":\"a.mp4\"");
  }
}
