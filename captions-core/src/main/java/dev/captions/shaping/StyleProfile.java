package dev.captions.shaping;

import java.util.Locale;
import java.util.Objects;

/**
 * Caption readability limits, as a value that names its source. Immutable and thread-safe; build custom profiles
 * with {@link #builder()} or {@link #toBuilder()}.
 *
 * <p>Reading speed can be limited in characters per second ({@link #maxCharsPerSecond()}, Netflix), in words per
 * minute ({@link #maxWordsPerMinute()}, BBC/DCMP), or both; {@code 0} means "no limit". Characters are counted as
 * displayed (spaces and speaker hyphens included, line breaks excluded, a grapheme cluster counts once).
 */
public final class StyleProfile {
  /** Netflix English (USA) Timed Text Style Guide and Timing Guidelines: the default. */
  public static final StyleProfile NETFLIX_EN = builder().name("netflix-en")
      .source("Netflix Partner Help Center: English (USA) Timed Text Style Guide (217350977), "
          + "Timing Guidelines (360051554394)")
      .maxCharsPerLine(42).maxLines(2).maxCharsPerSecond(20).minDurationMs(833).maxDurationMs(7000).minGapMs(83)
      .build();

  /** Netflix English for children's programmes: 17 characters per second. */
  public static final StyleProfile NETFLIX_EN_CHILDREN = NETFLIX_EN.toBuilder().name("netflix-en-children")
      .source("Netflix English (USA) Timed Text Style Guide (217350977), children's reading speed")
      .maxCharsPerSecond(17).build();

  /** BBC Subtitle Guidelines: ~37 characters at 16:9, 160–180 words per minute (180 is the limit used). */
  public static final StyleProfile BBC = builder().name("bbc")
      .source("BBC Subtitle Guidelines (bbc.co.uk/accessibility/forproducts/guides/subtitles)")
      .maxCharsPerLine(37).maxLines(2).maxCharsPerSecond(0).maxWordsPerMinute(180).minDurationMs(833)
      .maxDurationMs(7000).minGapMs(83).build();

  /** DCMP Captioning Key (US education): 32 characters, 2 lines, 2 s minimum, 160 words per minute. */
  public static final StyleProfile DCMP = builder().name("dcmp")
      .source("DCMP Captioning Key (dcmp.org/learn/captioningkey)")
      .maxCharsPerLine(32).maxLines(2).maxCharsPerSecond(0).maxWordsPerMinute(160).minDurationMs(2000)
      .maxDurationMs(7000).minGapMs(83).build();

  private final String name;
  private final String source;
  private final int maxCharsPerLine;
  private final int maxLines;
  private final double maxCharsPerSecond;
  private final int maxWordsPerMinute;
  private final long minDurationMs;
  private final long maxDurationMs;
  private final long minGapMs;
  private final long gapCloseMs;
  private final long maxLingerMs;
  private final long pauseMs;

  private StyleProfile(Builder b) {
    this.name = b.name;
    this.source = b.source;
    this.maxCharsPerLine = b.maxCharsPerLine;
    this.maxLines = b.maxLines;
    this.maxCharsPerSecond = b.maxCharsPerSecond;
    this.maxWordsPerMinute = b.maxWordsPerMinute;
    this.minDurationMs = b.minDurationMs;
    this.maxDurationMs = b.maxDurationMs;
    this.minGapMs = b.minGapMs;
    this.gapCloseMs = b.gapCloseMs;
    this.maxLingerMs = b.maxLingerMs;
    this.pauseMs = b.pauseMs;
  }

