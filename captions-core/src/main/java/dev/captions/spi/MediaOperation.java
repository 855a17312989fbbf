package dev.captions.spi;

/** The operations a {@link MediaProcessor} may support; it declares which in {@link MediaProcessor#operations()}. */
public enum MediaOperation {
  /** {@link MediaProcessor#probe}. */
  PROBE,
  /** {@link MediaProcessor#extractAudio}. */
  EXTRACT_AUDIO,
  /** {@link MediaProcessor#extractFrames}. */
  EXTRACT_FRAMES,
  /** {@link MediaProcessor#burnIn}. */
  BURN_IN,
  /** {@link MediaProcessor#mux}. */
  MUX_SUBTITLES
}
