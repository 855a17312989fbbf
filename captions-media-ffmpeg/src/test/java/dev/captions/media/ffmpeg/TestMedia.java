package dev.captions.media.ffmpeg;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes small media files at test time with the FFmpeg binary itself (lavfi sources), so no media is checked in. */
final class TestMedia {
  private final Path ffmpeg;

  TestMedia(Path ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  /** A solid blue video with a 440 Hz tone, so burned-in text is the only thing that changes the picture. */
  Path videoWithAudio(Path file, int seconds) throws IOException, InterruptedException {
    return run(file, "-f", "lavfi", "-i", "color=c=blue:size=320x240:rate=10:duration=" + seconds,
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds,
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
  }

  /** The blue video with a tone in an AVI container (MPEG-4 Part 2 video, MP3 audio), as old cameras write it. */
  Path aviWithAudio(Path file, int seconds) throws IOException, InterruptedException {
    return run(file, "-f", "lavfi", "-i", "color=c=blue:size=320x240:rate=10:duration=" + seconds,
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds,
        "-c:v", "mpeg4", "-c:a", "libmp3lame", "-shortest");
  }

  Path videoWithoutAudio(Path file, int seconds) throws IOException, InterruptedException {
    return run(file, "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=" + seconds,
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
  }

  Path silentAudio(Path file, int seconds) throws IOException, InterruptedException {
    return run(file, "-f", "lavfi", "-i", "anullsrc=r=48000:cl=stereo", "-t", String.valueOf(seconds));
  }

  /** A longer, larger video whose re-encoding takes seconds, for cancellation. */
  Path longVideo(Path file, int seconds) throws IOException, InterruptedException {
    return run(file, "-f", "lavfi", "-i", "testsrc=size=640x480:rate=25:duration=" + seconds,
        "-f", "lavfi", "-i", "sine=duration=" + seconds,
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest");
  }

  private Path run(Path file, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
    cmd.addAll(List.of(args));
    cmd.add(file.toString());
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("could not generate " + file + " with " + cmd);
    }
    return file;
  }
}