  /**
   * The built-in profile for a CLI name: {@code "netflix"} (also {@code "netflix-en"}), {@code "netflix-children"}
   * (also {@code "netflix-en-children"}), {@code "bbc"}, {@code "dcmp"}; case-insensitive.
   *
   * @throws IllegalArgumentException for any other name, listing the known ones
   */
  public static StyleProfile byName(String name) {
    Objects.requireNonNull(name, "name == null");
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "netflix":
      case "netflix-en":
        return NETFLIX_EN;
      case "netflix-children":
      case "netflix-en-children":
        return NETFLIX_EN_CHILDREN;
      case "bbc":
        return BBC;
      case "dcmp":
        return DCMP;
      default:
        throw new IllegalArgumentException(
            "Unknown style profile '" + name + "'. Known: netflix, netflix-children, bbc, dcmp.");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.source = source;
    b.maxCharsPerLine = maxCharsPerLine;
    b.maxLines = maxLines;
    b.maxCharsPerSecond = maxCharsPerSecond;
    b.maxWordsPerMinute = maxWordsPerMinute;
    b.minDurationMs = minDurationMs;
    b.maxDurationMs = maxDurationMs;
    b.minGapMs = minGapMs;
    b.gapCloseMs = gapCloseMs;
    b.maxLingerMs = maxLingerMs;
    b.pauseMs = pauseMs;
    return b;
  }

  public String name() {
    return name;
  }

  /** Where the figures come from (guideline and article). */
  public String source() {
    return source;
  }

  public int maxCharsPerLine() {
    return maxCharsPerLine;
  }

  public int maxLines() {
    return maxLines;
  }

  /** Reading-speed limit in displayed characters per second; {@code 0} when not limited this way. */
  public double maxCharsPerSecond() {
    return maxCharsPerSecond;
  }

  /** Reading-speed limit in words per minute; {@code 0} when not limited this way. */
  public int maxWordsPerMinute() {
    return maxWordsPerMinute;
  }

  public long minDurationMs() {
    return minDurationMs;
  }

  public long maxDurationMs() {
    return maxDurationMs;
  }

  /** The minimum gap between two cues (Netflix: 2 frames at 24 fps). */
  public long minGapMs() {
    return minGapMs;
  }

  /** Gaps up to this length are closed to {@link #minGapMs()} (Netflix: 12 frames, 0.5 s). */
  public long gapCloseMs() {
    return gapCloseMs;
  }

  /** How long a cue may stay after its last word over silence (Netflix: out-time up to 0.5 s after speech). */
  public long maxLingerMs() {
    return maxLingerMs;
  }

  /** A silence at least this long between two words starts a new cue. */
  public long pauseMs() {
    return pauseMs;
  }

