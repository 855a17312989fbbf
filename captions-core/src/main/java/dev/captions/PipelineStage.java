package dev.captions;

/** The stages of a {@link CaptionPipeline} run, in the order they run. Each is optional. */
public enum PipelineStage {
  PROBE, EXTRACT_AUDIO, TRANSCRIBE, SHAPE, WRITE, TRANSLATE, SUMMARIZE, BURN_IN,
  /** Adding the written tracks to a copy of the video as soft subtitle streams. */
  MUX;

  /** The lower-case name used in progress events, e.g. {@code "transcribe"}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
