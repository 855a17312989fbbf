package dev.captions.media.ffmpeg.internal;

import java.nio.file.Path;
import java.util.Objects;

/** An FFmpeg executable and where it was found ("configured path", "bundled jave-nativebin-linux64-3.5.0", "PATH"). */
public final class FfmpegBinary {
  private final Path path;
  private final String origin;

  public FfmpegBinary(Path path, String origin) {
    this.path = Objects.requireNonNull(path, "path == null");
    this.origin = Objects.requireNonNull(origin, "origin == null");
  }

  public Path path() {
    return path;
  }

  public String origin() {
    return origin;
  }

  @Override
  public String toString() {
    return path + " (" + origin + ")";
  }
}
