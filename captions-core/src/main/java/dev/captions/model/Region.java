package dev.captions.model;

import java.util.Objects;

/**
 * A WebVTT region ({@code REGION} block), with the units and defaults of the HTML {@code VTTRegion} interface.
 * Immutable.
 */
public final class Region {
  /** Scroll behaviour: none, or {@code up}. */
  public enum Scroll {
    /** Lines do not scroll. */
    NONE,
    /** New lines push the old ones up ({@code scroll:up}). */
    UP
  }

  private final String id;
  private final double width;
  private final int lines;
  private final double regionAnchorX;
  private final double regionAnchorY;
  private final double viewportAnchorX;
  private final double viewportAnchorY;
  private final Scroll scroll;

  private Region(Builder b) {
    this.id = b.id;
    this.width = b.width;
    this.lines = b.lines;
    this.regionAnchorX = b.regionAnchorX;
    this.regionAnchorY = b.regionAnchorY;
    this.viewportAnchorX = b.viewportAnchorX;
    this.viewportAnchorY = b.viewportAnchorY;
    this.scroll = b.scroll;
  }

  /**
   * A builder for a region with the WebVTT defaults (width 100, 3 lines, anchors 0,100, no scroll).
   *
   * @param id the region identifier; not null
   * @return a new builder
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * A builder holding this region's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.width = width;
    b.lines = lines;
    b.regionAnchorX = regionAnchorX;
    b.regionAnchorY = regionAnchorY;
    b.viewportAnchorX = viewportAnchorX;
    b.viewportAnchorY = viewportAnchorY;
    b.scroll = scroll;
    return b;
  }

  /** {@return the region identifier (may be empty only for regions the WebVTT parser keeps for conformance)} */
  public String id() {
    return id;
  }

  /** {@return width in percent of the viewport, 100 by default} */
  public double width() {
    return width;
  }

  /** {@return height in lines, 3 by default} */
  public int lines() {
    return lines;
  }

  /**
   * The region's anchor point, horizontally.
   *
   * @return the x coordinate in percent of the region's width
   */
  public double regionAnchorX() {
    return regionAnchorX;
  }

  /**
   * The region's anchor point, vertically.
   *
   * @return the y coordinate in percent of the region's height
   */
  public double regionAnchorY() {
    return regionAnchorY;
  }

  /**
   * Where the region's anchor sits in the viewport, horizontally.
   *
   * @return the x coordinate in percent of the viewport's width
   */
  public double viewportAnchorX() {
    return viewportAnchorX;
  }

  /**
   * Where the region's anchor sits in the viewport, vertically.
   *
   * @return the y coordinate in percent of the viewport's height
   */
  public double viewportAnchorY() {
    return viewportAnchorY;
  }

  /**
   * Whether the region's lines scroll up.
   *
   * @return the scroll setting; never null
   */
  public Scroll scroll() {
    return scroll;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Region)) return false;
    Region r = (Region) o;
    return Double.compare(width, r.width) == 0 && lines == r.lines && Double.compare(regionAnchorX, r.regionAnchorX) == 0
        && Double.compare(regionAnchorY, r.regionAnchorY) == 0 && Double.compare(viewportAnchorX, r.viewportAnchorX) == 0
        && Double.compare(viewportAnchorY, r.viewportAnchorY) == 0 && id.equals(r.id) && scroll == r.scroll;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, width, lines, regionAnchorX, regionAnchorY, viewportAnchorX, viewportAnchorY, scroll);
  }

  @Override
  public String toString() {
    return "Region{id=" + id + ", width=" + width + ", lines=" + lines + ", regionAnchor=" + regionAnchorX + "," + regionAnchorY
        + ", viewportAnchor=" + viewportAnchorX + "," + viewportAnchorY + ", scroll=" + scroll + '}';
  }

  /** Builds a {@link Region}; starts at the VTTRegion defaults. */
  public static final class Builder {
    private final String id;
    private double width = 100;
    private int lines = 3;
    private double regionAnchorX = 0;
    private double regionAnchorY = 100;
    private double viewportAnchorX = 0;
    private double viewportAnchorY = 100;
    private Scroll scroll = Scroll.NONE;

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id == null");
    }

    /**
     * Sets the width.
     *
     * @param width percent of the viewport, 0–100
     * @return this builder
     */
    public Builder width(double width) {
      this.width = width;
      return this;
    }

    /**
     * Sets the height.
     *
     * @param lines the height in lines, at least 0
     * @return this builder
     */
    public Builder lines(int lines) {
      this.lines = lines;
      return this;
    }

    /**
     * Sets the region's anchor point.
     *
     * @param x percent of the region's width, 0–100
     * @param y percent of the region's height, 0–100
     * @return this builder
     */
    public Builder regionAnchor(double x, double y) {
      this.regionAnchorX = x;
      this.regionAnchorY = y;
      return this;
    }

    /**
     * Sets where the anchor sits in the viewport.
     *
     * @param x percent of the viewport's width, 0–100
     * @param y percent of the viewport's height, 0–100
     * @return this builder
     */
    public Builder viewportAnchor(double x, double y) {
      this.viewportAnchorX = x;
      this.viewportAnchorY = y;
      return this;
    }

    /**
     * Sets whether the lines scroll up.
     *
     * @param scroll the setting; not null
     * @return this builder
     */
    public Builder scroll(Scroll scroll) {
      this.scroll = Objects.requireNonNull(scroll, "scroll == null");
      return this;
    }

    /**
     * @throws IllegalArgumentException when a percentage is outside 0–100 or lines is negative
     *
     * @return the region
     */
    public Region build() {
      if (id.contains("-->") || id.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("region id must not contain \"-->\" or white space: " + id);
      }
      checkPercent("width", width);
      checkPercent("regionAnchorX", regionAnchorX);
      checkPercent("regionAnchorY", regionAnchorY);
      checkPercent("viewportAnchorX", viewportAnchorX);
      checkPercent("viewportAnchorY", viewportAnchorY);
      if (lines < 0) throw new IllegalArgumentException("lines (" + lines + ") must be >= 0");
      return new Region(this);
    }

    private static void checkPercent(String name, double v) {
      if (!(v >= 0 && v <= 100)) throw new IllegalArgumentException(name + " (" + v + ") must be between 0 and 100");
    }
  }
}
