package dev.captions.spi;

import dev.captions.ProgressListener;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Options for {@link MediaProcessor#burnIn}: where the captioned video goes and how captions look. Immutable.
 * Colours are {@code #RRGGBB}; sizes are in points of a 288-line reference frame as libass uses them.
 */
public final class BurnInOptions {
  private final Path output;
  private final String fontName;
  private final int fontSize;
  private final String primaryColour;
  private final String outlineColour;
  private final int outline;
  private final int marginVertical;
  private final ProgressListener progress;

  private BurnInOptions(Builder b) {
    this.output = b.output;
    this.fontName = b.fontName;
    this.fontSize = b.fontSize;
    this.primaryColour = b.primaryColour;
    this.outlineColour = b.outlineColour;
    this.outline = b.outline;
    this.marginVertical = b.marginVertical;
    this.progress = b.progress;
  }

  public static BurnInOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where a local processor writes the video; empty means next to a temporary file. */
  public Optional<Path> output() {
    return Optional.ofNullable(output);
  }

  /** The font family; empty means the processor's bundled font. */
  public Optional<String> fontName() {
    return Optional.ofNullable(fontName);
  }

  public int fontSize() {
    return fontSize;
  }

  public String primaryColour() {
    return primaryColour;
  }

  public String outlineColour() {
    return outlineColour;
  }

  public int outline() {
    return outline;
  }

  public int marginVertical() {
    return marginVertical;
  }

  public ProgressListener progress() {
    return progress;
  }

  /** Builds {@link BurnInOptions}. Defaults: bundled font, size 18, white text, black outline 2, margin 24. */
  public static final class Builder {
    private Path output;
    private String fontName;
    private int fontSize = 18;
    private String primaryColour = "#FFFFFF";
    private String outlineColour = "#000000";
    private int outline = 2;
    private int marginVertical = 24;
    private ProgressListener progress = ProgressListener.NONE;

    private Builder() {}

    public Builder output(Path output) {
      this.output = output;
      return this;
    }

    public Builder fontName(String fontName) {
      this.fontName = fontName;
      return this;
    }

    public Builder fontSize(int fontSize) {
      if (fontSize <= 0) throw new IllegalArgumentException("fontSize (" + fontSize + ") must be > 0");
      this.fontSize = fontSize;
      return this;
    }

    public Builder primaryColour(String colour) {
      this.primaryColour = checkColour(colour);
      return this;
    }

    public Builder outlineColour(String colour) {
      this.outlineColour = checkColour(colour);
      return this;
    }

    public Builder outline(int outline) {
      if (outline < 0) throw new IllegalArgumentException("outline (" + outline + ") must be >= 0");
      this.outline = outline;
      return this;
    }

    public Builder marginVertical(int margin) {
      if (margin < 0) throw new IllegalArgumentException("marginVertical (" + margin + ") must be >= 0");
      this.marginVertical = margin;
      return this;
    }

    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    private static String checkColour(String colour) {
      if (colour == null || !colour.matches("#[0-9A-Fa-f]{6}")) {
        throw new IllegalArgumentException("colour must be #RRGGBB, e.g. #FFFFFF: " + colour);
      }
      return colour.toUpperCase(java.util.Locale.ROOT);
    }

    public BurnInOptions build() {
      return new BurnInOptions(this);
    }
  }
}
