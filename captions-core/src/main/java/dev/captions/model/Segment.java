package dev.captions.model;

import java.util.List;
import java.util.Objects;

/**
 * A stretch of speech as a provider reported it (a Whisper segment, a Gcore subtitle, a Gemini cue), with its own
 * words when the provider gave them. Times are as reported: segments from models may overlap, be unordered or run past
 * the media's end, and the shaping engine repairs them. {@code endMs >= startMs} is the only check made here.
 */
public final class Segment {
  private final long startMs;
  private final long endMs;
  private final String text;
  private final String speaker;
  private final List<TimedWord> words;

  private Segment(long startMs, long endMs, String text, String speaker, List<TimedWord> words) {
    Objects.requireNonNull(text, "text == null");
    if (startMs < 0) throw new IllegalArgumentException("startMs (" + startMs + ") must be >= 0");
    if (endMs < startMs) {
      throw new IllegalArgumentException("endMs (" + endMs + ") must not be less than startMs (" + startMs + ")");
    }
    this.startMs = startMs;
    this.endMs = endMs;
    this.text = text;
    this.speaker = speaker;
    this.words = List.copyOf(words);
  }

  /**
   * A segment with no speaker and no words.
   *
   * @param startMs the start in milliseconds
   * @param endMs the end in milliseconds
   * @param text what was said; not null
   * @return the segment
   */
  public static Segment of(long startMs, long endMs, String text) {
    return new Segment(startMs, endMs, text, null, List.of());
  }

  /**
   * A segment with a speaker and timed words.
   *
   * @param startMs the start in milliseconds
   * @param endMs the end in milliseconds
   * @param text what was said; not null
   * @param speaker the speaker, or {@code null}
   * @param words the words in time order; copied, not null
   * @return the segment
   */
  public static Segment of(long startMs, long endMs, String text, String speaker, List<TimedWord> words) {
    return new Segment(startMs, endMs, text, speaker, Objects.requireNonNull(words, "words == null"));
  }

  /**
   * The segment's start.
   *
   * @return the start in milliseconds from the start of the media
   */
  public long startMs() {
    return startMs;
  }

  /**
   * The segment's end.
   *
   * @return the end in milliseconds from the start of the media
   */
  public long endMs() {
    return endMs;
  }

  /**
   * What was said.
   *
   * @return the text; never null
   */
  public String text() {
    return text;
  }

  /** {@return the speaker, or {@code null}} */
  public String speaker() {
    return speaker;
  }

  /** {@return the segment's words, possibly empty (then the shaping engine estimates them)} Unmodifiable. */
  public List<TimedWord> words() {
    return words;
  }

  /**
   * This segment and its words moved in time (used when a long media is transcribed in chunks).
   *
   * @param offsetMs the shift in milliseconds, may be negative
   * @return the shifted segment
   */
  public Segment shiftedBy(long offsetMs) {
    return new Segment(startMs + offsetMs, endMs + offsetMs, text, speaker,
        words.stream().map(w -> w.shiftedBy(offsetMs)).collect(java.util.stream.Collectors.toList()));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Segment)) return false;
    Segment s = (Segment) o;
    return startMs == s.startMs && endMs == s.endMs && text.equals(s.text) && Objects.equals(speaker, s.speaker)
        && words.equals(s.words);
  }

  @Override
  public int hashCode() {
    return Objects.hash(startMs, endMs, text, speaker, words);
  }

  @Override
  public String toString() {
    return "Segment{" + startMs + "-" + endMs + "ms, " + text + (speaker != null ? ", speaker=" + speaker : "") + '}';
  }
}
