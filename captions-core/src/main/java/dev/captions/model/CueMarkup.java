package dev.captions.model;

/**
 * {@link Cue#text()} is WebVTT cue text: markup such as {@code <i>} and character references such as {@code &amp;}
 * are kept as written, so that one model serves every format (the SRT codec converts on the way in and out). Text
 * that is plain (from a transcript or a translation) goes through {@link #escape(String)} before it becomes cue text.
 */
public final class CueMarkup {
  private CueMarkup() {}

  /**
   * Escapes {@code &}, {@code <} and {@code >} so that plain text shows as written.
   *
   * @param plain text to show as written; not null
   * @return the text with those three characters replaced by character references
   */
  public static String escape(String plain) {
    int i = 0;
    int n = plain.length();
    while (i < n && plain.charAt(i) != '&' && plain.charAt(i) != '<' && plain.charAt(i) != '>') i++;
    if (i == n) return plain; // the common case: nothing to escape, no copy
    StringBuilder sb = new StringBuilder(n + 16).append(plain, 0, i);
    for (; i < n; i++) {
      char c = plain.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }
}
