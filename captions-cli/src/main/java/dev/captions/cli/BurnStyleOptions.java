package dev.captions.cli;

import dev.captions.spi.BurnInOptions;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --burn-font --burn-size --burn-color --burn-outline --burn-outline-color --burn-margin --burn-position}: how
 * burned-in captions look ({@link BurnInOptions}). Any of them turns burn-in on, as {@code --burn-language} does.
 */
final class BurnStyleOptions {
  @Option(names = "--burn-font", paramLabel = "FAMILY",
      description = "Font family of burned-in captions (default: the bundled DejaVu Sans); implies --burn.")
  String font;

  @Option(names = "--burn-size", paramLabel = "N", description = "Font size of burned-in captions in points of a "
      + "288-line frame, as libass scales them (1 to 200; default 18); implies --burn.")
  Integer size;

  @Option(names = "--burn-color", paramLabel = "COLOUR", converter = OptionValues.Colour.class,
      description = "Text colour of burned-in captions: #RRGGBB or white, yellow, black, ... (default white); implies --burn.")
  String colour;

  @Option(names = "--burn-outline", paramLabel = "N",
      description = "Outline width around the letters in pixels (0 to 20; default 2); implies --burn.")
  Integer outline;

  @Option(names = "--burn-outline-color", paramLabel = "COLOUR", converter = OptionValues.Colour.class,
      description = "Outline colour: #RRGGBB or a name (default black); implies --burn.")
  String outlineColour;

  @Option(names = "--burn-margin", paramLabel = "PX",
      description = "Distance from the picture's edge in pixels (0 to 1000; default 24); implies --burn.")
  Integer margin;

  @Option(names = "--burn-position", paramLabel = "WHERE", converter = PositionConverter.class,
      description = "Where burned-in captions sit: bottom (default) or top; implies --burn.")
  BurnInOptions.Position position;

  /** Whether any burn-in style option was given. */
  boolean any() {
    return font != null || size != null || colour != null || outline != null || outlineColour != null || margin != null
        || position != null;
  }

  /**
   * Sets the options given on {@code b}.
   *
   * @throws CommandLine.ParameterException (a usage error) naming the option whose value is out of range
   */
  BurnInOptions.Builder applyTo(BurnInOptions.Builder b, CommandLine cmd) {
    if (font != null) {
      if (font.isBlank() || font.contains(",") || font.contains("'")) {
        throw new CommandLine.ParameterException(cmd, "--burn-font must be a font family name without ',' or \"'\", "
            + "but is '" + font + "'");
      }
      b.fontName(font.strip());
    }
    if (size != null) b.fontSize(range(cmd, "--burn-size", size, 1, 200));
    if (colour != null) b.primaryColour(colour);
    if (outline != null) b.outline(range(cmd, "--burn-outline", outline, 0, 20));
    if (outlineColour != null) b.outlineColour(outlineColour);
    if (margin != null) b.marginVertical(range(cmd, "--burn-margin", margin, 0, 1000));
    if (position != null) b.position(position);
    return b;
  }

  private static int range(CommandLine cmd, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new CommandLine.ParameterException(cmd, option + " must be from " + min + " to " + max + ", but is " + value);
    }
    return value;
  }

  /** {@code top} or {@code bottom}, any case. */
  static final class PositionConverter implements ITypeConverter<BurnInOptions.Position> {
    @Override
    public BurnInOptions.Position convert(String value) {
      switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "top":
          return BurnInOptions.Position.TOP;
        case "bottom":
          return BurnInOptions.Position.BOTTOM;
        default:
          throw new TypeConversionException("unknown position '" + value + "'; valid values: top, bottom");
      }
    }
  }
}
