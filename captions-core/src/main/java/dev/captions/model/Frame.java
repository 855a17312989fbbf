package dev.captions.model;

import java.util.Objects;

/** A still image taken from a video at a point in time. Immutable. */
public final class Frame {
  private final long timestampMs;
  private final MediaSource image;

  private Frame(long timestampMs, MediaSource image) {
    if (timestampMs < 0) throw new IllegalArgumentException("timestampMs (" + timestampMs + ") must be >= 0");
    this.timestampMs = timestampMs;
    this.image = Objects.requireNonNull(image, "image == null");
  }

  /**
   * @param image a local image file or an image URL
   *
   * @param timestampMs where in the video the frame is, in milliseconds
   * @return the frame
   */
  public static Frame of(long timestampMs, MediaSource image) {
    return new Frame(timestampMs, image);
  }

  /**
   * Where in the video the frame is.
   *
   * @return the time in milliseconds from the start of the video
   */
  public long timestampMs() {
    return timestampMs;
  }

  /**
   * The image.
   *
   * @return a local image file or an image URL; never null
   */
  public MediaSource image() {
    return image;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Frame)) return false;
    Frame f = (Frame) o;
    return timestampMs == f.timestampMs && image.equals(f.image);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timestampMs, image);
  }

  @Override
  public String toString() {
    return "Frame{" + Timecodes.format(timestampMs) + ", " + image + '}';
  }
}
