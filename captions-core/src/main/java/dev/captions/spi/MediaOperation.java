package dev.captions.spi;

/** The operations a {@link MediaProcessor} may support; it declares which in {@link MediaProcessor#operations()}. */
public enum MediaOperation {
  PROBE, EXTRACT_AUDIO, EXTRACT_FRAMES, BURN_IN, MUX_SUBTITLES
}
