package dev.captions.cli;

import dev.captions.shaping.StyleProfile;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --max-line-width --max-lines --max-cps --min-duration --max-duration}: overrides of single limits on top of
 * {@code --profile}, shared by {@code caption} and {@code shape}. A value out of range is a usage error naming the
 * option.
 */
final class StyleOptions {
  @Option(names = "--max-line-width", paramLabel = "N",
      description = "Longest caption line, in characters (4 to 100; overrides the profile's).")
  Integer maxLineWidth;

  @Option(names = "--max-lines", paramLabel = "N", description = "Most lines per cue (1 to 5; overrides the profile's).")
  Integer maxLines;

  @Option(names = "--max-cps", paramLabel = "X", description = "Reading-speed limit in characters per second "
      + "(above 0, at most 100; overrides the profile's, and replaces a words-per-minute limit such as bbc's).")
  Double maxCps;

  @Option(names = "--min-duration", paramLabel = "TIME", converter = OptionValues.Millis.class,
      description = "Shortest time a cue stays on screen: 1s, 1500ms or 1.5 (seconds); overrides the profile's.")
  Long minDurationMs;

  @Option(names = "--max-duration", paramLabel = "TIME", converter = OptionValues.Millis.class,
      description = "Longest time a cue stays on screen: 7s, 7000ms or 7 (seconds); overrides the profile's.")
  Long maxDurationMs;

  /** Whether any override was given. */
  boolean any() {
    return maxLineWidth != null || maxLines != null || maxCps != null || minDurationMs != null || maxDurationMs != null;
  }

  /**
   * {@code profile} with the overrides given, named {@code "<profile>+custom"}; {@code profile} itself when none was
   * given.
   *
   * @throws CommandLine.ParameterException (a usage error) naming the option whose value is out of range
   */
  StyleProfile apply(StyleProfile profile, CommandLine cmd) {
    if (!any()) return profile;
    StyleProfile.Builder b = profile.toBuilder().name(profile.name() + "+custom")
        .source(profile.source() + ", with command-line overrides");
    if (maxLineWidth != null) b.maxCharsPerLine(range(cmd, "--max-line-width", maxLineWidth, 4, 100));
    if (maxLines != null) b.maxLines(range(cmd, "--max-lines", maxLines, 1, 5));
    if (maxCps != null) {
      if (!(maxCps > 0) || maxCps > 100) {
        throw new CommandLine.ParameterException(cmd, "--max-cps must be above 0 and at most 100 characters per "
            + "second, but is " + maxCps);
      }
      b.maxCharsPerSecond(maxCps).maxWordsPerMinute(0);
    }
    long min = minDurationMs != null ? minDurationMs : profile.minDurationMs();
    long max = maxDurationMs != null ? maxDurationMs : profile.maxDurationMs();
    if (max > 60_000) {
      throw new CommandLine.ParameterException(cmd, "--max-duration must be at most 60s, but is "
          + OptionValues.Millis.format(max));
    }
    if (max <= min) {
      throw new CommandLine.ParameterException(cmd, "the longest a cue stays (" + OptionValues.Millis.format(max)
          + (maxDurationMs != null ? ", --max-duration" : ", the profile's") + ") must be longer than the shortest ("
          + OptionValues.Millis.format(min) + (minDurationMs != null ? ", --min-duration" : ", the profile's") + ")");
    }
    return b.minDurationMs(min).maxDurationMs(max).build();
  }

  private static int range(CommandLine cmd, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new CommandLine.ParameterException(cmd, option + " must be from " + min + " to " + max + ", but is " + value);
    }
    return value;
  }
}
