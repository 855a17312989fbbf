package dev.captions.shaping;

import dev.captions.model.TimedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Breaks cue text into balanced lines: the fewest lines that fit, then the break points that keep lines of similar
 * length (bottom line longer on a tie) at the cheapest places the {@link LineBreakRules} allow. Not greedy. Text
 * without spaces breaks between grapheme clusters. Immutable and thread-safe.
 */
public final class LineBreaker {
  // One unit of break cost weighs as much as two characters of imbalance.
  private static final int COST_SCALE = 2;

  private final int maxChars;
  private final int maxLines;
  private final LineBreakRules rules;

  private LineBreaker(int maxChars, int maxLines, LineBreakRules rules) {
    this.maxChars = maxChars;
    this.maxLines = maxLines;
    this.rules = Objects.requireNonNull(rules, "rules == null");
  }

  /**
   * {@return a breaker for the profile's line length and line count}
   *
   * @param profile the profile whose line length and line count apply
   * @param rules where breaks are good or bad
   */
  public static LineBreaker of(StyleProfile profile, LineBreakRules rules) {
    Objects.requireNonNull(profile, "profile == null");
    return new LineBreaker(profile.maxCharsPerLine(), profile.maxLines(), rules);
  }

  /**
   * Breaks {@code text} (any spacing; existing line breaks are ignored) into lines. A single word longer than a line
   * stays whole on its own line; text that needs more lines than allowed gets more lines (the caller reports it).
   *
   * @param text the text to break
   * @return the lines, at least one; each within the profile's line length unless a single word is longer
   */
  public List<String> breakText(String text) {
    List<Token> tokens = tokenize(text);
    return lines(tokens, 0, tokens.size());
  }

  /** Splits text into tokens: whitespace-separated words, and grapheme pieces inside text without spaces. */
  static List<Token> tokenize(String text) {
    List<Token> out = new ArrayList<>();
    for (String w : text.trim().split("\\s+")) {
      if (w.isEmpty()) continue;
      if (Graphemes.hasNoSpaceScript(w)) {
        boolean first = true;
        for (String p : Graphemes.pieces(w)) {
          out.add(new Token(TimedWord.of(p, 0, 0), first && !out.isEmpty()));
          first = false;
        }
      } else {
        out.add(new Token(TimedWord.of(w, 0, 0), !out.isEmpty()));
      }
    }
    return out;
  }

  /** Width of tokens [from, to) on one line. */
  static int width(List<Token> t, int from, int to) {
    int w = 0;
    for (int k = from; k < to; k++) w += t.get(k).width + (k > from && t.get(k).spaceBefore ? 1 : 0);
    return w;
  }

  /** Whether tokens [from, to) fit in the allowed lines (greedy filling is optimal for this question). */
  boolean fits(List<Token> t, int from, int to) {
    int lines = 1;
    int w = 0;
    for (int k = from; k < to; k++) {
      int tw = t.get(k).width;
      if (tw > maxChars) return false;
      int add = w == 0 ? tw : tw + (t.get(k).spaceBefore ? 1 : 0);
      if (w + add <= maxChars) {
        w += add;
      } else {
        if (++lines > maxLines) return false;
        w = tw;
      }
    }
    return true;
  }

  /** Whether tokens [from, to) fit on a single line of {@code limit} characters. */
  static boolean fitsOneLine(List<Token> t, int from, int to, int limit) {
    return width(t, from, to) <= limit;
  }

  /** The cost of a cue or line break between token k-1 and token k. */
  int breakCost(List<Token> t, int k) {
    return rules.breakCost(t.get(k - 1).text(), t.get(k).text());
  }

  LineBreakRules rules() {
    return rules;
  }

  /** Balanced lines for tokens [from, to). */
  List<String> lines(List<Token> t, int from, int to) {
    List<String> out = new ArrayList<>();
    if (from >= to) return out;
    int total = width(t, from, to);
    if (total <= maxChars) {
      out.add(join(t, from, to));
      return out;
    }
    if (!fits(t, from, to)) return greedy(t, from, to);
    int needed = 2;
    while (needed < maxLines && !fitsIn(t, from, to, needed)) needed++;
    int n = to - from;
    double target = (double) total / needed;
    // best[m][k]: cheapest layout of tokens [from, from+k) in m lines; DP over break points.
    double[][] best = new double[needed + 1][n + 1];
    int[][] back = new int[needed + 1][n + 1];
    for (double[] row : best) java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
    best[0][0] = 0;
    for (int m = 1; m <= needed; m++) {
      for (int k = 1; k <= n; k++) {
        for (int s = k - 1; s >= 0; s--) {
          int w = width(t, from + s, from + k);
          if (w > maxChars) break;
          if (best[m - 1][s] == Double.POSITIVE_INFINITY) continue;
          if (s == 0 && m > 1) continue;
          double dev = w - target;
          double c = best[m - 1][s] + Math.abs(dev);
          if (s > 0) c += COST_SCALE * breakCost(t, from + s);
          if (m > 1 && s > 0) {
            int prevStart = back[m - 1][s];
            if (width(t, from + prevStart, from + s) > w) c += 1;
          }
          if (c < best[m][k]) {
            best[m][k] = c;
            back[m][k] = s;
          }
        }
      }
    }
    int[] cuts = new int[needed + 1];
    cuts[needed] = n;
    for (int m = needed; m > 0; m--) cuts[m - 1] = back[m][cuts[m]];
    for (int m = 0; m < needed; m++) out.add(join(t, from + cuts[m], from + cuts[m + 1]));
    return out;
  }

  private boolean fitsIn(List<Token> t, int from, int to, int lines) {
    return new LineBreaker(maxChars, lines, rules).fits(t, from, to);
  }

  private List<String> greedy(List<Token> t, int from, int to) {
    List<String> out = new ArrayList<>();
    int start = from;
    for (int k = from + 1; k <= to; k++) {
      if (k == to || width(t, start, k + 1) > maxChars) {
        out.add(join(t, start, k));
        start = k;
      }
    }
    return out;
  }

  static String join(List<Token> t, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < to; k++) {
      if (k > from && t.get(k).spaceBefore) sb.append(' ');
      sb.append(t.get(k).text());
    }
    return sb.toString();
  }
}