  /**
   * The shortest display time, in milliseconds, that lets {@code chars} characters in {@code words} words be read at
   * this profile's speed; 0 when reading speed is not limited.
   */
  public long readingTimeMs(int chars, int words) {
    double ms = 0;
    if (maxCharsPerSecond > 0) ms = Math.max(ms, chars * 1000.0 / maxCharsPerSecond);
    if (maxWordsPerMinute > 0) ms = Math.max(ms, words * 60_000.0 / maxWordsPerMinute);
    return (long) Math.ceil(ms);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof StyleProfile)) return false;
    StyleProfile p = (StyleProfile) o;
    return maxCharsPerLine == p.maxCharsPerLine && maxLines == p.maxLines
        && Double.compare(maxCharsPerSecond, p.maxCharsPerSecond) == 0 && maxWordsPerMinute == p.maxWordsPerMinute
        && minDurationMs == p.minDurationMs && maxDurationMs == p.maxDurationMs && minGapMs == p.minGapMs
        && gapCloseMs == p.gapCloseMs && maxLingerMs == p.maxLingerMs && pauseMs == p.pauseMs
        && name.equals(p.name) && source.equals(p.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, source, maxCharsPerLine, maxLines, maxCharsPerSecond, maxWordsPerMinute, minDurationMs,
        maxDurationMs, minGapMs, gapCloseMs, maxLingerMs, pauseMs);
  }

  @Override
  public String toString() {
    return "StyleProfile{" + name + ": " + maxLines + "x" + maxCharsPerLine + " chars"
        + (maxCharsPerSecond > 0 ? ", " + maxCharsPerSecond + " chars/s" : "")
        + (maxWordsPerMinute > 0 ? ", " + maxWordsPerMinute + " wpm" : "") + ", " + minDurationMs + "-"
        + maxDurationMs + " ms, gap " + minGapMs + " ms}";
  }

  /** Builds a {@link StyleProfile}; starts from the Netflix English figures. Not thread-safe. */
  public static final class Builder {
    private String name = "custom";
    private String source = "custom";
    private int maxCharsPerLine = 42;
    private int maxLines = 2;
    private double maxCharsPerSecond = 20;
    private int maxWordsPerMinute = 0;
    private long minDurationMs = 833;
    private long maxDurationMs = 7000;
    private long minGapMs = 83;
    private long gapCloseMs = 500;
    private long maxLingerMs = 500;
    private long pauseMs = 700;

    private Builder() {}

    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source == null");
      return this;
    }

    public Builder maxCharsPerLine(int maxCharsPerLine) {
      this.maxCharsPerLine = maxCharsPerLine;
      return this;
    }

    public Builder maxLines(int maxLines) {
      this.maxLines = maxLines;
      return this;
    }

    public Builder maxCharsPerSecond(double maxCharsPerSecond) {
      this.maxCharsPerSecond = maxCharsPerSecond;
      return this;
    }

    public Builder maxWordsPerMinute(int maxWordsPerMinute) {
      this.maxWordsPerMinute = maxWordsPerMinute;
      return this;
    }

    public Builder minDurationMs(long minDurationMs) {
      this.minDurationMs = minDurationMs;
      return this;
    }

    public Builder maxDurationMs(long maxDurationMs) {
      this.maxDurationMs = maxDurationMs;
      return this;
    }

    public Builder minGapMs(long minGapMs) {
      this.minGapMs = minGapMs;
      return this;
    }

    public Builder gapCloseMs(long gapCloseMs) {
      this.gapCloseMs = gapCloseMs;
      return this;
    }

    public Builder maxLingerMs(long maxLingerMs) {
      this.maxLingerMs = maxLingerMs;
      return this;
    }

    public Builder pauseMs(long pauseMs) {
      this.pauseMs = pauseMs;
      return this;
    }

    /** @throws IllegalArgumentException naming the first limit out of range */
    public StyleProfile build() {
      require(maxCharsPerLine >= 4, "maxCharsPerLine (" + maxCharsPerLine + ") must be >= 4");
      require(maxLines >= 1, "maxLines (" + maxLines + ") must be >= 1");
      require(maxCharsPerSecond >= 0 && !Double.isNaN(maxCharsPerSecond) && !Double.isInfinite(maxCharsPerSecond),
          "maxCharsPerSecond (" + maxCharsPerSecond + ") must be >= 0 (0 = no limit)");
      require(maxWordsPerMinute >= 0, "maxWordsPerMinute (" + maxWordsPerMinute + ") must be >= 0 (0 = no limit)");
      require(minDurationMs >= 0, "minDurationMs (" + minDurationMs + ") must be >= 0");
      require(maxDurationMs > minDurationMs,
          "maxDurationMs (" + maxDurationMs + ") must be greater than minDurationMs (" + minDurationMs + ")");
      require(minGapMs >= 0, "minGapMs (" + minGapMs + ") must be >= 0");
      require(gapCloseMs >= minGapMs, "gapCloseMs (" + gapCloseMs + ") must be >= minGapMs (" + minGapMs + ")");
      require(maxLingerMs >= 0, "maxLingerMs (" + maxLingerMs + ") must be >= 0");
      require(pauseMs > 0, "pauseMs (" + pauseMs + ") must be > 0");
      return new StyleProfile(this);
    }

    private static void require(boolean ok, String message) {
      if (!ok) throw new IllegalArgumentException(message);
    }
  }
}
