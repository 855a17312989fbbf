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
  private final Position position;
  private final ProgressListener progress;
  private final int width;
  private final int height;

  /** The containers a burned-in video can be written in, by file extension. */
  public static final java.util.Set<String> CONTAINERS = java.util.Set.of("mp4", "m4v", "mov", "mkv", "webm");

  private BurnInOptions(Builder b) {
    this.output = b.output;
    this.fontName = b.fontName;
    this.fontSize = b.fontSize;
    this.primaryColour = b.primaryColour;
    this.outlineColour = b.outlineColour;
    this.outline = b.outline;
    this.marginVertical = b.marginVertical;
    this.position = b.position;
    this.progress = b.progress;
    this.width = b.width;
    this.height = b.height;
  }

  /**
   * Checks that a burned-in video can be written to {@code output}: its extension names a container of
   * {@link #CONTAINERS}. Called by the pipeline at {@code build()}, before anything is paid.
   *
   * @param output the file to write
   * @throws dev.captions.ConfigurationException naming the containers that can be written
   */
  public static void checkContainer(Path output) {
    String name = output.getFileName() == null ? "" : output.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    if (!CONTAINERS.contains(ext)) {
      throw new dev.captions.ConfigurationException("Cannot write the captioned video to " + output + ": '"
          + (ext.isEmpty() ? "(no extension)" : "." + ext) + "' is not a container it can be written in. Use .mp4 "
          + "(H.264/AAC, the default), .mov, .m4v, .mkv or .webm.");
    }
  }

  /**
   * A copy of these options writing to {@code output}.
   *
   * @param output the file to write; its extension picks the container
   * @return the copy
   */
  public BurnInOptions withOutput(Path output) {
    Builder b = toBuilder();
    b.output = Objects.requireNonNull(output, "output == null");
    return b.build();
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.output = output;
    b.fontName = fontName;
    b.fontSize = fontSize;
    b.primaryColour = primaryColour;
    b.outlineColour = outlineColour;
    b.outline = outline;
    b.marginVertical = marginVertical;
    b.position = position;
    b.progress = progress;
    b.width = width;
    b.height = height;
    return b;
  }

  /**
   * {@return the output's width in pixels; 0 keeps the aspect ratio (or the input's size when {@link #height()} is 0
   * too)}
   */
  public int width() {
    return width;
  }

  /**
   * {@return the output's height in pixels; 0 keeps the aspect ratio (or the input's size when {@link #width()} is 0
   * too)}
   */
  public int height() {
    return height;
  }

  /**
   * The defaults: the bundled font, size 18, white text with a 2-pixel black outline, a 24-pixel bottom margin,
   * temporary output.
   *
   * @return the default options
   */
  public static BurnInOptions defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return where a local processor writes the video; empty means next to a temporary file} */
  public Optional<Path> output() {
    return Optional.ofNullable(output);
  }

  /** {@return the font family; empty means the processor's bundled font} */
  public Optional<String> fontName() {
    return Optional.ofNullable(fontName);
  }

  /**
   * The font size in the processor's units (ASS points for FFmpeg).
   *
   * @return the size; 18 by default
   */
  public int fontSize() {
    return fontSize;
  }

  /**
   * The text colour.
   *
   * @return the colour as {@code #RRGGBB}; {@code "#FFFFFF"} by default
   */
  public String primaryColour() {
    return primaryColour;
  }

  /**
   * The outline colour.
   *
   * @return the colour as {@code #RRGGBB}; {@code "#000000"} by default
   */
  public String outlineColour() {
    return outlineColour;
  }

  /**
   * The width of the outline around the letters.
   *
   * @return the outline width in pixels, at least 0
   */
  public int outline() {
    return outline;
  }

  /**
   * The distance between the captions and the picture's edge they sit at ({@link #position()}).
   *
   * @return the margin in pixels, at least 0
   */
  public int marginVertical() {
    return marginVertical;
  }

  /**
   * Where on the picture the captions sit, centred horizontally.
   *
   * @return the position; {@link Position#BOTTOM} by default, never null
   */
  public Position position() {
    return position;
  }

  /**
   * A colour of these options ({@code #RRGGBB}) as ASS styles and libass take it: {@code &HAABBGGRR}, alpha first,
   * then blue, green and red, each as two upper-case hex digits. Both the FFmpeg burn-in ({@code force_style}) and
   * the ASS codec's {@code Default} style write colours this way, so a {@code .ass} file looks like the burned-in
   * captions. Stateless and thread-safe.
   *
   * @param rgb the colour as {@code #RRGGBB}, either case, e.g. {@link #primaryColour()}; not null
   * @param alpha the transparency, 0 (opaque) to 255 (invisible)
   * @return e.g. {@code "&H0000FFFF"} for {@code "#FFFF00"} at alpha 0
   * @throws IllegalArgumentException when {@code rgb} is not {@code #RRGGBB} or {@code alpha} is outside 0..255
   */
  public static String assColour(String rgb, int alpha) {
    String c = Builder.checkColour(rgb);
    if (alpha < 0 || alpha > 255) throw new IllegalArgumentException("alpha (" + alpha + ") must be within 0..255");
    return String.format(java.util.Locale.ROOT, "&H%02X", alpha) + c.substring(5, 7) + c.substring(3, 5)
        + c.substring(1, 3);
  }

  /** Where burned-in captions sit on the picture. */
  public enum Position {
    /** Centred at the top, {@link #marginVertical()} pixels below the top edge. */
    TOP,
    /** Centred at the bottom, {@link #marginVertical()} pixels above the bottom edge (the default). */
    BOTTOM
  }

  /**
   * The listener told about burn-in progress.
   *
   * @return the listener; never null
   */
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
    private Position position = Position.BOTTOM;
    private ProgressListener progress = ProgressListener.NONE;
    private int width;
    private int height;

    private Builder() {}

    /**
     * The output frame size in pixels, e.g. {@code size(0, 1080)} for 1080p with the input's aspect ratio. 0 for one
     * side keeps the aspect ratio; {@code size(0, 0)} (the default) keeps the input's size.
     *
     * @param width pixels, {@code >= 0}
     * @param height pixels, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException when a side is negative or over 8192
     */
    public Builder size(int width, int height) {
      if (width < 0 || height < 0 || width > 8192 || height > 8192) {
        throw new IllegalArgumentException("size " + width + "x" + height + " must be within 0..8192 on each side");
      }
      this.width = width;
      this.height = height;
      return this;
    }

    /**
     * Sets where a local processor writes the video.
     *
     * @param output the file to write, or {@code null} for a temporary file
     * @return this builder
     */
    public Builder output(Path output) {
      this.output = output;
      return this;
    }

    /**
     * Sets the font family.
     *
     * @param fontName a font family name, or {@code null} for the processor's bundled font
     * @return this builder
     */
    public Builder fontName(String fontName) {
      this.fontName = fontName;
      return this;
    }

    /**
     * Sets the font size.
     *
     * @param fontSize the size in the processor's units
     * @return this builder
     */
    public Builder fontSize(int fontSize) {
      if (fontSize <= 0) throw new IllegalArgumentException("fontSize (" + fontSize + ") must be > 0");
      this.fontSize = fontSize;
      return this;
    }

    /**
     * Sets the text colour.
     *
     * @param colour the colour as {@code #RRGGBB}
     * @return this builder
     */
    public Builder primaryColour(String colour) {
      this.primaryColour = checkColour(colour);
      return this;
    }

    /**
     * Sets the outline colour.
     *
     * @param colour the colour as {@code #RRGGBB}
     * @return this builder
     */
    public Builder outlineColour(String colour) {
      this.outlineColour = checkColour(colour);
      return this;
    }

    /**
     * Sets the outline width.
     *
     * @param outline the width in pixels
     * @return this builder
     */
    public Builder outline(int outline) {
      if (outline < 0) throw new IllegalArgumentException("outline (" + outline + ") must be >= 0");
      this.outline = outline;
      return this;
    }

    /**
     * Sets the distance to the picture's edge the captions sit at.
     *
     * @param margin the margin in pixels
     * @return this builder
     */
    public Builder marginVertical(int margin) {
      if (margin < 0) throw new IllegalArgumentException("marginVertical (" + margin + ") must be >= 0");
      this.marginVertical = margin;
      return this;
    }

    /**
     * Sets where the captions sit.
     *
     * @param position top or bottom; not null
     * @return this builder
     */
    public Builder position(Position position) {
      this.position = Objects.requireNonNull(position, "position == null");
      return this;
    }

    /**
     * Sets the listener told about progress.
     *
     * @param progress the listener
     * @return this builder
     */
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

    /**
     * Builds the options.
     *
     * @return the options
     */
    public BurnInOptions build() {
      return new BurnInOptions(this);
    }
  }
}
