package dev.captions.webvtt.internal;

/**
 * Makes arbitrary text safe as the body of a WebVTT or SRT block: line breaks normalised to LF, empty lines removed
 * (an empty line ends a block), {@code "-->"} defused as {@code "--&gt;"} (it would start a new cue), NUL replaced.
 * Optionally escapes {@code & < >} so plain text is not read as markup.
 */
public final class TextSanitizer {
  private TextSanitizer() {}

  /** Appends the safe form of {@code s} to {@code out}. */
  public static void append(String s, boolean escapeMarkup, boolean defuseArrow, StringBuilder out) {
    int n = s.length();
    if (!needsWork(s, escapeMarkup, defuseArrow)) {
      out.append(s);
      return;
    }
    boolean lineHasContent = false;
    boolean pendingBreak = false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') i++;
        if (lineHasContent) pendingBreak = true;
        lineHasContent = false;
        continue;
      }
      if (pendingBreak) {
        out.append('\n');
        pendingBreak = false;
      }
      lineHasContent = true;
      if (c == '\0') {
        out.append('\uFFFD');
      } else if (escapeMarkup && (c == '&' || c == '<' || c == '>')) {
        out.append(c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;");
      } else if (defuseArrow && c == '>' && i >= 2 && s.charAt(i - 1) == '-' && s.charAt(i - 2) == '-') {
        out.append("&gt;");
      } else {
        out.append(c);
      }
    }
  }

  /** {@link #append(String, boolean, boolean, StringBuilder)} into a {@link CharSink}. */
  public static void append(String s, boolean escapeMarkup, boolean defuseArrow, CharSink out) {
    if (appendIfClean(s, escapeMarkup, defuseArrow, out)) return;
    StringBuilder sb = new StringBuilder(s.length() + 16);
    append(s, escapeMarkup, defuseArrow, sb);
    out.append(sb);
  }

  /**
   * Appends {@code s} as it is and returns true when it is already safe (the common case); otherwise appends nothing
   * and returns false. The check is a few {@code indexOf} calls, which the JVM vectorises, instead of a loop per char.
   */
  public static boolean appendIfClean(String s, boolean escapeMarkup, boolean defuseArrow, CharSink out) {
    int n = s.length();
    if (n > 0) {
      char first = s.charAt(0);
      char last = s.charAt(n - 1);
      if (first == '\n' || first == '\r' || last == '\n' || last == '\r') return false;
    }
    if (s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0 || s.indexOf("\n\n") >= 0) return false;
    if (escapeMarkup) {
      if (s.indexOf('&') >= 0 || s.indexOf('<') >= 0 || s.indexOf('>') >= 0) return false;
    } else if (defuseArrow && s.indexOf("-->") >= 0) {
      return false;
    }
    out.append(s);
    return true;
  }

  private static boolean needsWork(String s, boolean escapeMarkup, boolean defuseArrow) {
    int n = s.length();
    if (n > 0 && (s.charAt(0) == '\n' || s.charAt(0) == '\r' || s.charAt(n - 1) == '\n' || s.charAt(n - 1) == '\r')) {
      return true;
    }
    char prev = 'x';
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\r':
        case '\0':
          return true;
        case '\n':
          if (prev == '\n') return true;
          break;
        case '&':
        case '<':
          if (escapeMarkup) return true;
          break;
        case '>':
          if (escapeMarkup || (defuseArrow && i >= 2 && s.charAt(i - 1) == '-' && s.charAt(i - 2) == '-')) return true;
          break;
        default:
          break;
      }
      prev = c;
    }
    return false;
  }
}
