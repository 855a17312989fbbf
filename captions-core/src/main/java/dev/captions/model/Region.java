package dev.captions.model;

import java.util.Objects;

/**
 * A WebVTT region ({@code REGION} block), with the units and defaults of the HTML {@code VTTRegion} interface.
 * Immutable.
 */
public final class Region {
  /** Scroll behaviour: none, or {@code up}. */
  public enum Scroll {
    NONE, UP
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

  public static Builder builder(String id) {
    return new Builder(id);
  }

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

  /** The region identifier (may be empty only for regions the WebVTT parser keeps for conformance). */
  public String id() {
    return id;
  }

  /** Width in percent of the viewport, 100 by default. */
  public double width() {
    return width;
  }

  /** Height in lines, 3 by default. */
  public int lines() {
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

    public Builder width(double width) {
      this.width = width;
      return this;
    }

    public Builder lines(int lines) {
      this.lines = lines;
      return this;
    }

    public Builder regionAnchor(double x, double y) {
      this.regionAnchorX = x;
      this.regionAnchorY = y;
      return this;
    }

    public Builder viewportAnchor(double x, double y) {
      this.viewportAnchorX = x;
      this.viewportAnchorY = y;
      return this;
    }

    public Builder scroll(Scroll scroll) {
      this.scroll = Objects.requireNonNull(scroll, "scroll == null");
      return this;
    }

    /** @throws IllegalArgumentException when a percentage is outside 0–100 or lines is negative */
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
