package dev.captions.align;

import dev.captions.model.Transcript;
import java.util.Objects;

/**
 * A transcript whose times were aligned to the audio, and the report of what changed. Immutable and thread-safe.
 */
public final class AlignedTranscript {
  private final Transcript transcript;
  private final AlignmentReport report;

  /**
   * @param transcript the transcript with aligned times; not null
   * @param report what the alignment did; not null
   */
  public AlignedTranscript(Transcript transcript, AlignmentReport report) {
    this.transcript = Objects.requireNonNull(transcript, "transcript == null");
    this.report = Objects.requireNonNull(report, "report == null");
  }

  /**
   * The aligned transcript: the same words with the same text, in the same order, with times from the audio.
   *
   * @return the transcript; never null
   */
  public Transcript transcript() {
    return transcript;
  }

  /** {@return what the alignment did} */
  public AlignmentReport report() {
    return report;
  }

  @Override
  public String toString() {
    return "AlignedTranscript{" + transcript + ", " + report.summary() + '}';
  }
}
