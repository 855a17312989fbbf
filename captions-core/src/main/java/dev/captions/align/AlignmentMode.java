package dev.captions.align;

/** Whether the caption pipeline aligns the transcript's times to the audio ({@code alignTiming(...)}). */
public enum AlignmentMode {
  /**
   * Align when the transcriber's times are {@linkplain dev.captions.spi.TimingSource#needsAlignment() untrusted or
   * absent} and an aligner fits the language and the audio is local PCM; never for transcribers that time words from
   * the audio. The default.
   */
  AUTO,
  /** Always align; {@code build()} fails when no aligner is available, a run fails when the audio cannot be read. */
  ON,
  /** Never align: the transcriber's times are shaped as they are. */
  OFF
}
