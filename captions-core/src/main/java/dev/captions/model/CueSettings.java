package dev.captions.model;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * WebVTT cue settings, with the names, units and defaults of the HTML {@code VTTCue} interface: positions and sizes are
 * percentages of the video viewport; {@code line} is a line number when {@link #snapToLines()} is true, else a
 * percentage. Immutable. {@link #DEFAULT} is a cue with no settings.
 */
public final class CueSettings {
  /** Writing direction: {@code ""} (horizontal), {@code "rl"}, {@code "lr"}. */
  public enum Vertical {
    /** Horizontal text (no {@code vertical} setting). */
    HORIZONTAL(""),
    /** Vertical text, lines growing right to left ({@code vertical:rl}). */
    RL("rl"),
    /** Vertical text, lines growing left to right ({@code vertical:lr}). */
    LR("lr");

    private final String value;

    Vertical(String value) {
      this.value = value;
    }

    /**
     * The WebVTT / VTTCue keyword.
     *
     * @return the keyword; {@code ""} for horizontal text
     */
    public String value() {
      return value;
    }
  }

  /** {@code lineAlign} and {@code positionAlign} values. {@link #AUTO} is valid for {@code positionAlign} only. */
  public enum Anchor {
    /** {@code start}. */
    START("start"),
    /** {@code center}. */
    CENTER("center"),
    /** {@code end}. */
    END("end"),
    /** {@code auto}: the default position alignment (from the text alignment). */
    AUTO("auto"),
    /** {@code line-left}. */
    LINE_LEFT("line-left"),
    /** {@code line-right}. */
    LINE_RIGHT("line-right");

    private final String value;

    Anchor(String value) {
      this.value = value;
    }

    /**
     * The WebVTT keyword.
     *
     * @return the keyword, e.g. {@code "line-left"}
     */
    public String value() {
      return value;
    }
  }

  /** Text alignment ({@code align}). */
  public enum Align {
    /** {@code start}: at the start of the line in the text's direction. */
    START("start"),
    /** {@code center}: the default. */
    CENTER("center"),
    /** {@code end}: at the end of the line in the text's direction. */
    END("end"),
    /** {@code left}. */
    LEFT("left"),
    /** {@code right}. */
    RIGHT("right");

    private final String value;

    Align(String value) {
      this.value = value;
    }

    /**
     * The WebVTT keyword.
     *
     * @return the keyword, e.g. {@code "center"}
     */
    public String value() {
      return value;
    }
  }

  /** The settings of a cue with none: horizontal, line and position {@code auto}, size 100, centred. */
  public static final CueSettings DEFAULT = new Builder().build();

  private final Vertical vertical;
  private final Double line;
  private final boolean snapToLines;
  private final Anchor lineAlign;
  private final Double position;
  private final Anchor positionAlign;
  private final double size;
  private final Align align;
  private final String region;

  private CueSettings(Builder b) {
    this.vertical = b.vertical;
    this.line = b.line;
    this.snapToLines = b.snapToLines;
    this.lineAlign = b.lineAlign;
    this.position = b.position;
    this.positionAlign = b.positionAlign;
    this.size = b.size;
    this.align = b.align;
    this.region = b.region;
  }

  /**
   * A builder starting from {@link #DEFAULT}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these settings.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.vertical = vertical;
    b.line = line;
    b.snapToLines = snapToLines;
    b.lineAlign = lineAlign;
    b.position = position;
    b.positionAlign = positionAlign;
    b.size = size;
    b.align = align;
    b.region = region;
    return b;
  }

  /**
   * The writing direction.
   *
   * @return the direction; never null
   */
  public Vertical vertical() {
    return vertical;
  }

  /** {@return the line (a line number when {@link #snapToLines()}, else a percentage), or empty for {@code auto}} */
  public OptionalDouble line() {
    return line == null ? OptionalDouble.empty() : OptionalDouble.of(line);
  }

  /**
   * Whether {@link #line()} counts lines (true) or percent of the viewport (false).
   *
   * @return the snap-to-lines flag
   */
  public boolean snapToLines() {
    return snapToLines;
  }

  /**
   * The line alignment.
   *
   * @return the anchor; never null
   */
  public Anchor lineAlign() {
    return lineAlign;
  }

  /** {@return the position in percent (0–100), or empty for {@code auto}} */
  public OptionalDouble position() {
    return position == null ? OptionalDouble.empty() : OptionalDouble.of(position);
  }

  /**
   * The position alignment.
   *
   * @return the anchor; never null
   */
  public Anchor positionAlign() {
    return positionAlign;
  }

  /** {@return the size in percent, 100 by default} */
  public double size() {
    return size;
  }

  /**
   * The text alignment.
   *
   * @return the alignment; never null
   */
  public Align align() {
    return align;
  }

  /**
   * The region id, or {@code null}.
   *
   * @return the region id, or {@code null} when the cue is in no region
   */
  public String region() {
    return region;
  }

  /**
   * Whether these are the default settings (a WebVTT writer writes none).
   *
   * @return true when equal to {@link #DEFAULT}
   */
  public boolean isDefault() {
    return equals(DEFAULT);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof CueSettings)) return false;
    CueSettings s = (CueSettings) o;
    return snapToLines == s.snapToLines && Double.compare(size, s.size) == 0 && vertical == s.vertical
        && Objects.equals(line, s.line) && lineAlign == s.lineAlign && Objects.equals(position, s.position)
        && positionAlign == s.positionAlign && align == s.align && Objects.equals(region, s.region);
  }

  @Override
  public int hashCode() {
    return Objects.hash(vertical, line, snapToLines, lineAlign, position, positionAlign, size, align, region);
  }

  @Override
  public String toString() {
    return "CueSettings{vertical=" + vertical.value() + ", line=" + (line == null ? "auto" : line) + ", snapToLines="
        + snapToLines + ", lineAlign=" + lineAlign.value() + ", position=" + (position == null ? "auto" : position)
        + ", positionAlign=" + positionAlign.value() + ", size=" + size + ", align=" + align.value()
        + (region != null ? ", region=" + region : "") + '}';
  }

  /** Builds {@link CueSettings}; starts at the VTTCue defaults. */
  public static final class Builder {
    private Vertical vertical = Vertical.HORIZONTAL;
    private Double line;
    private boolean snapToLines = true;
    private Anchor lineAlign = Anchor.START;
    private Double position;
    private Anchor positionAlign = Anchor.AUTO;
    private double size = 100;
    private Align align = Align.CENTER;
    private String region;

    private Builder() {}

    /**
     * Sets the writing direction.
     *
     * @param vertical the direction; not null
     * @return this builder
     */
    public Builder vertical(Vertical vertical) {
      this.vertical = Objects.requireNonNull(vertical, "vertical == null");
      return this;
    }

    /**
     * The line: a line number when {@link #snapToLines(boolean) snapToLines} (negative counts from the bottom),
     * else a percentage.
     *
     * @param line the line
     * @return this builder
     */
    public Builder line(double line) {
      this.line = line;
      return this;
    }

    /**
     * The line as given, or {@code auto} when empty.
     *
     * @param line the line, or empty for {@code auto}
     * @return this builder
     */
    public Builder line(OptionalDouble line) {
      this.line = line.isPresent() ? line.getAsDouble() : null;
      return this;
    }

    /**
     * Sets whether the line counts lines or percent.
     *
     * @param snapToLines true for lines, false for percent
     * @return this builder
     */
    public Builder snapToLines(boolean snapToLines) {
      this.snapToLines = snapToLines;
      return this;
    }

    /**
     * Sets the line alignment.
     *
     * @param lineAlign the anchor; not null
     * @return this builder
     */
    public Builder lineAlign(Anchor lineAlign) {
      this.lineAlign = Objects.requireNonNull(lineAlign, "lineAlign == null");
      return this;
    }

    /**
     * The position in percent.
     *
     * @param position 0–100
     * @return this builder
     */
    public Builder position(double position) {
      this.position = position;
      return this;
    }

    /**
     * The position as given, or {@code auto} when empty.
     *
     * @param position the position in percent, or empty for {@code auto}
     * @return this builder
     */
    public Builder position(OptionalDouble position) {
      this.position = position.isPresent() ? position.getAsDouble() : null;
      return this;
    }

    /**
     * Sets the position alignment.
     *
     * @param positionAlign the anchor; not null
     * @return this builder
     */
    public Builder positionAlign(Anchor positionAlign) {
      this.positionAlign = Objects.requireNonNull(positionAlign, "positionAlign == null");
      return this;
    }

    /**
     * Sets the size.
     *
     * @param size the size in percent, 0–100 (checked by {@link #build()})
     * @return this builder
     */
    public Builder size(double size) {
      this.size = size;
      return this;
    }

    /**
     * Sets the text alignment.
     *
     * @param align the alignment; not null
     * @return this builder
     */
    public Builder align(Align align) {
      this.align = Objects.requireNonNull(align, "align == null");
      return this;
    }

    /**
     * Sets the region.
     *
     * @param region a region id, or {@code null} for none
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * @throws IllegalArgumentException when a percentage is outside 0–100
     *
     * @return the settings
     */
    public CueSettings build() {
      if (position != null && !(position >= 0 && position <= 100)) {
        throw new IllegalArgumentException("position (" + position + ") must be between 0 and 100");
      }
      if (!(size >= 0 && size <= 100)) throw new IllegalArgumentException("size (" + size + ") must be between 0 and 100");
      if (line != null && !snapToLines && !(line >= 0 && line <= 100)) {
        throw new IllegalArgumentException("line (" + line + "%) must be between 0 and 100 when snapToLines is false");
      }
      if (line != null && line.isNaN()) throw new IllegalArgumentException("line must not be NaN");
      return new CueSettings(this);
    }
  }
}
