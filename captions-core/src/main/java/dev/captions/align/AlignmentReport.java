package dev.captions.align;

import java.util.Locale;
import java.util.Objects;

/**
 * What an alignment did to a transcript's times: how many words got their times from the audio (anchored), how many
 * were placed between anchors inside speech (interpolated), how many kept the provider's times (left as given), and
 * the largest change made to a word's start. Immutable and thread-safe.
 */
public final class AlignmentReport {
  private final String aligner;
  private final int anchored;
  private final int interpolated;
  private final int leftAsGiven;
  private final long largestCorrectionMs;

  /**
   * A report.
   *
   * @param aligner the aligner's name, e.g. {@code "vosk"} or {@code "energy"}; not null
   * @param anchored words timed from a match in the audio, at least 0
   * @param interpolated words placed between anchors (or speech onsets) by their length, at least 0
   * @param leftAsGiven words whose times were kept as the transcriber gave them, at least 0
   * @param largestCorrectionMs the largest absolute change of a word's start, in milliseconds, at least 0
   * @throws IllegalArgumentException when a count or the correction is negative
   */
  public AlignmentReport(String aligner, int anchored, int interpolated, int leftAsGiven, long largestCorrectionMs) {
    this.aligner = Objects.requireNonNull(aligner, "aligner == null");
    if (anchored < 0 || interpolated < 0 || leftAsGiven < 0 || largestCorrectionMs < 0) {
      throw new IllegalArgumentException("counts and correction must be >= 0");
    }
    this.anchored = anchored;
    this.interpolated = interpolated;
    this.leftAsGiven = leftAsGiven;
    this.largestCorrectionMs = largestCorrectionMs;
  }

  /** {@return the name of the aligner that made this report} */
  public String aligner() {
    return aligner;
  }

  /** {@return the number of words timed from a match in the audio} */
  public int anchored() {
    return anchored;
  }

  /** {@return the number of words placed between anchors, inside speech, by their length} */
  public int interpolated() {
    return interpolated;
  }

  /** {@return the number of words whose times were kept as the transcriber gave them} */
  public int leftAsGiven() {
    return leftAsGiven;
  }

  /** {@return all words: anchored + interpolated + left as given} */
  public int words() {
    return anchored + interpolated + leftAsGiven;
  }

  /** {@return the largest absolute change of a word's start, in milliseconds; 0 when nothing moved} */
  public long largestCorrectionMs() {
    return largestCorrectionMs;
  }

  /**
   * One line for people, e.g. {@code "aligned by vosk: 398 anchored, 12 interpolated, 0 left as given; largest
   * correction 4.20 s"}.
   *
   * @return the summary; never null
   */
  public String summary() {
    return String.format(Locale.ROOT, "aligned by %s: %d anchored, %d interpolated, %d left as given; largest "
        + "correction %.2f s", aligner, anchored, interpolated, leftAsGiven, largestCorrectionMs / 1000.0);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof AlignmentReport)) return false;
    AlignmentReport r = (AlignmentReport) o;
    return anchored == r.anchored && interpolated == r.interpolated && leftAsGiven == r.leftAsGiven
        && largestCorrectionMs == r.largestCorrectionMs && aligner.equals(r.aligner);
  }

  @Override
  public int hashCode() {
    return Objects.hash(aligner, anchored, interpolated, leftAsGiven, largestCorrectionMs);
  }

  @Override
  public String toString() {
    return "AlignmentReport{" + summary() + '}';
  }
}
