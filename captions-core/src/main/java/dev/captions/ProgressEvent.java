package dev.captions;

import java.util.Locale;
import java.util.Objects;

/**
 * One progress report: which stage, how far (0–1, or {@code NaN} when unknown) and a short message. Immutable and
 * thread-safe.
 *
 * <p>Providers report events for the operation they perform ({@link PipelineStage#TRANSCRIBE} for a transcriber,
 * {@link PipelineStage#EXTRACT_AUDIO} for audio extraction, …); a {@link CaptionPipeline} forwards them to its
 * listener under the stage it is running.
 */
public final class ProgressEvent {
  private final PipelineStage stage;
  private final double fraction;
  private final String message;

  private ProgressEvent(PipelineStage stage, double fraction, String message) {
    this.stage = Objects.requireNonNull(stage, "stage == null");
    this.fraction = Double.isNaN(fraction) ? Double.NaN : Math.max(0, Math.min(1, fraction));
    this.message = message == null ? "" : message;
  }

  /**
   * A new event.
   *
   * @param stage the stage the work belongs to; not null
   * @param fraction done so far in [0, 1] (clamped), or {@code Double.NaN} when unknown
   * @param message a short human-readable note (e.g. {@code "decoding speech"}); null reads as empty
   * @return the event
   */
  public static ProgressEvent of(PipelineStage stage, double fraction, String message) {
    return new ProgressEvent(stage, fraction, message);
  }

  /** {@return the stage this work belongs to; never null} */
  public PipelineStage stage() {
    return stage;
  }

  /** {@return the share done, in [0, 1], or {@code NaN} when the work's size is unknown} */
  public double fraction() {
    return fraction;
  }

  /** {@return a short human-readable note; possibly empty, never null} */
  public String message() {
    return message;
  }

  /** The same event under another stage (how a pipeline re-labels a provider's events). */
  ProgressEvent withStage(PipelineStage newStage) {
    return new ProgressEvent(newStage, fraction, message);
  }

  /** {@code "transcribe 40%: decoding speech"}. */
  @Override
  public String toString() {
    return stage.id() + (Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, " %.0f%%", fraction * 100))
        + (message.isEmpty() ? "" : ": " + message);
  }
}
