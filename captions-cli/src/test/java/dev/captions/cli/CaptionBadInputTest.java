package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.media.ffmpeg.FfmpegMediaProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input gets a clear message, its own exit code, and leaves no output behind. */
class CaptionBadInputTest {
  @TempDir static Path media;
  @TempDir Path out;

  static Path videoWithoutAudio;
  static Path silence;

  @BeforeAll
  static void makeMedia() throws Exception {
    Path ffmpeg = FfmpegMediaProcessor.create().ffmpegPath();
    videoWithoutAudio = media.resolve("no audio.mp4");
    ffmpeg(ffmpeg, "-f", "lavfi", "-i", "color=c=black:s=64x64:d=1", "-pix_fmt", "yuv420p", videoWithoutAudio.toString());
    silence = media.resolve("sïlence ünïcode.wav");
    ffmpeg(ffmpeg, "-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "2", silence.toString());
  }

  private static void ffmpeg(Path ffmpeg, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(log).isZero();
  }

  private void assertNoOutput() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void missingFile() throws Exception {
    Cli r = Cli.run("caption", media.resolve("nope.mp4").toString(), "-o", out.toString(), "-q");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.MEDIA_NOT_FOUND).isEqualTo(7);
    assertThat(r.err).startsWith("captions: File not found: ").contains("nope.mp4");
    assertNoOutput();
  }

  @Test
  void emptyFile() throws Exception {
    Path empty = Files.createFile(media.resolve("empty.mp4"));
    Cli r = Cli.run("caption", empty.toString(), "-o", out.toString(), "-q");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.MEDIA_EMPTY).isEqualTo(8);
    assertThat(r.err).contains("is empty (0 bytes)");
    assertNoOutput();
  }

  @Test
  void notAMediaFile() throws Exception {
    Path text = Files.writeString(media.resolve("notes.mp4"), "these are my notes, not a video\n");
    Cli r = Cli.run("caption", text.toString(), "-o", out.toString(), "-q");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.NOT_MEDIA).isEqualTo(9);
    assertThat(r.err).startsWith("captions: ").contains("notes.mp4").contains("not media at all");
    assertNoOutput();
  }

  @Test
  void videoWithoutAudio() throws Exception {
    Cli r = Cli.run("caption", videoWithoutAudio.toString(), "-o", out.toString(), "-q");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.NO_AUDIO).isEqualTo(10);
    assertThat(r.err).contains("no audio stream");
    assertNoOutput();
  }

  @Test
  void silenceGivesAValidEmptyTrackAndAWarning() throws Exception {
    Cli r = Cli.run("caption", silence.toString(), "-o", out.toString(), "-f", "vtt");
    assertThat(r.exitCode).as(r.toString()).isZero();
    Path vtt = out.resolve("sïlence ünïcode.en.vtt");
    assertThat(Files.readString(vtt)).startsWith("WEBVTT");
    assertThat(r.out).contains("0 cues");
    assertThat(r.err).contains("warning: no speech found in sïlence ünïcode.wav");
  }

  @Test
  void unwritableOutputDirectory() throws Exception {
    // A file where the directory should be: unwritable for every user, root included (CI runs as root).
    Path blocker = Files.writeString(media.resolve("blocker"), "x");
    Cli r = Cli.run("caption", silence.toString(), "-o", blocker.resolve("sub").toString(), "-q");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.OUTPUT);
    assertThat(r.err).contains("is not writable").contains("is a file");
  }

  @Test
  void usageErrorsHaveTheirOwnCode() throws IOException {
    Cli r = Cli.run("caption");
    assertThat(r.exitCode).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err).contains("give at least one VIDEO, or --gcore-video ID");
    // Wrong option values are usage errors too, named with the values that are valid; nothing is written.
    Cli profile = Cli.run("caption", silence.toString(), "-o", out.toString(), "--profile", "fancy");
    assertThat(profile.exitCode).as(profile.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(profile.err).contains("--profile")
        .contains("unknown caption profile 'fancy'; valid values: netflix, netflix-children, bbc, dcmp");
    Cli format = Cli.run("caption", silence.toString(), "-o", out.toString(), "-f", "vtt,sbv");
    assertThat(format.exitCode).as(format.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(format.err).contains("unknown caption format 'sbv'; valid values: vtt, srt, json, ttml, ass");
    assertNoOutput();
  }
}
