package dev.captions.shaping;

import java.util.Objects;

/** One change the shaping engine made to untrusted input. Immutable. */
public final class Repair {
  /** What was changed. */
  public enum Kind {
    /** An item with no text was removed. */
    DROPPED_EMPTY,
    /** An item whose end was not after its start got a new end. */
    FIXED_END_BEFORE_START,
    /** Items out of time order were sorted. */
    SORTED,
    /** An item overlapping the next one was shortened (or the next one moved). */
    RESOLVED_OVERLAP,
    /** An item running past the end of the media was cut at the media's end. */
    CLAMPED_TO_MEDIA,
    /** An item starting at or after the end of the media was removed. */
    DROPPED_BEYOND_MEDIA,
    /** A sentence repeated three or more times in a row (a model's repetition loop) lost its repeats. */
    DROPPED_REPETITION,
    /** Words whose text had leading or trailing whitespace were trimmed. */
    TRIMMED_TEXT,
    /**
     * An item the provider sent whose time could not be read (absurd, negative or no timestamp at all) was left out by
     * the transcriber ({@link dev.captions.model.Transcript#dropped()}); its start is reported as -1.
     */
    DROPPED_UNREADABLE_TIME,
    /** An item repeating the one before it (same text, starting within it) was removed: the model said it twice. */
    DROPPED_DUPLICATE
  }

  private final Kind kind;
  private final int index;
  private final long startMs;
  private final String detail;

  /**
   * A repair record.
   *
   * @param kind what kind of repair; not null
   * @param index the index of the repaired item in the input, or -1
   * @param startMs the item's start in the input, in milliseconds
   * @param detail what changed, with the values before and after
   */
  public Repair(Kind kind, int index, long startMs, String detail) {
    this.kind = Objects.requireNonNull(kind, "kind == null");
    this.index = index;
    this.startMs = startMs;
    this.detail = Objects.requireNonNull(detail, "detail == null");
  }

  /**
   * What kind of repair it was.
   *
   * @return the kind; never null
   */
  public Kind kind() {
    return kind;
  }

  /** {@return the index of the repaired item in the input (word, segment or cue), or -1 when it concerns them all} */
  public int index() {
    return index;
  }

  /** {@return the item's start time in the input, in milliseconds} */
  public long startMs() {
    return startMs;
  }

  /** {@return what was changed, with the values before and after} */
  public String detail() {
    return detail;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Repair)) return false;
    Repair r = (Repair) o;
    return kind == r.kind && index == r.index && startMs == r.startMs && detail.equals(r.detail);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, index, startMs, detail);
  }

  @Override
  public String toString() {
    return kind + (index >= 0 ? " #" + index : "") + " @" + startMs + "ms: " + detail;
  }
}
