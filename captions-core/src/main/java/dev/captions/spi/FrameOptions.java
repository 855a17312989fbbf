package dev.captions.spi;

import dev.captions.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Options for {@link MediaProcessor#extractFrames}. Immutable. */
public final class FrameOptions {
  /** Image encodings. */
  public enum Format {
    JPEG("jpg", "image/jpeg"), PNG("png", "image/png");

    private final String extension;
    private final String mimeType;

    Format(String extension, String mimeType) {
      this.extension = extension;
      this.mimeType = mimeType;
    }

    public String extension() {
      return extension;
    }

    public String mimeType() {
      return mimeType;
    }
  }

  private final List<Long> timestampsMs;
  private final Format format;
  private final int width;
  private final Path outputDirectory;
  private final ProgressListener progress;

  private FrameOptions(Builder b) {
    this.timestampsMs = List.copyOf(b.timestampsMs);
    this.format = b.format;
    this.width = b.width;
    this.outputDirectory = b.outputDirectory;
    this.progress = b.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code count} times spread over a media of {@code durationMs}: the mid-points of {@code count} equal slices, so
   * that no frame is asked for at or past the end (a frame job past the end fails after the others were paid).
   *
   * @param durationMs the media's length in milliseconds, {@code > 0}
   * @param count how many times, {@code >= 1}
   * @return the times in milliseconds, ascending
   * @throws IllegalArgumentException when {@code durationMs} or {@code count} is out of range
   */
  public static List<Long> midpoints(long durationMs, int count) {
    if (durationMs <= 0) throw new IllegalArgumentException("durationMs (" + durationMs + ") must be > 0");
    if (count < 1) throw new IllegalArgumentException("count (" + count + ") must be >= 1");
    List<Long> at = new java.util.ArrayList<>(count);
    for (int i = 0; i < count; i++) at.add(durationMs * (2L * i + 1) / (2L * count));
    return List.copyOf(at);
  }

  /** Frames at these times (ms). */
  public static FrameOptions at(List<Long> timestampsMs) {
    return builder().timestampsMs(timestampsMs).build();
  }

  public List<Long> timestampsMs() {
    return timestampsMs;
  }

  public Format format() {
    return format;
  }

  /** Width in pixels (height keeps the aspect ratio), or 0 for the video's own size. */
  public int width() {
    return width;
  }

  /** Where a local processor writes frames; empty means a temporary directory. */
  public Optional<Path> outputDirectory() {
    return Optional.ofNullable(outputDirectory);
  }

  public ProgressListener progress() {
    return progress;
  }

  /** Builds {@link FrameOptions}. Default: JPEG at the video's size. */
  public static final class Builder {
    private List<Long> timestampsMs = new ArrayList<>();
    private Format format = Format.JPEG;
    private int width;
    private Path outputDirectory;
    private ProgressListener progress = ProgressListener.NONE;

    private Builder() {}

    public Builder timestampsMs(List<Long> timestampsMs) {
      this.timestampsMs = new ArrayList<>(Objects.requireNonNull(timestampsMs, "timestampsMs == null"));
      return this;
    }

    public Builder format(Format format) {
      this.format = Objects.requireNonNull(format, "format == null");
      return this;
    }

    public Builder width(int width) {
      if (width < 0) throw new IllegalArgumentException("width (" + width + ") must be >= 0");
      this.width = width;
      return this;
    }

    public Builder outputDirectory(Path outputDirectory) {
      this.outputDirectory = outputDirectory;
      return this;
    }

    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    /** @throws IllegalArgumentException when there are no timestamps or one is negative */
    public FrameOptions build() {
      if (timestampsMs.isEmpty()) throw new IllegalArgumentException("at least one timestamp is needed");
      for (Long t : timestampsMs) {
        if (t == null || t < 0) throw new IllegalArgumentException("timestamps must be >= 0: " + t);
      }
      return new FrameOptions(this);
    }
  }
}
