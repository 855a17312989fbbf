package dev.captions.webvtt;

import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;

/**
 * What a streamed read ({@link WebVttReader#stream(java.io.Reader, java.util.function.Consumer,
 * java.util.function.Consumer, TrackListener)}, {@link JsonTrackCodec#stream(java.io.Reader,
 * java.util.function.Consumer, java.util.function.Consumer, TrackListener)}) finds besides the cues, as soon as it
 * finds it, so that a streamed write can put each part where its format wants it: the head before the first cue, a
 * NOTE where it comes. Called on the reading thread, in file order; an implementation may throw
 * {@link java.io.UncheckedIOException} to stop the read.
 */
public interface TrackListener {
  /**
   * The track's properties as far as they come before the cues: called once, just before the first cue is handed
   * on, or at the end when there is no cue.
   *
   * @param language the language so far ({@code "und"} when none was given)
   * @param kind the kind so far
   * @param metadata the header text, styles, regions and notes read so far
   * @param complete false when the input may still give its language or kind after the cues (a JSON track whose
   *     {@code "cues"} come before its {@code "language"} or {@code "kind"}): a writer that must write its head first
   *     should then hold the cues until the read ends; always true for WebVTT
   */
  void head(String language, TrackKind kind, TrackMetadata metadata, boolean complete);

  /**
   * A NOTE (comment) read after {@link #head}, e.g. between two cues.
   *
   * @param note the note's text
   */
  void note(String note);

  /**
   * A track property that came after the cues had started (JSON allows its properties in any order), too late for a
   * write that has already written its head. The returned track of the read has it; the default does nothing.
   *
   * @param property the JSON property name, e.g. {@code "styles"}
   */
  default void lateProperty(String property) {}
}
