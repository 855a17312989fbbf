package dev.captions.shaping;

import dev.captions.model.CaptionTrack;
import java.util.Objects;

/** A shaped track and the report of what was repaired and what still breaks the profile. Immutable. */
public final class ShapingResult {
  private final CaptionTrack track;
  private final CaptionQualityReport report;

  /**
   * The result of shaping.
   *
   * @param track the shaped track; not null
   * @param report what was checked and repaired; not null
   */
  public ShapingResult(CaptionTrack track, CaptionQualityReport report) {
    this.track = Objects.requireNonNull(track, "track == null");
    this.report = Objects.requireNonNull(report, "report == null");
  }

  /**
   * The shaped track.
   *
   * @return the track; never null
   */
  public CaptionTrack track() {
    return track;
  }

  /**
   * What the shaper checked, repaired and could not fix.
   *
   * @return the report; never null
   */
  public CaptionQualityReport report() {
    return report;
  }
}
