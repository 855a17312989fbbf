package dev.captions.webvtt;

/** The language-tag shape {@link dev.captions.model.DefaultCaptionTrack} accepts, checked without a regex. */
final class DefaultCaptionTrackLanguages {
  private DefaultCaptionTrackLanguages() {}

  /** {@code [A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*}. */
  static boolean isTag(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && isAlpha(s.charAt(i))) i++;
    if (i < 2 || i > 8) return false;
    while (i < n) {
      if (s.charAt(i) != '-') return false;
      int from = ++i;
      while (i < n && (isAlpha(s.charAt(i)) || (s.charAt(i) >= '0' && s.charAt(i) <= '9'))) i++;
      if (i - from < 1 || i - from > 8) return false;
    }
    return true;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
