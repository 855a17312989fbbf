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
      .speakerStyle(SpeakerStyle.DASHES).build();

  /** Netflix English for children's programmes: 17 characters per second. */
  public static final StyleProfile NETFLIX_EN_CHILDREN = NETFLIX_EN.toBuilder().name("netflix-en-children")
      .source("Netflix English (USA) Timed Text Style Guide (217350977), children's reading speed")
      .maxCharsPerSecond(17).build();

  /** BBC Subtitle Guidelines: ~37 characters at 16:9, 160–180 words per minute (180 is the limit used). */
  public static final StyleProfile BBC = builder().name("bbc")
      .source("BBC Subtitle Guidelines (bbc.co.uk/accessibility/forproducts/guides/subtitles)")
      .maxCharsPerLine(37).maxLines(2).maxCharsPerSecond(0).maxWordsPerMinute(180).minDurationMs(833)
      .maxDurationMs(7000).minGapMs(83).speakerStyle(SpeakerStyle.NAMES).build();

  /** DCMP Captioning Key (US education): 32 characters, 2 lines, 2 s minimum, 160 words per minute. */
  public static final StyleProfile DCMP = builder().name("dcmp")
      .source("DCMP Captioning Key (dcmp.org/learn/captioningkey)")
      .maxCharsPerLine(32).maxLines(2).maxCharsPerSecond(0).maxWordsPerMinute(160).minDurationMs(2000)
      .maxDurationMs(7000).minGapMs(83).speakerStyle(SpeakerStyle.NAMES).build();

  /**
   * How a profile shows who speaks, when the transcript knows (diarisation). In every style a cue line holds one
   * speaker's words only, and a speaker change starts a new cue unless the style allows two speakers in one cue.
   */
  public enum SpeakerStyle {
    /**
     * Names are not shown. Two short speaker turns may share a cue, one per line, each line starting with a hyphen and
     * no space ({@code "-Ready?\n-Yes."}), as the Netflix English style guide asks; at most two speakers per cue.
     * Cues carry no {@link dev.captions.model.Cue#speaker()}; each word keeps its speaker
     * ({@link dev.captions.model.TimedWord#speaker()}), so JSON output still says who spoke.
     */
    DASHES("-"),
    /** As {@link #DASHES} with a space after the hyphen ({@code "- Ready?\n- Yes."}), the usual form elsewhere. */
    SPACED_DASHES("- "),
    /**
     * Every cue holds one speaker and names it in {@link dev.captions.model.Cue#speaker()}: WebVTT writes
     * {@code <v Name>} (players can colour each voice, which is how the BBC tells speakers apart), SRT
     * {@code "Name: "}. Two speakers never share a cue. The default of the BBC and DCMP profiles (DCMP identifies
     * speakers by name when placement cannot).
     */
    NAMES("");

    private final String linePrefix;

    SpeakerStyle(String linePrefix) {
      this.linePrefix = linePrefix;
    }

    /** {@return what starts each line of a two-speaker cue ({@code "-"} or {@code "- "}); empty for {@link #NAMES}} */
    public String linePrefix() {
      return linePrefix;
    }
  }

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
  private final SpeakerStyle speakerStyle;

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
    this.speakerStyle = b.speakerStyle;
  }

  /**
   * The built-in profile for a CLI name: {@code "netflix"} (also {@code "netflix-en"}), {@code "netflix-children"}
   * (also {@code "netflix-en-children"}), {@code "bbc"}, {@code "dcmp"}; case-insensitive.
   *
   * @param name the profile's name
   * @throws IllegalArgumentException for any other name, listing the known ones
   * @return the profile
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

  /**
   * A builder named {@code "custom"}, starting from the Netflix English limits.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this profile's values.
   *
   * @return the builder
   */
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
    b.speakerStyle = speakerStyle;
    return b;
  }

  /**
   * The profile's name, e.g. {@code "netflix-en"}.
   *
   * @return the name; never null
   */
  public String name() {
    return name;
  }

  /** {@return where the figures come from (guideline and article)} */
  public String source() {
    return source;
  }

  /**
   * The longest line.
   *
   * @return the limit in displayed characters per line
   */
  public int maxCharsPerLine() {
    return maxCharsPerLine;
  }

  /**
   * The most lines a cue may have.
   *
   * @return the line count limit
   */
  public int maxLines() {
    return maxLines;
  }

  /**
   * Reading-speed limit in displayed characters per second; {@code 0} when not limited this way.
   *
   * @return the limit in characters per second, or {@code 0}
   */
  public double maxCharsPerSecond() {
    return maxCharsPerSecond;
  }

  /**
   * Reading-speed limit in words per minute; {@code 0} when not limited this way.
   *
   * @return the limit in words per minute, or {@code 0}
   */
  public int maxWordsPerMinute() {
    return maxWordsPerMinute;
  }

  /**
   * The shortest a cue may stay on screen.
   *
   * @return the limit in milliseconds
   */
  public long minDurationMs() {
    return minDurationMs;
  }

  /**
   * The longest a cue may stay on screen.
   *
   * @return the limit in milliseconds
   */
  public long maxDurationMs() {
    return maxDurationMs;
  }

  /** {@return the minimum gap between two cues, in milliseconds (Netflix: 2 frames at 24 fps)} */
  public long minGapMs() {
    return minGapMs;
  }

  /**
   * Gaps up to this length are closed to {@link #minGapMs()} (Netflix: 12 frames, 0.5 s).
   *
   * @return the largest gap that is closed, in milliseconds
   */
  public long gapCloseMs() {
    return gapCloseMs;
  }

  /** {@return how long, in milliseconds, a cue may stay after its last word (Netflix: up to 0.5 s after speech)} */
  public long maxLingerMs() {
    return maxLingerMs;
  }

  /** {@return the pause, in milliseconds, that starts a new cue when it falls between two words} */
  public long pauseMs() {
    return pauseMs;
  }

  /**
   * How speakers are shown when the transcript has speaker labels: {@link SpeakerStyle#DASHES} for the Netflix
   * profiles, {@link SpeakerStyle#NAMES} for BBC and DCMP.
   *
   * @return the style; never null
   */
  public SpeakerStyle speakerStyle() {
    return speakerStyle;
  }

  /**
   * The shortest display time, in milliseconds, that lets {@code chars} characters in {@code words} words be read at
   * this profile's speed; 0 when reading speed is not limited.
   *
   * @param chars the number of displayed characters
   * @param words the number of words
   * @return the reading time in milliseconds, at least 0
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
        && speakerStyle == p.speakerStyle && name.equals(p.name) && source.equals(p.source);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, source, maxCharsPerLine, maxLines, maxCharsPerSecond, maxWordsPerMinute, minDurationMs,
        maxDurationMs, minGapMs, gapCloseMs, maxLingerMs, pauseMs, speakerStyle);
  }

  @Override
  public String toString() {
    return "StyleProfile{" + name + ": " + maxLines + "x" + maxCharsPerLine + " chars"
        + (maxCharsPerSecond > 0 ? ", " + maxCharsPerSecond + " chars/s" : "")
        + (maxWordsPerMinute > 0 ? ", " + maxWordsPerMinute + " wpm" : "") + ", " + minDurationMs + "-"
        + maxDurationMs + " ms, gap " + minGapMs + " ms, speakers " + speakerStyle.name().toLowerCase(Locale.ROOT) + '}';
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
    private SpeakerStyle speakerStyle = SpeakerStyle.DASHES;

    private Builder() {}

    /**
     * Sets the profile's name.
     *
     * @param name the name; not null
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets where the figures come from.
     *
     * @param source the guideline and article; not null
     * @return this builder
     */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source == null");
      return this;
    }

    /**
     * Sets the longest line.
     *
     * @param maxCharsPerLine displayed characters per line
     * @return this builder
     */
    public Builder maxCharsPerLine(int maxCharsPerLine) {
      this.maxCharsPerLine = maxCharsPerLine;
      return this;
    }

    /**
     * Sets the most lines a cue may have.
     *
     * @param maxLines the line count
     * @return this builder
     */
    public Builder maxLines(int maxLines) {
      this.maxLines = maxLines;
      return this;
    }

    /**
     * Sets the reading-speed limit in characters per second.
     *
     * @param maxCharsPerSecond the limit, or {@code 0} for none
     * @return this builder
     */
    public Builder maxCharsPerSecond(double maxCharsPerSecond) {
      this.maxCharsPerSecond = maxCharsPerSecond;
      return this;
    }

    /**
     * Sets the reading-speed limit in words per minute.
     *
     * @param maxWordsPerMinute the limit, or {@code 0} for none
     * @return this builder
     */
    public Builder maxWordsPerMinute(int maxWordsPerMinute) {
      this.maxWordsPerMinute = maxWordsPerMinute;
      return this;
    }

    /**
     * Sets the shortest a cue may stay.
     *
     * @param minDurationMs the limit in milliseconds
     * @return this builder
     */
    public Builder minDurationMs(long minDurationMs) {
      this.minDurationMs = minDurationMs;
      return this;
    }

    /**
     * Sets the longest a cue may stay.
     *
     * @param maxDurationMs the limit in milliseconds
     * @return this builder
     */
    public Builder maxDurationMs(long maxDurationMs) {
      this.maxDurationMs = maxDurationMs;
      return this;
    }

    /**
     * Sets the minimum gap between two cues.
     *
     * @param minGapMs the gap in milliseconds
     * @return this builder
     */
    public Builder minGapMs(long minGapMs) {
      this.minGapMs = minGapMs;
      return this;
    }

    /**
     * Sets the largest gap closed to {@link #minGapMs()}.
     *
     * @param gapCloseMs the gap in milliseconds
     * @return this builder
     */
    public Builder gapCloseMs(long gapCloseMs) {
      this.gapCloseMs = gapCloseMs;
      return this;
    }

    /**
     * Sets how long a cue may stay after its last word.
     *
     * @param maxLingerMs the time in milliseconds
     * @return this builder
     */
    public Builder maxLingerMs(long maxLingerMs) {
      this.maxLingerMs = maxLingerMs;
      return this;
    }

    /**
     * Sets the silence that starts a new cue.
     *
     * @param pauseMs the silence in milliseconds
     * @return this builder
     */
    public Builder pauseMs(long pauseMs) {
      this.pauseMs = pauseMs;
      return this;
    }

    /**
     * Sets how speakers are shown (default {@link SpeakerStyle#DASHES}, as Netflix).
     *
     * @param speakerStyle the style; not null
     * @return this builder
     */
    public Builder speakerStyle(SpeakerStyle speakerStyle) {
      this.speakerStyle = Objects.requireNonNull(speakerStyle, "speakerStyle == null");
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the first limit out of range
     *
     * @return the profile
     */
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
