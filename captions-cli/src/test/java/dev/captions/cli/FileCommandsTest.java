package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** convert, validate, shape and providers, on small files. */
class FileCommandsTest {
  @TempDir Path dir;

  static final String VTT = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.500 align:start\n<i>Hello</i> &amp; welcome\n\n"
      + "2\n00:00:04.000 --> 00:00:06.000\n<v Ann>Second cue\n";

  @Test
  void convertsWebVttToSrtAndBack() throws Exception {
    Path vtt = Files.writeString(dir.resolve("in.vtt"), VTT);
    Path srt = dir.resolve("out.srt");
    Cli r = Cli.run("convert", vtt.toString(), srt.toString());
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(Files.readString(srt)).isEqualTo("1\n00:00:01,000 --> 00:00:03,500\n<i>Hello</i> & welcome\n\n"
        + "2\n00:00:04,000 --> 00:00:06,000\nAnn: Second cue\n");
    assertThat(r.err).contains("dropped 1 × cue settings with no {\\an} equivalent");
    Path back = dir.resolve("back.vtt");
    assertThat(Cli.run("convert", srt.toString(), back.toString()).exitCode).isZero();
    assertThat(Files.readString(back)).startsWith("WEBVTT").contains("00:00:04.000 --> 00:00:06.000");
    Path json = dir.resolve("out.json");
    assertThat(Cli.run("convert", vtt.toString(), json.toString()).exitCode).isZero();
    assertThat(Files.readString(json)).contains("\"startTime\"").contains("\"cues\"");
  }

  @Test
  void convertNeedsAFormatForStdinAndAKnownExtension() throws Exception {
    // Usage errors (exit 2, with the valid values), not configuration errors: the command line itself is wrong.
    Path vtt = Files.writeString(dir.resolve("in.vtt"), VTT);
    Cli r = Cli.run("convert", "-", dir.resolve("o.srt").toString());
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("cannot tell the input format of '-'; give --from vtt|srt|json|ttml|ass").contains("Usage:");
    Cli r2 = Cli.run("convert", vtt.toString(), dir.resolve("o.txt").toString());
    assertThat(r2.exitCode).as(r2.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r2.err).contains("o.txt' from its extension").contains("vtt, srt, json");
    assertThat(dir.resolve("o.txt")).doesNotExist();
    Cli r3 = Cli.run("convert", vtt.toString(), dir.resolve("o.out").toString(), "--to", "sbv");
    assertThat(r3.exitCode).as(r3.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r3.err).contains("--to").contains("unknown caption format 'sbv'; valid values: vtt, srt, json, ttml, ass");
    Cli r4 = Cli.run("validate", dir.resolve("notes.txt").toString());
    assertThat(r4.exitCode).as(r4.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r4.err).contains("give --format");
    Cli r5 = Cli.run("shape", vtt.toString(), dir.resolve("o.vtt").toString(), "--profile", "fancy");
    assertThat(r5.exitCode).as(r5.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r5.err).contains("unknown caption profile 'fancy'; valid values: netflix, netflix-children, bbc, dcmp");
    assertThat(dir.resolve("o.vtt")).doesNotExist();
  }

