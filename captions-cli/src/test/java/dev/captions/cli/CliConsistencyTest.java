package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.media.ffmpeg.FfmpegMediaProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The small things of issue 12: every input of a batch processed, one exit code per cause in every command, language
 * names refused as such, the writer's headers valid under {@code validate --strict}, help wrapped once.
 */
class CliConsistencyTest {
  @TempDir Path dir;
  @TempDir Path out;

  @Test
  void everyInputIsProcessedAndEachFailureReported() throws Exception {
    Path silence = dir.resolve("quiet.wav");
    Process p = new ProcessBuilder(FfmpegMediaProcessor.create().ffmpegPath().toString(), "-hide_banner", "-loglevel",
        "error", "-y", "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "1", silence.toString())
        .redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    Path empty = Files.createFile(dir.resolve("empty.mp4"));
    Path missing = dir.resolve("missing.mp4");

    Cli r = Cli.run("caption", missing.toString(), silence.toString(), empty.toString(), "-f", "vtt",
        "-o", out.toString());
    // The first failure's code; the good input in the middle was still captioned.
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.FILE_NOT_FOUND);
    try (java.util.stream.Stream<Path> files = Files.list(out)) {
      assertThat(files.map(f -> f.getFileName().toString())).singleElement().asString().startsWith("quiet.")
          .endsWith(".vtt");
    }
    assertThat(r.out).contains(out.resolve("quiet").toString());
    assertThat(r.err).contains("captions: missing.mp4: File not found").contains("captions: empty.mp4: ")
        .contains("is empty (0 bytes)").contains("2 of 3 inputs failed: missing.mp4 (exit 7), empty.mp4 (exit 8)");
  }

  @Test
  void aMissingFileHasOneCodeInEveryCommand() {
    String missing = dir.resolve("nope.vtt").toString();
    assertThat(Cli.run("convert", missing, out.resolve("o.srt").toString()).exitCode).isEqualTo(ExitCodes.FILE_NOT_FOUND);
    assertThat(Cli.run("validate", missing).exitCode).isEqualTo(ExitCodes.FILE_NOT_FOUND);
    assertThat(Cli.run("caption", dir.resolve("nope.mp4").toString(), "-o", out.toString(), "-q").exitCode)
        .isEqualTo(ExitCodes.FILE_NOT_FOUND);
  }

  @Test
  void aLanguageNameIsNotATag() {
    Cli r = Cli.run("caption", dir.resolve("talk.mp4").toString(), "-l", "english", "-o", out.toString());
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(r.err).contains("'english' is not a BCP-47 language tag").contains("did you mean \"en\"?")
        .doesNotContain("model");
    Cli t = Cli.run("caption", dir.resolve("talk.mp4").toString(), "-t", "Spanish", "-o", out.toString());
    assertThat(t.err).contains("'Spanish' is not a BCP-47 language tag").contains("did you mean \"es\"?");
  }

  @Test
  void anUnknownLanguageIsWrittenWithoutATagAndTheWritersHeadersValidateClean() throws Exception {
    Path json = Files.writeString(dir.resolve("talk.json"), "{\"cues\":[{\"startTime\":0.5,\"endTime\":2.0,\"text\":\"Hola\"}],"
        + "\"language\":\"es\",\"kind\":\"subtitles\"}");
    Path vtt = out.resolve("talk.es.vtt");
    Cli c = Cli.run("convert", json.toString(), vtt.toString());
    assertThat(c.exitCode).as(c.toString()).isZero();
    assertThat(Files.readString(vtt)).contains("Kind: subtitles").contains("Language: es");
    Cli v = Cli.run("validate", "--strict", vtt.toString());
    assertThat(v.exitCode).as(v.toString()).isZero();
    assertThat(v.out + v.err).doesNotContain("warning").doesNotContain("header lines");
  }

  @Test
  void sizeValuesAreCheckedAsUsage() {
    Cli r = Cli.run("caption", dir.resolve("talk.mp4").toString(), "--burn", "--size", "huge", "-o", out.toString());
    assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("unknown size 'huge'; valid values: 1080p, 720p, 480p or WxH");
  }

  @Test
  void helpIsWrappedOnce() {
    // picocli wraps each description element to the terminal width; an element broken by hand mid-sentence is then
    // wrapped a second time, leaving ragged short lines. Every element must be whole: it ends a sentence.
    List<String> broken = new ArrayList<>();
    collectBroken(CaptionsCommand.commandLine(System.in), broken);
    assertThat(broken).isEmpty();
    for (String cmd : List.of("caption", "summarize", "gcore", "convert", "retime", "validate", "shape")) {
      Cli r = Cli.run(cmd, "--help");
      assertThat(r.exitCode).isZero();
      assertThat(r.out.split("\n")).as(cmd).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
    }
  }

  private static void collectBroken(picocli.CommandLine cmd, List<String> broken) {
    for (String element : cmd.getCommandSpec().usageMessage().description()) {
      String e = element.strip();
      // Broken by hand: the element stops on a word or a comma, in mid-sentence.
      if (e.replace("%n", "").matches("(?s).*[\\p{L}\\p{N},;-]$")) broken.add(cmd.getCommandName() + ": " + element);
    }
    for (picocli.CommandLine sub : cmd.getSubcommands().values()) collectBroken(sub, broken);
  }
}
