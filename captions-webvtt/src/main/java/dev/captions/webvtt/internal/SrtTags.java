package dev.captions.webvtt.internal;

import java.util.Locale;

/**
 * The tags SRT readers take as markup: {@code i b u s font span}, in any case, sloppy spacing included
 * ({@code < i>}, {@code <I >}, {@code </ i>}, {@code <font color="red">}; but {@code a < b > c}, with blanks on both
 * sides of the name, is text). Anything else that starts with {@code <} is text. Each
 * look-up reads at most {@link #MAX_TAG} characters, so scanning a text is linear in its length. Stateless.
 */
public final class SrtTags {
  /** The longest tag recognised, attributes included. */
  public static final int MAX_TAG = 256;

  private SrtTags() {}

  /**
   * The length of the SRT tag starting at {@code s[i]} (a {@code <}), or 0 when none starts there.
   *
   * @param s the text
   * @param i index of a {@code <}
   * @return the tag's length up to and including its {@code >}, or 0
   */
  public static int tagLength(CharSequence s, int i) {
    int n = Math.min(s.length(), i + MAX_TAG);
    int j = skipSpaces(s, i + 1, n);
    if (j < n && s.charAt(j) == '/') j = skipSpaces(s, j + 1, n);
    boolean spaceAfterOpen = j > i + 1 && s.charAt(j - 1) == ' ';
    int nameStart = j;
    while (j < n && isAsciiLetter(s.charAt(j))) j++;
    if (!isTagName(s, nameStart, j)) return 0;
    if (j < n && s.charAt(j) == '>') return j + 1 - i;
    if (j >= n || (s.charAt(j) != ' ' && s.charAt(j) != '\t')) return 0;
    // "< i>" and "<i >" are sloppy tags; "a < b > c" is text: spaces on both sides of the name make no tag.
    if (spaceAfterOpen && skipSpaces(s, j, n) < n && s.charAt(skipSpaces(s, j, n)) == '>') return 0;
    for (; j < n; j++) {
      char c = s.charAt(j);
      if (c == '>') return j + 1 - i;
      if (c == '<' || c == '\n' || c == '\r') return 0;
    }
    return 0;
  }

  /**
   * The lower-case name of the tag at {@code s[i]}; call only where {@link #tagLength} is positive.
   *
   * @param s the text
   * @param i index of the tag's {@code <}
   * @return e.g. {@code "i"} or {@code "font"}
   */
  public static String name(CharSequence s, int i) {
    int j = skipSpaces(s, i + 1, s.length());
    if (s.charAt(j) == '/') j = skipSpaces(s, j + 1, s.length());
    int start = j;
    while (j < s.length() && isAsciiLetter(s.charAt(j))) j++;
    return s.subSequence(start, j).toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the tag at {@code s[i]} is an end tag; call only where {@link #tagLength} is positive.
   *
   * @param s the text
   * @param i index of the tag's {@code <}
   * @return true for {@code </i>}, {@code < / i>}
   */
  public static boolean isEndTag(CharSequence s, int i) {
    return s.charAt(skipSpaces(s, i + 1, s.length())) == '/';
  }

  private static int skipSpaces(CharSequence s, int j, int n) {
    while (j < n && s.charAt(j) == ' ') j++;
    return j;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isTagName(CharSequence s, int from, int to) {
    int len = to - from;
    if (len == 1) {
      char c = Character.toLowerCase(s.charAt(from));
      return c == 'i' || c == 'b' || c == 'u' || c == 's';
    }
    if (len != 4) return false;
    String name = s.subSequence(from, to).toString().toLowerCase(Locale.ROOT);
    return name.equals("font") || name.equals("span");
  }
}
