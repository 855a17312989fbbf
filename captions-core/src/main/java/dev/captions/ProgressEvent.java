package dev.captions;

import java.util.Objects;

/** One progress report: which stage, how far (0–1, or {@code NaN} when unknown) and a short message. Immutable. */
public final class ProgressEvent {
  private final String stage;
  private final double fraction;
  private final String message;

  private ProgressEvent(String stage, double fraction, String message) {
    this.stage = Objects.requireNonNull(stage, "stage == null");
    this.fraction = Double.isNaN(fraction) ? Double.NaN : Math.max(0, Math.min(1, fraction));
    this.message = message == null ? "" : message;
  }

  /** @param fraction done so far in [0, 1] (clamped), or {@code Double.NaN} when unknown */
  public static ProgressEvent of(String stage, double fraction, String message) {
    return new ProgressEvent(stage, fraction, message);
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
