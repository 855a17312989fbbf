package dev.captions.shaping;

/**
 * Caption readability limits. PLACEHOLDER until the shaping engine lands (issue 4): only the Netflix English figures.
 */
public final class StyleProfile {
  public static final StyleProfile NETFLIX_EN = new StyleProfile("netflix-en", 42, 2);

  private final String name;
  private final int maxCharsPerLine;
  private final int maxLines;

  private StyleProfile(String name, int maxCharsPerLine, int maxLines) {
    this.name = name;
    this.maxCharsPerLine = maxCharsPerLine;
    this.maxLines = maxLines;
  }

  /** PLACEHOLDER: the shaping engine adds every profile. */
  public static StyleProfile byName(String name) {
    if (name.equalsIgnoreCase("netflix") || name.equalsIgnoreCase("netflix-en")) return NETFLIX_EN;
    throw new IllegalArgumentException("unknown caption profile '" + name + "'; expected netflix");
  }

  public String name() {
    return name;
  }

  public int maxCharsPerLine() {
    return maxCharsPerLine;
  }

  public int maxLines() {
    return maxLines;
  }
}
