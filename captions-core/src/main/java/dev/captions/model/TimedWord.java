package dev.captions.model;

import java.util.Objects;

/** One recognised word with its time range. Immutable. */
public final class TimedWord {
  /** Confidence value meaning "the provider gave none". */
  public static final double UNKNOWN_CONFIDENCE = -1;

  private final String text;
  private final long startMs;
  private final long endMs;
  private final double confidence;
  private final String speaker;

  private TimedWord(String text, long startMs, long endMs, double confidence, String speaker) {
    Objects.requireNonNull(text, "text == null");
    if (startMs < 0) throw new IllegalArgumentException("startMs (" + startMs + ") must be >= 0");
    if (endMs < startMs) {
      throw new IllegalArgumentException("endMs (" + endMs + ") must not be less than startMs (" + startMs + ")");
    }
    if (confidence != UNKNOWN_CONFIDENCE && !(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence (" + confidence + ") must be in [0, 1] or UNKNOWN_CONFIDENCE");
    }
    this.text = text;
    this.startMs = startMs;
    this.endMs = endMs;
    this.confidence = confidence;
    this.speaker = speaker;
  }

  /**
   * A word with no confidence and no speaker. {@code endMs == startMs} is allowed (a zero-length word).
   *
   * @param text the word as plain text; not null
   * @param startMs the start in milliseconds from the start of the media
   * @param endMs the end in milliseconds; at least {@code startMs}
   * @return the word
   */
  public static TimedWord of(String text, long startMs, long endMs) {
    return new TimedWord(text, startMs, endMs, UNKNOWN_CONFIDENCE, null);
  }

  /**
   * A word with a confidence and a speaker.
   *
   * @param text the word as plain text; not null
   * @param startMs the start in milliseconds
   * @param endMs the end in milliseconds; at least {@code startMs}
   * @param confidence in [0, 1], or {@link #UNKNOWN_CONFIDENCE}
   * @param speaker the speaker label, or {@code null}
   * @return the word
   */
  public static TimedWord of(String text, long startMs, long endMs, double confidence, String speaker) {
    return new TimedWord(text, startMs, endMs, confidence, speaker);
  }

  /**
   * This word with another speaker.
   *
   * @param speaker the speaker label, or {@code null}
   * @return the new word
   */
  public TimedWord withSpeaker(String speaker) {
    return new TimedWord(text, startMs, endMs, confidence, speaker);
  }

  /**
   * This word moved in time.
   *
   * @param offsetMs the shift in milliseconds, may be negative
   * @return the shifted word
   */
  public TimedWord shiftedBy(long offsetMs) {
    return new TimedWord(text, startMs + offsetMs, endMs + offsetMs, confidence, speaker);
  }

  /**
   * The word.
   *
   * @return the word as plain text; never null
   */
  public String text() {
    return text;
  }

  /**
   * The word's start.
   *
   * @return the start in milliseconds from the start of the media
   */
  public long startMs() {
    return startMs;
  }

  /**
   * The word's end.
   *
   * @return the end in milliseconds from the start of the media
   */
  public long endMs() {
    return endMs;
  }

  /**
   * In [0, 1], or {@link #UNKNOWN_CONFIDENCE}.
   *
   * @return the confidence
   */
  public double confidence() {
    return confidence;
  }

  /** {@return the speaker label, or {@code null}} */
  public String speaker() {
    return speaker;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof TimedWord)) return false;
    TimedWord w = (TimedWord) o;
    return startMs == w.startMs && endMs == w.endMs && Double.compare(confidence, w.confidence) == 0
        && text.equals(w.text) && Objects.equals(speaker, w.speaker);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, startMs, endMs, confidence, speaker);
  }

  @Override
  public String toString() {
    return text + "@" + startMs + "-" + endMs + "ms" + (speaker != null ? "[" + speaker + "]" : "");
  }
}
