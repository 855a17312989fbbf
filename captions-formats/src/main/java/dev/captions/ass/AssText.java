package dev.captions.ass;

import dev.captions.model.Cue;
import dev.captions.model.CueMarkup;
import dev.captions.model.Timecodes;
import dev.captions.webvtt.CueText;
import dev.captions.webvtt.internal.Losses;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Cue text between the model's WebVTT markup and ASS event text, both ways, without recursion (the markup's depth is
 * the input's to choose). Stateless.
 */
final class AssText {
  /** U+2060 WORD JOINER: invisible; written after a literal backslash so that no renderer reads a tag. */
  static final char WORD_JOINER = '\u2060';

  private AssText() {}

  /** Loss labels, worded as the warning's object ("dropped 3 × …: ASS cannot represent them"). */
  static final String RUBY_TEXT = "ruby text (<rt>)";

  static final String CLASS_TAGS = "<c> class spans";
  static final String LANG_TAGS = "<lang> spans";
  static final String EXTRA_VOICES = "voices beyond the event's Name field";

  /**
   * The ASS text of a cue: {@code i b u} as {@code {\i1}…{\i0}}, line breaks as {@code \N}, timestamp tags as
   * {@code {\kNN}} karaoke durations (centiseconds), literal {@code { } \} escaped.
   *
   * @param cue the cue
   * @param name the speaker written in the Name field, or null: a voice span with another name is counted as lost
   * @param prefix override tags to write first (position), or ""
   */
  static String toAss(Cue cue, String name, String prefix, Losses losses) {
    String text = cue.text();
    StringBuilder sb = new StringBuilder(text.length() + 16 + prefix.length());
    if (!prefix.isEmpty()) sb.append('{').append(prefix).append('}');
    if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
      appendEscaped(text, sb);
      return sb.toString();
    }
    CueText.Node root = CueText.parse(text);
    // Karaoke: the time from the cue start (or a timestamp tag) to the next tag (or the cue end) is one \k segment.
    List<Long> stamps = new ArrayList<>();
    for (CueText.Node n : preorder(root)) {
      if (n.type() == CueText.Type.TIMESTAMP) stamps.add(n.timestampMs());
    }
    long[] bounds = karaokeBounds(cue, stamps);
    int segment = 0;
    if (bounds != null) appendK(sb, bounds, segment++);
    int[] open = new int[3]; // i, b, u
    ArrayDeque<Object> stack = new ArrayDeque<>();
    for (int k = root.children().size() - 1; k >= 0; k--) stack.push(root.children().get(k));
    while (!stack.isEmpty()) {
      Object top = stack.pop();
      if (top instanceof Integer) { // closes i (0), b (1) or u (2)
        int which = (Integer) top;
        if (--open[which] == 0) sb.append("{\\").append("ibu".charAt(which)).append("0}");
        continue;
      }
      CueText.Node node = (CueText.Node) top;
      int which = -1;
      switch (node.type()) {
        case TEXT:
          appendEscaped(node.text(), sb);
          continue;
        case TIMESTAMP:
          if (bounds != null && segment < bounds.length - 1) appendK(sb, bounds, segment++);
          continue;
        case RUBY_TEXT:
          losses.count(RUBY_TEXT);
          continue;
        case ITALIC:
          which = 0;
          break;
        case BOLD:
          which = 1;
          break;
        case UNDERLINE:
          which = 2;
          break;
        case VOICE:
          if (!node.annotation().isEmpty() && !node.annotation().equals(name)) losses.count(EXTRA_VOICES);
          break;
        case CLASS:
          losses.count(CLASS_TAGS);
          break;
        case LANG:
          losses.count(LANG_TAGS);
          break;
        default:
          break;
      }
      if (which >= 0) {
        if (open[which]++ == 0) sb.append("{\\").append("ibu".charAt(which)).append("1}");
        stack.push(which);
      }
      for (int k = node.children().size() - 1; k >= 0; k--) stack.push(node.children().get(k));
    }
    return sb.toString();
  }

  /**
   * The karaoke segment boundaries: the cue start, each usable timestamp (strictly increasing, inside the cue), the
   * cue end; null when there is no timestamp.
   */
  private static long[] karaokeBounds(Cue cue, List<Long> stamps) {
    if (stamps.isEmpty()) return null;
    long[] b = new long[stamps.size() + 2];
    b[0] = cue.startMs();
    int n = 1;
    for (long t : stamps) {
      // An out-of-order or out-of-cue tag still opens a segment (of zero length), so each tag keeps its \k.
      b[n] = Math.min(cue.endMs(), Math.max(b[n - 1], t));
      n++;
    }
    b[n] = cue.endMs();
    return b;
  }

  /** {@code {\kNN}}: segment {@code i}'s length in centiseconds, rounded on the absolute times so no drift builds up. */
  private static void appendK(StringBuilder sb, long[] bounds, int i) {
    long cs = Math.round(bounds[i + 1] / 10.0) - Math.round(bounds[i] / 10.0);
    sb.append("{\\k").append(Math.max(0, cs)).append('}');
  }

  private static List<CueText.Node> preorder(CueText.Node root) {
    List<CueText.Node> out = new ArrayList<>();
    ArrayDeque<CueText.Node> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      CueText.Node n = stack.pop();
      out.add(n);
      for (int k = n.children().size() - 1; k >= 0; k--) stack.push(n.children().get(k));
    }
    return out;
  }

  /**
   * Literal text as ASS: {@code '\n'} → {@code \N}; <code>{</code> and <code>}</code> → <code>\{</code> and
   * <code>\}</code> (libass's escapes); a backslash gets U+2060 WORD JOINER after it, so it never starts {@code \N},
   * {@code \h} or an escape.
   */
  static void appendEscaped(String text, StringBuilder sb) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n':
          sb.append("\\N");
          break;
        case '\r':
          break; // the model has no CR; a stray one would end the Dialogue line
        case '{':
          sb.append("\\{");
          break;
        case '}':
          sb.append("\\}");
          break;
        case '\\':
          sb.append('\\').append(WORD_JOINER);
          break;
        default:
          sb.append(c);
      }
    }
  }

  /** What {@link #fromAss} found besides the text. */
  static final class Parsed {
    String markup;
    int an; // 0 when no \an or \a tag
    final List<String> droppedTags = new ArrayList<>(0); // names of override tags with no WebVTT form (pos, fad, c …)
    boolean hasKaraoke;
  }

  /**
   * The model's markup for ASS event text: <code>\i \b &#92;u</code> (on/off, with style defaults) as {@code <i> <b> <u>},
   * {@code \N} and {@code \n} as line breaks, {@code \h} as U+00A0, {@code \k \K \kf \ko} as timestamp tags from
   * {@code startMs}, the last {@code \an}/{@code \a} as a position; literal text escaped; an unclosed <code>{</code>
   * is text. Linear time.
   */
  static Parsed fromAss(String s, long startMs, boolean italic, boolean bold, boolean underline) {
    Parsed p = new Parsed();
    StringBuilder out = new StringBuilder(s.length() + 16);
    StringBuilder text = new StringBuilder();
    boolean[] want = {italic, bold, underline};
    boolean[] on = new boolean[3];
    long karaokeAt = startMs; // where the next \k segment starts
    boolean firstK = true;
    int n = s.length();
    int nextClose = 0; // the next '}' at or after i, -1 when there is none: found once per block, so linear
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '{') {
        if (nextClose >= 0 && nextClose <= i) nextClose = s.indexOf('}', i + 1);
        int close = nextClose;
        if (close < 0) {
          text.append(c);
          continue;
        }
        flush(text, want, on, out);
        String block = s.substring(i + 1, close);
        i = close;
        for (String tag : block.split("\\\\", -1)) {
          if (tag.isEmpty()) continue;
          String t = tag.trim();
          if (t.isEmpty()) continue;
          int style = "ibu".indexOf(t.charAt(0));
          if (style >= 0 && allDigits(t.substring(1))) {
            // \i1, \i0, \b700, and a bare \i (back to the style's value).
            want[style] = t.length() == 1 ? (style == 0 ? italic : style == 1 ? bold : underline)
                : !t.substring(1).replace("0", "").isEmpty();
          } else if (t.startsWith("an") && t.length() == 3 && t.charAt(2) >= '1' && t.charAt(2) <= '9') {
            p.an = t.charAt(2) - '0';
          } else if (t.startsWith("a") && !t.startsWith("alpha") && allDigits(t.substring(1)) && t.length() > 1
              && t.length() < 4) {
            p.an = legacyAlignment(Integer.parseInt(t.substring(1)));
          } else if (isKaraoke(t)) {
            String digits = t.replaceFirst("^(kf|ko|K|k)", "");
            long cs = digits.isEmpty() || digits.length() > 7 ? 0 : Long.parseLong(digits);
            if (!firstK) {
              out.append('<').append(Timecodes.format(karaokeAt)).append('>');
            }
            firstK = false;
            karaokeAt += cs * 10;
            p.hasKaraoke = true;
          } else {
            int k = 0;
            while (k < t.length() && k < 8 && Character.isLetter(t.charAt(k))) k++;
            if (k > 0) p.droppedTags.add(t.substring(0, Math.min(k, 6)));
          }
        }
        continue;
      }
      if (c == '\\' && i + 1 < n) {
        char d = s.charAt(i + 1);
        if (d == 'N' || d == 'n') {
          text.append('\n');
          i++;
          continue;
        }
        if (d == 'h') {
          text.append('\u00A0');
          i++;
          continue;
        }
        if (d == '{' || d == '}') {
          text.append(d);
          i++;
          continue;
        }
        if (d == WORD_JOINER) { // our own escape of a literal backslash
          text.append('\\');
          i++;
          continue;
        }
      }
      text.append(c);
    }
    flush(text, want, on, out);
    for (int k = 2; k >= 0; k--) {
      if (on[k]) out.append("</").append("ibu".charAt(k)).append('>');
    }
    p.markup = out.toString();
    return p;
  }

  /** Writes pending text, first closing and reopening i/b/u when their state must change to {@code want}. */
  private static void flush(StringBuilder text, boolean[] want, boolean[] on, StringBuilder out) {
    if (text.length() == 0) return;
    boolean changed = false;
    for (int k = 0; k < 3; k++) changed |= on[k] != want[k];
    if (changed) {
      // Close in reverse order of opening (u, b, i), then reopen what is wanted: always well nested.
      for (int k = 2; k >= 0; k--) {
        if (on[k]) out.append("</").append("ibu".charAt(k)).append('>');
      }
      for (int k = 0; k < 3; k++) {
        if (want[k]) out.append('<').append("ibu".charAt(k)).append('>');
        on[k] = want[k];
      }
    }
    out.append(CueMarkup.escape(text.toString()));
    text.setLength(0);
  }

  private static boolean isKaraoke(String t) {
    String rest;
    if (t.startsWith("kf") || t.startsWith("ko")) rest = t.substring(2);
    else if (t.startsWith("k") || t.startsWith("K")) rest = t.substring(1);
    else return false;
    return rest.isEmpty() || allDigits(rest);
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
    }
    return true;
  }

  /**
   * SSA v4's {@code Alignment} / {@code \a}: 1–3 bottom, 5–7 top (1–3 plus 4), 9–11 middle (plus 8), as numpad 1–9;
   * 0 when out of range.
   */
  static int legacyAlignment(int a) {
    int col = a & 3;
    if (col == 0 || a > 11) return 0;
    if ((a & 4) != 0) return 6 + col;
    if ((a & 8) != 0) return 3 + col;
    return col;
  }
}
