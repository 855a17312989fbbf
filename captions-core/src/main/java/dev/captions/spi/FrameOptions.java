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
    /** JPEG ({@code .jpg}). */
    JPEG("jpg", "image/jpeg"),
    /** PNG ({@code .png}). */
    PNG("png", "image/png");

    private final String extension;
    private final String mimeType;

    Format(String extension, String mimeType) {
      this.extension = extension;
      this.mimeType = mimeType;
    }

    /**
     * The file extension for this format, without the dot.
     *
     * @return the extension, e.g. {@code "jpg"}
     */
    public String extension() {
      return extension;
    }

    /**
     * The MIME type of this format.
     *
     * @return the MIME type, e.g. {@code "image/jpeg"}
     */
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

  /**
   * A builder with no timestamps yet.
   *
   * @return a new builder
   */
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

  /**
   * Frames at these times (ms).
   *
   * @param timestampsMs the times in milliseconds from the start of the video; at least one, none negative
   * @return the options, with the other values at their defaults
   */
  public static FrameOptions at(List<Long> timestampsMs) {
    return builder().timestampsMs(timestampsMs).build();
  }

  /**
   * The times of the frames, in the order asked.
   *
   * @return the times in milliseconds; unmodifiable, not empty
   */
  public List<Long> timestampsMs() {
    return timestampsMs;
  }

  /**
   * The image format.
   *
   * @return the format; never null
   */
  public Format format() {
    return format;
  }

  /** {@return width in pixels (height keeps the aspect ratio), or 0 for the video's own size} */
  public int width() {
    return width;
  }

  /** {@return where a local processor writes frames; empty means a temporary directory} */
  public Optional<Path> outputDirectory() {
    return Optional.ofNullable(outputDirectory);
  }

  /**
   * The listener told about extraction progress.
   *
   * @return the listener; never null
   */
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

    /**
     * Sets the times of the frames.
     *
     * @param timestampsMs times in milliseconds; copied, not null
     * @return this builder
     */
    public Builder timestampsMs(List<Long> timestampsMs) {
      this.timestampsMs = new ArrayList<>(Objects.requireNonNull(timestampsMs, "timestampsMs == null"));
      return this;
    }

    /**
     * Sets the image format.
     *
     * @param format the format; not null
     * @return this builder
     */
    public Builder format(Format format) {
      this.format = Objects.requireNonNull(format, "format == null");
      return this;
    }

    /**
     * Sets the width of the frames.
     *
     * @param width the width in pixels, or 0 for the video's own size
     * @return this builder
     * @throws IllegalArgumentException when {@code width} is negative
     */
    public Builder width(int width) {
      if (width < 0) throw new IllegalArgumentException("width (" + width + ") must be >= 0");
      this.width = width;
      return this;
    }

    /**
     * Sets where a local processor writes frames.
     *
     * @param outputDirectory a directory, or {@code null} for a temporary one
     * @return this builder
     */
    public Builder outputDirectory(Path outputDirectory) {
      this.outputDirectory = outputDirectory;
      return this;
    }

    /**
     * Sets the listener told about progress.
     *
     * @param progress the listener; not null
     * @return this builder
     */
    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    /**
     * @throws IllegalArgumentException when there are no timestamps or one is negative
     *
     * @return the options
     */
    public FrameOptions build() {
      if (timestampsMs.isEmpty()) throw new IllegalArgumentException("at least one timestamp is needed");
      for (Long t : timestampsMs) {
        if (t == null || t < 0) throw new IllegalArgumentException("timestamps must be >= 0: " + t);
      }
      return new FrameOptions(this);
    }
  }
}
