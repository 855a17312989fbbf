package dev.captions.shaping;

import dev.captions.model.CaptionTrack;
import java.util.Objects;

/** A shaped track and the report of what was repaired and what still breaks the profile. Immutable. */
public final class ShapingResult {
  private final CaptionTrack track;
  private final CaptionQualityReport report;

  public ShapingResult(CaptionTrack track, CaptionQualityReport report) {
    this.track = Objects.requireNonNull(track, "track == null");
    this.report = Objects.requireNonNull(report, "report == null");
  }

  public CaptionTrack track() {
    return track;
  }

  public CaptionQualityReport report() {
    return report;
  }
}