  @Test
  void convertReadsStdinAndWritesStdout() throws Exception {
    Path srt = dir.resolve("from-stdin.srt");
    Cli in = Cli.runWithStdin(VTT, "convert", "-", srt.toString(), "--from", "vtt");
    assertThat(in.exitCode).as(in.toString()).isZero();
    assertThat(Files.readString(srt)).isEqualTo("1\n00:00:01,000 --> 00:00:03,500\n<i>Hello</i> & welcome\n\n"
        + "2\n00:00:04,000 --> 00:00:06,000\nAnn: Second cue\n");
    assertThat(in.out).as("stdout holds nothing but what was asked for").isEmpty();

    Path vtt = Files.writeString(dir.resolve("in ü.vtt"), VTT.replace("Second cue", "Zweite Überschrift"));
    Cli out = Cli.run("convert", vtt.toString(), "-", "--to", "srt");
    assertThat(out.exitCode).as(out.toString()).isZero();
    assertThat(out.out).isEqualTo("1\n00:00:01,000 --> 00:00:03,500\n<i>Hello</i> & welcome\n\n"
        + "2\n00:00:04,000 --> 00:00:06,000\nAnn: Zweite Überschrift\n");
    assertThat(out.err).as("the SRT conversion notes go to stderr, not into the captions")
        .contains("dropped 1 × cue settings");

    Cli both = Cli.runWithStdin(VTT, "convert", "-", "-", "--from", "vtt", "--to", "json");
    assertThat(both.exitCode).as(both.toString()).isZero();
    assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(both.out).path("cues").size()).isEqualTo(2);
  }

  @Test
  void convertOfAMissingOrBrokenFileIsInvalidInputAndWritesNothing() throws Exception {
    Path out = dir.resolve("o.srt");
    Cli r = Cli.run("convert", dir.resolve("missing.vtt").toString(), out.toString());
    // A missing file has one code in every command: the one 'caption' gives a missing video.
    assertThat(r.exitCode).isEqualTo(ExitCodes.FILE_NOT_FOUND);
    assertThat(r.err).contains("File not found");
    Path noSignature = Files.writeString(dir.resolve("bad.vtt"), "00:00:01.000 --> 00:00:02.000\nHi\n");
    Cli r2 = Cli.run("convert", noSignature.toString(), out.toString());
    assertThat(r2.exitCode).as(r2.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r2.err).contains("line 1");
    assertThat(out).doesNotExist();
  }

  @Test
  void validateReportsLineAndColumnAndFailsOnlyWhenInvalid() throws Exception {
    Path good = Files.writeString(dir.resolve("good.vtt"), VTT);
    Cli ok = Cli.run("validate", "--strict", good.toString());
    assertThat(ok.exitCode).as(ok.toString()).isZero();
    assertThat(ok.out).contains("good.vtt: valid");

    Path bad = Files.writeString(dir.resolve("bad.vtt"), "WEBVTT\n\n00:00:01.000 00:00:02.000\nno arrow\n\n"
        + "00:00:03.000 --> 00:00:04.000\nfine\n");
    Cli strict = Cli.run("validate", "--strict", bad.toString());
    assertThat(strict.exitCode).as(strict.toString()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(strict.out).containsPattern("bad\\.vtt:3:\\d+: error: ").contains("bad.vtt: INVALID");

    Path noSignature = Files.writeString(dir.resolve("nosig.vtt"), "hello\n");
    Cli lenient = Cli.run("validate", noSignature.toString(), good.toString());
    assertThat(lenient.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(lenient.out).contains("nosig.vtt:1:1: error: ").contains("good.vtt: valid");

    // A lenient warning about a whole line has no column: "file:line:", not a made-up column 0.
    Path srt = Files.writeString(dir.resolve("b.srt"), "1\n00:00:01,000 --> 00:00:02,000\nok\n\nx\n00:00:03,000 --> 00:00:02,000\nback\n");
    Cli warned = Cli.run("validate", srt.toString());
    assertThat(warned.out).containsPattern("b\\.srt:\\d+: warning: ").doesNotContain(":0:");
  }

  @Test
  void shapeReshapesACaptionFileIntoReadableCues() throws Exception {
    String longCue = "WEBVTT\n\n00:00:00.000 --> 00:00:12.000\nThis is one very long caption that somebody wrote without "
        + "any line breaks at all. It runs on for twelve seconds and holds far too much text for one cue.\n";
    Path in = Files.writeString(dir.resolve("long.vtt"), longCue);
    Path out = dir.resolve("short.vtt");
    Cli r = Cli.run("shape", in.toString(), out.toString(), "--profile", "netflix");
    assertThat(r.exitCode).as(r.toString()).isZero();
    String shaped = Files.readString(out);
    assertThat(shaped.split("-->", -1).length - 1).as(shaped).isGreaterThan(1);
    for (String line : shaped.split("\n")) assertThat(line.length()).as(line).isLessThanOrEqualTo(42);
    assertThat(r.err).contains("cues;");
  }

  @Test
  void shapeTakesATimedWordTranscript() throws Exception {
    Path words = Files.writeString(dir.resolve("words.json"), "{\"language\":\"en\",\"words\":["
        + "{\"text\":\"Hello\",\"start\":0.0,\"end\":0.4},{\"text\":\"world.\",\"start\":0.45,\"end\":0.9},"
        + "{\"text\":\"Bye.\",\"start\":3.0,\"end\":3.4}]}");
    Path out = dir.resolve("words.srt");
    Cli r = Cli.run("shape", words.toString(), out.toString());
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(Files.readString(out)).contains("Hello world.").contains("Bye.");
    // The words make the cues; a caption file is not asked to hold them, so none is reported lost. SRT has no
    // language field, and this file's name does not carry it: that loss is real.
    assertThat(r.err).doesNotContain("timed words").contains("dropped 1 × track language (en)");
    Path vtt = dir.resolve("words.vtt");
    Cli toVtt = Cli.run("shape", words.toString(), vtt.toString());
    assertThat(toVtt.exitCode).as(toVtt.toString()).isZero();
    assertThat(toVtt.err).doesNotContain("warning");
    Path json = dir.resolve("shaped.json");
    Cli toJson = Cli.run("shape", words.toString(), json.toString());
    assertThat(toJson.err).doesNotContain("warning");
    assertThat(Files.readString(json)).contains("\"words\":[{\"text\":\"Hello\"");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"words\":[{\"text\":\"x\",\"start\":\"soon\"}]}");
    Cli bad = Cli.run("shape", broken.toString(), out.toString());
    assertThat(bad.exitCode).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(bad.err).contains("\"start\" must be a number of seconds");
  }

  @Test
  void providersListsTheEmbeddedDefaultsAndCloudProviders() {
    Cli r = Cli.run("providers");
    assertThat(r.exitCode).as(r.toString()).isZero();
    assertThat(r.out).containsPattern("transcriber\\s+vosk\\s+embedded").containsPattern("media\\s+ffmpeg\\s+embedded")
        .contains("gemini", "openai", "gcore", "ittybit").contains("formats: [WEBVTT, SRT, JSON, TTML, ASS]");
  }

  @Test
  void everyCommandHasHelp() {
    for (String cmd : new String[] {"caption", "convert", "validate", "shape", "providers"}) {
      Cli r = Cli.run(cmd, "--help");
      assertThat(r.exitCode).as(cmd).isZero();
      assertThat(r.out).as(cmd).contains("Usage: captions " + cmd);
    }
    assertThat(Cli.run("--help").out).contains("Exit codes:");
  }
}
