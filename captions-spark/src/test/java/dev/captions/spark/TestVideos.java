package dev.captions.spark;

import dev.captions.media.ffmpeg.FfmpegMediaProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Short speech videos cut at test time from the shipped sample ({@code samples/talk.mp4}: six espeak-ng sentences)
 * with the FFmpeg binary the media processor uses, so no extra media is checked in and no speech tool is needed.
 */
final class TestVideos {
  static final Path SAMPLE = Path.of("..", "samples", "talk.mp4");
  /** Where each sentence of the sample starts, in seconds (samples/README.md), and where the sample ends. */
  private static final double[] STARTS = {0.500, 3.358, 6.927, 10.522, 14.275, 18.272, 20.987};

  private TestVideos() {}

  /**
   * {@code count} videos of one sentence each (about 3–4.5 s): each sentence as it is, then slowed down by 10 % (so
   * every file differs), cycling through the six sentences.
   */
  static List<Path> sentences(Path dir, int count) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    List<Path> videos = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int s = i % 6;
      boolean slow = (i / 6) % 2 == 1;
      double from = Math.max(0, STARTS[s] - 0.3);
      double length = STARTS[s + 1] - from - 0.1;
      Path out = dir.resolve(String.format(Locale.ROOT, "sentence-%02d%s.mp4", i, slow ? "-slow" : ""));
      List<String> args = new ArrayList<>(List.of("-ss", fmt(from), "-t", fmt(length), "-i", SAMPLE.toString()));
      if (slow) args.addAll(List.of("-af", "atempo=0.9", "-vf", "setpts=PTS/0.9"));
      args.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"));
      videos.add(ffmpeg(out, args));
    }
    return videos;
  }

  /** A one-minute video: the sample looped, with a lead-in of {@code index * 0.25} s of the sample skipped. */
  static Path minute(Path file, int index) throws IOException, InterruptedException {
    return ffmpeg(file, List.of("-stream_loop", "3", "-ss", fmt(index * 0.25 % 20), "-i", SAMPLE.toString(), "-t", "60",
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"));
  }

  /** Bytes that are no media at all, under a video's name. */
  static Path corrupt(Path file) throws IOException {
    byte[] junk = new byte[64 * 1024];
    new java.util.Random(42).nextBytes(junk);
    return Files.write(file, junk);
  }

  private static String fmt(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  private static Path ffmpeg(Path out, List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(FfmpegMediaProcessor.create().ffmpegPath().toString(),
        "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
    cmd.addAll(args);
    cmd.add(out.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("could not make " + out + " with " + cmd);
    }
    return out;
  }
}
