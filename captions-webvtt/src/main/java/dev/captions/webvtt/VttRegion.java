package dev.captions.webvtt;

import dev.captions.model.Region;

/**
 * A {@code REGION} definition exactly as the WebVTT parsing algorithm produced it, with {@code VTTRegion} names and
 * units. {@link #lines()} is a double because the algorithm accepts any run of digits (e.g. {@code 1e34} lines);
 * {@link #toRegion()} clamps it for the model. Immutable once the parser hands it out.
 */
public final class VttRegion {
  String id = "";
  double width = 100;
  double lines = 3;
  double regionAnchorX = 0;
  double regionAnchorY = 100;
  double viewportAnchorX = 0;
  double viewportAnchorY = 100;
  boolean scrollUp;
  int lineNumber;

  VttRegion() {}

  public String id() {
    return id;
  }

  /** Width in percent of the viewport. */
  public double width() {
    return width;
  }

  public double lines() {
    return lines;
  }

  public double regionAnchorX() {
    return regionAnchorX;
  }

  public double regionAnchorY() {
    return regionAnchorY;
  }

  public double viewportAnchorX() {
    return viewportAnchorX;
  }

  public double viewportAnchorY() {
    return viewportAnchorY;
  }

  /** {@code "up"} or {@code ""}, as {@code VTTRegion.scroll}. */
  public String scroll() {
    return scrollUp ? "up" : "";
  }

  /** 1-based line of the {@code REGION} keyword. */
  public int lineNumber() {
    return lineNumber;
  }

  /** The model form; {@code lines} above {@link Integer#MAX_VALUE} is clamped to it. */
  public Region toRegion() {
    return Region.builder(id)
        .width(width)
        .lines(lines > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) lines)
        .regionAnchor(regionAnchorX, regionAnchorY)
        .viewportAnchor(viewportAnchorX, viewportAnchorY)
        .scroll(scrollUp ? Region.Scroll.UP : Region.Scroll.NONE)
        .build();
  }

  @Override
  public String toString() {
    return "VttRegion{id=" + id + ", width=" + width + ", lines=" + lines + '}';
  }
}
