package dev.captions.shaping;

import java.util.Objects;

/** One place where a caption track still breaks its {@link StyleProfile}, with the measured value and the limit. */
public final class Violation {
  /** The rule broken. */
  public enum Rule {
    /** A line is longer than {@link StyleProfile#maxCharsPerLine()} characters. */
    MAX_CHARS_PER_LINE,
    /** A cue has more than {@link StyleProfile#maxLines()} lines. */
    MAX_LINES,
    /** A cue is read faster than the profile allows (measured and limit in chars/s, or in words/min for wpm profiles). */
    READING_SPEED,
    /** A cue is shorter than {@link StyleProfile#minDurationMs()}. */
    MIN_DURATION,
    /** A cue is longer than {@link StyleProfile#maxDurationMs()}. */
    MAX_DURATION,
    /** The gap to the previous cue is shorter than {@link StyleProfile#minGapMs()} (measured may be negative: overlap). */
    MIN_GAP,
    /** A cue ends after the end of the media. */
    BEYOND_MEDIA,
    /**
     * A cue mixes speakers beyond the profile's {@link StyleProfile.SpeakerStyle} (judged from its words' speakers):
     * with {@code NAMES} more than one speaker, with dashes more than two speaker turns or two turns that are not one
     * dash line each. Measured and limit are speaker turns.
     */
    SPEAKERS,
    /** An input item (LLM segment, cue of a third-party file) implies an implausible reading speed, in chars/s. */
    IMPLAUSIBLE_READING_SPEED
  }

  private final int cueIndex;
  private final long startMs;
  private final Rule rule;
  private final double measured;
  private final double limit;
  private final String cause;

  /**
   * A violation record.
   *
   * @param cueIndex the cue's index in the shaped track, or -1
   * @param startMs the cue's start in milliseconds
   * @param rule the rule broken; not null
   * @param measured the measured value
   * @param limit the profile's limit
   * @param cause why it could not be avoided
   */
  public Violation(int cueIndex, long startMs, Rule rule, double measured, double limit, String cause) {
    this.cueIndex = cueIndex;
    this.startMs = startMs;
    this.rule = Objects.requireNonNull(rule, "rule == null");
    this.measured = measured;
    this.limit = limit;
    this.cause = Objects.requireNonNull(cause, "cause == null");
  }

  /** {@return the index of the cue in the shaped track, or -1 for a finding about the input (see {@link #cause()})} */
  public int cueIndex() {
    return cueIndex;
  }

  /**
   * Where the violation is.
   *
   * @return the cue's start in milliseconds from the start of the media
   */
  public long startMs() {
    return startMs;
  }

  /**
   * The rule broken.
   *
   * @return the rule; never null
   */
  public Rule rule() {
    return rule;
  }

  /** {@return the measured value, in the rule's unit (characters, lines, milliseconds or characters per second)} */
  public double measured() {
    return measured;
  }

  /** {@return the profile's limit, in the same unit as {@link #measured()}} */
  public double limit() {
    return limit;
  }

  /**
   * Why the engine could not avoid it, e.g. "speech is faster than the reading speed".
   *
   * @return the cause, for people
   */
  public String cause() {
    return cause;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Violation)) return false;
    Violation v = (Violation) o;
    return cueIndex == v.cueIndex && startMs == v.startMs && rule == v.rule
        && Double.compare(measured, v.measured) == 0 && Double.compare(limit, v.limit) == 0 && cause.equals(v.cause);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cueIndex, startMs, rule, measured, limit, cause);
  }

  @Override
  public String toString() {
    return rule + (cueIndex >= 0 ? " cue " + cueIndex : " input") + " @" + startMs + "ms: " + fmt(measured)
        + " (limit " + fmt(limit) + "): " + cause;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.1f", d);
  }
}
