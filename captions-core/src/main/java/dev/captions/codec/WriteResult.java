package dev.captions.codec;

import java.util.List;

/**
 * What a write could not put in the file: one {@link Diagnostic.Severity#WARNING} per kind of loss, with a count,
 * e.g. {@code "dropped 3 × cue settings with no {\an} equivalent: SRT cannot represent them"}. Line and column are 0
 * (a loss belongs to the track, not to a place in the output). Immutable and thread-safe.
 */
public final class WriteResult {
  private static final WriteResult LOSSLESS = new WriteResult(List.of());

  private final List<Diagnostic> losses;

  private WriteResult(List<Diagnostic> losses) {
    this.losses = List.copyOf(losses);
  }

  /**
   * A write that kept everything.
   *
   * @return the shared lossless result
   */
  public static WriteResult lossless() {
    return LOSSLESS;
  }

  /**
   * A write that lost what {@code losses} say.
   *
   * @param losses one warning per kind of loss, copied, not null
   * @return the result
   */
  public static WriteResult of(List<Diagnostic> losses) {
    return losses.isEmpty() ? LOSSLESS : new WriteResult(losses);
  }

  /**
   * What the format could not hold.
   *
   * @return one warning per kind of loss, in a stable order; empty when nothing was lost; unmodifiable
   */
  public List<Diagnostic> losses() {
    return losses;
  }

  /**
   * Whether the file holds everything the track had.
   *
   * @return true when {@link #losses()} is empty
   */
  public boolean isLossless() {
    return losses.isEmpty();
  }

  @Override
  public String toString() {
    return losses.isEmpty() ? "WriteResult{lossless}" : "WriteResult" + losses;
  }
}
