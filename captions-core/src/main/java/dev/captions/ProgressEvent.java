package dev.captions;

import java.util.Objects;

/** One progress report: which stage, how far (0–1, or {@code NaN} when unknown) and a short message. Immutable. */
public final class ProgressEvent {
  private final String stage;
  private final double fraction;
  private final String message;
  private final long mediaDurationMs;

  private ProgressEvent(String stage, double fraction, String message, long mediaDurationMs) {
    this.stage = Objects.requireNonNull(stage, "stage == null");
    this.fraction = Double.isNaN(fraction) ? Double.NaN : Math.max(0, Math.min(1, fraction));
    this.message = message == null ? "" : message;
    this.mediaDurationMs = mediaDurationMs;
  }

  /** @param fraction done so far in [0, 1] (clamped), or {@code Double.NaN} when unknown */
  public static ProgressEvent of(String stage, double fraction, String message) {
    return new ProgressEvent(stage, fraction, message, -1);
  }

  /**
   * A copy that also says how long the media is, so that a listener can show progress in media time ("02:10 of
   * 05:00") with an estimate of the time left. The pipeline adds it to every event once the length is known.
   *
   * @param mediaDurationMs the media's length in milliseconds, {@code > 0}
   * @return the copy
   * @throws IllegalArgumentException when {@code mediaDurationMs <= 0}
   */
  public ProgressEvent withMediaDurationMs(long mediaDurationMs) {
    if (mediaDurationMs <= 0) throw new IllegalArgumentException("mediaDurationMs (" + mediaDurationMs + ") must be > 0");
    return new ProgressEvent(stage, fraction, message, mediaDurationMs);
  }

  /** The media's length in milliseconds, when the run knows it; empty otherwise. */
  public java.util.OptionalLong mediaDurationMs() {
    return mediaDurationMs > 0 ? java.util.OptionalLong.of(mediaDurationMs) : java.util.OptionalLong.empty();
  }

  /** The stage, e.g. {@code "transcribe"}. */
  public String stage() {
    return stage;
  }

  /** In [0, 1], or {@code NaN} when the work's size is unknown. */
  public double fraction() {
    return fraction;
  }

  public String message() {
    return message;
  }

  @Override
  public String toString() {
    return stage + (Double.isNaN(fraction) ? "" : String.format(java.util.Locale.ROOT, " %.0f%%", fraction * 100))
        + (message.isEmpty() ? "" : ": " + message);
  }
}
