package dev.captions.cli;

import dev.captions.codec.CaptionFormat;
import dev.captions.shaping.StyleProfile;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for option values the core API validates. A wrong value is a usage error (exit
 * {@link ExitCodes#USAGE}, with the command's usage), not a configuration error: the user mistyped a word on the
 * command line, and the message lists the words that are valid.
 */
final class OptionValues {
  /** The values {@code --profile} accepts, as shown in messages. */
  static final String PROFILES = "netflix, netflix-children, bbc, dcmp";
  /** The values {@code -f}, {@code --from} and {@code --to} accept, as shown in messages. */
  static final String FORMATS = "vtt, srt, json, ttml, ass";

  private OptionValues() {}

  /** {@code --profile NAME}. */
  static final class Profile implements ITypeConverter<StyleProfile> {
    @Override
    public StyleProfile convert(String value) {
      try {
        return StyleProfile.byName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unknown caption profile '" + value + "'; valid values: " + PROFILES);
      }
    }
  }

  /**
   * {@code --size}: {@code 1080p}, {@code 720p}, {@code 480p} (that height, the width keeping the aspect ratio) or
   * {@code WxH}; a width of 0 keeps the aspect ratio.
   */
  static final class Size implements ITypeConverter<FrameSize> {
    @Override
    public FrameSize convert(String value) {
      String v = value.trim().toLowerCase(java.util.Locale.ROOT);
      try {
        if (v.matches("\\d{3,4}p")) return check(0, Integer.parseInt(v.substring(0, v.length() - 1)), value);
        if (v.matches("\\d{2,4}x\\d{2,4}")) {
          String[] wh = v.split("x");
          int w = Integer.parseInt(wh[0]);
          int h = Integer.parseInt(wh[1]);
          if (w % 2 != 0 || h % 2 != 0) {
            throw new TypeConversionException("size '" + value + "' must have even sides (H.264 with 4:2:0 colour)");
          }
          return check(w, h, value);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new TypeConversionException("unknown size '" + value + "'; valid values: 1080p, 720p, 480p or WxH, e.g. 1920x1080");
    }

    private static FrameSize check(int w, int h, String value) {
      if (h < 16 || h > 4320 || w > 7680) {
        throw new TypeConversionException("size '" + value + "' is out of range (16..4320 lines, up to 7680 wide)");
      }
      return new FrameSize(w, h);
    }
  }

  /** A frame size in pixels; a width of 0 keeps the aspect ratio. */
  record FrameSize(int width, int height) {}

  /** {@code -f FMT}, {@code --from FMT}, {@code --to FMT}: a format name, not a file name. */
  static final class Format implements ITypeConverter<CaptionFormat> {
    @Override
    public CaptionFormat convert(String value) {
      String v = value.trim();
      // CaptionFormat.from also takes file names ("a.srt"); an option value with a dot is a mistake, not a file.
      if (!v.contains(".")) {
        try {
          return CaptionFormat.from(v);
        } catch (IllegalArgumentException e) {
          // reported below
        }
      }
      throw new TypeConversionException("unknown caption format '" + value + "'; valid values: " + FORMATS);
    }
  }

  /** {@code --encoding NAME}: a charset this JVM knows. */
  static final class Encoding implements ITypeConverter<java.nio.charset.Charset> {
    @Override
    public java.nio.charset.Charset convert(String value) {
      try {
        return java.nio.charset.Charset.forName(value.trim());
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("unknown encoding '" + value + "'; e.g. UTF-8, windows-1252, windows-1250,"
            + " ISO-8859-2, Big5, Shift_JIS, GB18030");
      }
    }
  }

  /**
   * The format of a file argument: {@code explicit} when given, else the file's extension; {@code option} is the
   * option that would give it explicitly, for the message.
   *
   * @throws CommandLine.ParameterException (a usage error) for {@code "-"} without {@code explicit}, or an unknown
   *     extension
   */
  static CaptionFormat formatOf(CommandLine cmd, String file, CaptionFormat explicit, String role, String option) {
    if (explicit != null) return explicit;
    if (file.equals("-")) {
      throw new CommandLine.ParameterException(cmd, "cannot tell the " + role + " format of '-'; give " + option + " "
          + String.join("|", FORMATS.split(", ")));
    }
    try {
      return CaptionFormat.from(file);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, "cannot tell the " + role + " format of '" + file
          + "' from its extension; use .vtt, .srt, .json, .ttml or .ass, or give " + option + " (valid values: " + FORMATS + ")");
    }
  }
}
