package dev.captions.media.ffmpeg.internal;

/**
 * Escapes text placed in a filter graph such as {@code subtitles=filename=...:fontsdir=...}. FFmpeg unescapes twice:
 * once when it splits the graph into filters ({@code \ ' [ ] , ;} are special) and once when it splits a filter's
 * options ({@code \ ' :} are special), so a value is escaped for the inner level first, then the outer.
 */
public final class FilterEscaping {
  private FilterEscaping() {}

  /** A filter option value, e.g. a path with spaces, quotes, colons or brackets. */
  public static String optionValue(String value) {
    return escape(escape(value, "\\':"), "\\'[],;");
  }

  private static String escape(String s, String special) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (special.indexOf(c) >= 0) b.append('\\');
      b.append(c);
    }
    return b.toString();
  }
}
