package dev.captions.flows;

import dev.captions.media.ffmpeg.FfmpegMediaProcessor;
import dev.captions.model.Frame;
import dev.captions.model.MediaSource;
import dev.captions.spi.FrameOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Media made at test time with the FFmpeg binary {@code captions-media-ffmpeg} locates (no media checked in), and
 * frames read back from videos, to see what was burned in.
 */
final class FlowMedia {
  static final FfmpegMediaProcessor FFMPEG = FfmpegMediaProcessor.create();

  private FlowMedia() {}

  /**
   * A solid blue 320x240 video with a 440 Hz tone; the container follows the file's extension (.mp4: H.264/AAC with
   * the index first, so it can be read over HTTP without seeking; .avi: MPEG-4 Part 2 and MP3).
   */
  static Path blueVideoWithTone(Path file, int seconds) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(FFMPEG.ffmpegPath().toString(), "-hide_banner", "-nostdin",
        "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", "color=c=blue:size=320x240:rate=10:duration=" + seconds,
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds));
    if (file.toString().endsWith(".avi")) {
      cmd.addAll(List.of("-c:v", "mpeg4", "-c:a", "libmp3lame"));
    } else {
      cmd.addAll(List.of("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
          "-movflags", "+faststart"));
    }
    cmd.addAll(List.of("-shortest", file.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("could not generate " + file + " with " + cmd);
    }
    return file;
  }

  /** The frame at {@code ms}, as PNG, written under {@code scratch}. */
  static BufferedImage frameAt(Path video, long ms, Path scratch) throws IOException {
    List<Frame> frames = FFMPEG.extractFrames(MediaSource.of(video), FrameOptions.builder().timestampsMs(List.of(ms))
        .format(FrameOptions.Format.PNG).outputDirectory(Files.createTempDirectory(scratch, "frames")).build());
    return ImageIO.read(frames.get(0).image().path().toFile());
  }

  /**
   * Pixels much brighter than the blue background in red and green, in the lower third of the picture (where
   * captions are drawn): caption text or the inside of its outline.
   */
  static int lightPixelsInCaptionArea(BufferedImage img) {
    int n = 0;
    for (int y = img.getHeight() * 2 / 3; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        if (((rgb >> 16) & 0xff) > 180 && ((rgb >> 8) & 0xff) > 180) n++;
      }
    }
    return n;
  }
}
