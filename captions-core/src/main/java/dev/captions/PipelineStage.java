package dev.captions;

import java.util.Locale;

/**
 * The stages of a {@link CaptionPipeline} run, in the order they start. Each is optional: a run performs only the
 * stages its configuration asks for. Providers called directly report progress under the stage of the operation
 * they perform.
 */
public enum PipelineStage {
  /** Reading the media's duration and streams. */
  PROBE,
  /** Extracting the audio the transcriber reads. */
  EXTRACT_AUDIO,
  /** Speech to timed text. */
  TRANSCRIBE,
  /** Putting untrusted or absent transcript times on the audio's clock ({@code alignTiming}). */
  ALIGN,
  /** Repairing timings and making readable cues. */
  SHAPE,
  /** Writing caption files. */
  WRITE,
  /** Translating the caption track. */
  TRANSLATE,
  /** Extracting still frames (for a summarizer that looks at the video). */
  EXTRACT_FRAMES,
  /** Summarising the video into a title, a summary and chapters. */
  SUMMARIZE,
  /** Drawing captions into a copy of the video. */
  BURN_IN,
  /** Adding caption tracks to a copy of the video as soft subtitle streams. */
  MUX;

  /** {@return the lower-case name used in logs and the CLI, e.g. {@code "extract-audio"}} */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
