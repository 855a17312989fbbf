package dev.captions.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

/**
 * A linear change of caption times, {@code t' = round(anchorTo + (t - anchorFrom) * factor)}: a shift, a stretch, a
 * frame-rate conversion or a two-point resync. {@link #retime(CaptionTrack)} applies it to a whole track (cue times,
 * timed words and timestamp tags move together); {@link Cue#retimed(TimeMap)} to one cue. Immutable and thread-safe.
 */
public final class TimeMap implements LongUnaryOperator {
  /** The map that changes nothing. */
  public static final TimeMap IDENTITY = new TimeMap(0, 0, 1, "identity");

  private final long anchorFrom;
  private final long anchorTo;
  private final double factor;
  private final String description;

  private TimeMap(long anchorFrom, long anchorTo, double factor, String description) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("the time factor must be a positive finite number, not " + factor
          + " (a map that reverses or stops time would reorder cues)");
    }
    this.anchorFrom = anchorFrom;
    this.anchorTo = anchorTo;
    this.factor = factor;
    this.description = description;
  }

  /**
   * Every time moves by {@code offsetMs}.
   *
   * @param offsetMs milliseconds to add; negative moves captions earlier
   * @return the map
   */
  public static TimeMap shift(long offsetMs) {
    return offsetMs == 0 ? IDENTITY : new TimeMap(0, offsetMs, 1, "shift by " + offsetMs + " ms");
  }

  /**
   * Every time is multiplied by {@code factor} (0 stays 0).
   *
   * @param factor a positive finite number; {@code 1.1} makes captions 10% slower
   * @return the map
   * @throws IllegalArgumentException when {@code factor} is not positive and finite
   */
  public static TimeMap scale(double factor) {
    return factor == 1 ? IDENTITY : new TimeMap(0, 0, factor, "scale by " + factor);
  }

  /**
   * Captions timed for a video at {@code fromFps} made to fit the same frames played at {@code toFps}: a time becomes
   * {@code t * fromFps / toFps}, so 23.976 → 25 (a PAL speed-up) makes every time shorter by about 4%. The NTSC rates
   * written rounded are taken as their exact values: 23.976 as 24000/1001, 29.97 as 30000/1001, 47.952, 59.94 and
   * 119.88 likewise.
   *
   * @param fromFps the frame rate the captions were timed for, positive
   * @param toFps the frame rate of the target video, positive
   * @return the map
   * @throws IllegalArgumentException when a rate is not positive and finite
   */
  public static TimeMap frameRate(double fromFps, double toFps) {
    double from = exactRate(fromFps);
    double to = exactRate(toFps);
    if (!(from > 0) || !(to > 0) || Double.isInfinite(from) || Double.isInfinite(to)) {
      throw new IllegalArgumentException("frame rates must be positive numbers, not " + fromFps + " and " + toFps);
    }
    return from == to ? IDENTITY : new TimeMap(0, 0, from / to, "frame rate " + fromFps + " → " + toFps);
  }

  /** The NTSC rate a rounded figure stands for, else the figure itself. */
  static double exactRate(double fps) {
    double[] ntsc = {24, 30, 48, 60, 120};
    for (double base : ntsc) {
      double exact = base * 1000 / 1001;
      if (Math.abs(fps - exact) < 0.006) return exact;
    }
    return fps;
  }

  /**
   * The line through two sync points: the caption at {@code from1} belongs at {@code to1}, the one at {@code from2}
   * at {@code to2}; everything else is moved and stretched in proportion (a drifting file fixed from two spots).
   *
   * @param from1 a time in the captions, ms
   * @param to1 where it should be, ms
   * @param from2 a second time in the captions, ms, not equal to {@code from1}
   * @param to2 where it should be, ms; the two points must keep their order
   * @return the map
   * @throws IllegalArgumentException when the points coincide or would reverse time
   */
  public static TimeMap sync(long from1, long to1, long from2, long to2) {
    if (from1 == from2) {
      throw new IllegalArgumentException("the two sync points must be at different times (both are at " + from1
          + " ms)");
    }
    double factor = (double) (to2 - to1) / (double) (from2 - from1);
    if (!(factor > 0)) {
      throw new IllegalArgumentException("the sync points " + from1 + "→" + to1 + " and " + from2 + "→" + to2
          + " would reverse or stop time; the later caption must stay later");
    }
    return new TimeMap(from1, to1, factor, "sync " + from1 + "→" + to1 + ", " + from2 + "→" + to2);
  }

  /**
   * This map followed by {@code next}.
   *
   * @param next the map applied second, not null
   * @return the composition (still linear)
   */
  public TimeMap andThen(TimeMap next) {
    Objects.requireNonNull(next, "next == null");
    if (isIdentity()) return next;
    if (next.isIdentity()) return this;
    // next(this(t)) = next.to + (to + (t - from) f - next.from) nf
    double f = factor * next.factor;
    double toAtFrom = next.anchorTo + (anchorTo - next.anchorFrom) * next.factor;
    return new TimeMap(anchorFrom, Math.round(toAtFrom), f, description + ", then " + next.description);
  }

  /**
   * Whether the map changes no time.
   *
   * @return true for the identity
   */
  public boolean isIdentity() {
    return factor == 1 && anchorFrom == anchorTo;
  }

  /**
   * Where time {@code ms} goes, rounded to the nearest millisecond (halves away from zero). May be negative.
   *
   * @param ms a time in milliseconds
   * @return the mapped time in milliseconds
   */
  @Override
  public long applyAsLong(long ms) {
    if (factor == 1) return ms - anchorFrom + anchorTo;
    double v = anchorTo + (ms - anchorFrom) * factor;
    return (long) (v < 0 ? -Math.floor(-v + 0.5) : Math.floor(v + 0.5));
  }

  /**
   * The track with every cue moved ({@link Cue#retimed(TimeMap)}). A cue that would end at or before 0 ms is
   * dropped and listed in {@link Result#droppedCues()}; one that would start before 0 starts at 0 and is counted in
   * {@link Result#clampedCues()}. Language, kind and metadata are kept.
   *
   * @param track the track, not null
   * @return the moved track and what could not be kept as it was
   */
  public Result retime(CaptionTrack track) {
    List<Cue> out = new ArrayList<>(track.cues().size());
    List<Cue> dropped = new ArrayList<>();
    int clamped = 0;
    for (Cue c : track.cues()) {
      if (applyAsLong(c.endMs()) <= 0) {
        dropped.add(c);
        continue;
      }
      if (applyAsLong(c.startMs()) < 0) clamped++;
      out.add(c.retimed(this));
    }
    return new Result(track.toBuilder().cues(out).build(), dropped, clamped);
  }

  /**
   * What the map does, for people.
   *
   * @return e.g. {@code "shift by -2500 ms"}
   */
  @Override
  public String toString() {
    return description;
  }

  /** A retimed track and what did not fit before 0 ms. Immutable. */
  public static final class Result {
    private final CaptionTrack track;
    private final List<Cue> droppedCues;
    private final int clampedCues;

    Result(CaptionTrack track, List<Cue> droppedCues, int clampedCues) {
      this.track = track;
      this.droppedCues = List.copyOf(droppedCues);
      this.clampedCues = clampedCues;
    }

    /** @return the retimed track, never null */
    public CaptionTrack track() {
      return track;
    }

    /** @return the original cues that would have ended at or before 0 ms and were left out; unmodifiable */
    public List<Cue> droppedCues() {
      return droppedCues;
    }

    /** @return how many kept cues would have started before 0 ms and now start at 0 */
    public int clampedCues() {
      return clampedCues;
    }
  }
}
