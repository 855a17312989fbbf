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
  private final long mediaDurationMs;

  private ProgressEvent(PipelineStage stage, double fraction, String message, long mediaDurationMs) {
    this.stage = Objects.requireNonNull(stage, "stage == null");
    this.fraction = Double.isNaN(fraction) ? Double.NaN : Math.max(0, Math.min(1, fraction));
    this.message = message == null ? "" : message;
    this.mediaDurationMs = mediaDurationMs;
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

  /** {@return the media's length in milliseconds, when the run knows it; empty otherwise} */
  public java.util.OptionalLong mediaDurationMs() {
    return mediaDurationMs > 0 ? java.util.OptionalLong.of(mediaDurationMs) : java.util.OptionalLong.empty();
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
    return new ProgressEvent(newStage, fraction, message, mediaDurationMs);
  }

  /** {@code "transcribe 40%: decoding speech"}. */
  @Override
  public String toString() {
    return stage.id() + (Double.isNaN(fraction) ? "" : String.format(Locale.ROOT, " %.0f%%", fraction * 100))
        + (message.isEmpty() ? "" : ": " + message);
  }
}
