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

  /**
   * The region identifier.
   *
   * @return the identifier; never null
   */
  public String id() {
    return id;
  }

  /** {@return width in percent of the viewport} */
  public double width() {
    return width;
  }

  /**
   * The height in lines, as written (may exceed {@code int}).
   *
   * @return the line count
   */
  public double lines() {
    return lines;
  }

  /**
   * The region's anchor point, horizontally.
   *
   * @return percent of the region's width
   */
  public double regionAnchorX() {
    return regionAnchorX;
  }

  /**
   * The region's anchor point, vertically.
   *
   * @return percent of the region's height
   */
  public double regionAnchorY() {
    return regionAnchorY;
  }

  /**
   * Where the anchor sits in the viewport, horizontally.
   *
   * @return percent of the viewport's width
   */
  public double viewportAnchorX() {
    return viewportAnchorX;
  }

  /**
   * Where the anchor sits in the viewport, vertically.
   *
   * @return percent of the viewport's height
   */
  public double viewportAnchorY() {
    return viewportAnchorY;
  }

  /** {@return {@code "up"} or {@code ""}, as {@code VTTRegion.scroll}} */
  public String scroll() {
    return scrollUp ? "up" : "";
  }

  /**
   * 1-based line of the {@code REGION} keyword.
   *
   * @return the line number, 1-based
   */
  public int lineNumber() {
    return lineNumber;
  }

  /** {@return the model form; {@code lines} above {@link Integer#MAX_VALUE} is clamped to it} */
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
