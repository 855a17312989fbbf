package dev.captions.shaping;

import dev.captions.model.Cue;
import dev.captions.model.TimedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Groups timed tokens into cues. Hard boundaries are speaker changes and pauses of at least
 * {@link StyleProfile#pauseMs()} (two flashing speaker turns may then share a dash cue, see
 * {@link StyleProfile.SpeakerStyle}); inside each stretch of speech a dynamic programme chooses the cue breaks that
 * minimise a cost made of break quality (sentence ends best, then the line-break rules), cues that would flash (shorter
 * than the minimum), cues read too fast, and the number of cues. Cues never exceed the line limits (unless one token is
 * wider than a line) or the maximum duration (unless one token lasts longer). Not thread-safe; one per call.
 */
final class Segmenter {
  private static final double CUE_COST = 20;
  private static final double SENTENCE_INSIDE_COST = 30;
  private static final double FLASH_COST = 1000;
  private static final double SLOW_READING_COST_PER_MS = 0.2;

  private final StyleProfile p;
  private final LineBreaker breaker;
  private final List<Token> t;
  private final long mediaEndMs;
  private final long[] maxEndPrefix;

  Segmenter(StyleProfile profile, LineBreaker breaker, List<Token> tokens, Long mediaDurationMs) {
    this.p = profile;
    this.breaker = breaker;
    this.t = tokens;
    this.mediaEndMs = mediaDurationMs == null ? Long.MAX_VALUE / 4 : mediaDurationMs;
    this.maxEndPrefix = new long[tokens.size()];
    long m = 0;
    for (int k = 0; k < tokens.size(); k++) maxEndPrefix[k] = m = Math.max(m, tokens.get(k).endMs());
  }

  List<Cue> segment() {
    List<int[]> groups = new ArrayList<>();
    int n = t.size();
    int runStart = 0;
    for (int k = 1; k <= n; k++) {
      if (k == n || isHardBoundary(k)) {
        groupRun(runStart, k, groups);
        runStart = k;
      }
    }
    mergeFlashingSpeakerTurns(groups);
    return toCues(groups);
  }

  private boolean isHardBoundary(int k) {
    if (!Objects.equals(t.get(k).speaker(), t.get(k - 1).speaker())) return true;
    return t.get(k).startMs() - maxEndPrefix[k - 1] >= p.pauseMs();
  }

  static boolean endsSentence(String w) {
    for (int i = w.length() - 1; i >= 0; i--) {
      char c = w.charAt(i);
      if (c == '"' || c == '\'' || c == ')' || c == '\u201D' || c == '\u2019' || c == '\u300D') continue;
      return c == '.' || c == '!' || c == '?' || c == '\u2026' || c == '\u3002' || c == '\uFF01' || c == '\uFF1F';
    }
    return false;
  }

  private void groupRun(int from, int to, List<int[]> out) {
    int n = to - from;
    double[] best = new double[n + 1];
    int[] back = new int[n + 1];
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0;
    // A cheap bound before the exact fits() check. width counts the space between every pair of words, but each line
    // break swallows one space, so maxLines full lines hold maxLines - 1 more characters than their sum.
    int maxWidth = p.maxCharsPerLine() * p.maxLines() + p.maxLines() - 1;
    for (int j = 1; j <= n; j++) {
      int gj = from + j;
      long lastEnd = 0;
      int width = 0;
      int sentencesInside = 0;
      for (int i = j - 1; i >= 0; i--) {
        int gi = from + i;
        Token tok = t.get(gi);
        lastEnd = Math.max(lastEnd, tok.endMs());
        if (i < j - 1) {
          width += tok.width + (t.get(gi + 1).spaceBefore ? 1 : 0);
          if (endsSentence(tok.text())) sentencesInside++;
        } else {
          width = tok.width;
        }
        if (i < j - 1) {
          if (width > maxWidth || lastEnd - tok.startMs() > p.maxDurationMs()) break;
          if (width > p.maxCharsPerLine() && !breaker.fits(t, gi, gj)) break;
        }
        if (best[i] == Double.POSITIVE_INFINITY) continue;
        double c = best[i] + cost(gi, gj, lastEnd, width, sentencesInside, to);
        if (c < best[j]) {
          best[j] = c;
          back[j] = i;
        }
      }
    }
    int count = 0;
    int[] cuts = new int[n + 1];
    for (int j = n; j > 0; j = back[j]) cuts[count++] = j;
    int start = 0;
    for (int k = count - 1; k >= 0; k--) {
      out.add(new int[] {from + start, from + cuts[k], 0});
      start = cuts[k];
    }
  }

  private double cost(int i, int j, long lastEnd, int width, int sentencesInside, int runEnd) {
    double c = CUE_COST + SENTENCE_INSIDE_COST * sentencesInside;
    if (j < runEnd && !endsSentence(t.get(j - 1).text())) c += 5.0 * breaker.breakCost(t, j);
    long start = earliestStart(i);
    long end = endFor(start, lastEnd, j, width, j - i);
    long shown = end - start;
    if (shown < p.minDurationMs()) c += FLASH_COST + (p.minDurationMs() - shown);
    long need = p.readingTimeMs(width, j - i);
    if (shown < need) c += SLOW_READING_COST_PER_MS * (need - shown);
    return c;
  }

  /**
   * Where a cue starting with token i can start: its first word, unless the previous token's cue (at least 1 ms long)
   * plus the minimum gap pushes it later, which only happens when words are packed tighter than the gap.
   */
  private long earliestStart(int i) {
    long start = t.get(i).startMs();
    return i == 0 ? start : Math.max(start, t.get(i - 1).startMs() + 1 + p.minGapMs());
  }

  private long nextStart(int j) {
    return j < t.size() ? t.get(j).startMs() : mediaEndMs + p.minGapMs();
  }

  /** The end time of a cue starting at {@code startMs} whose last token ends at {@code lastEndMs}. */
  private long endFor(long startMs, long lastEndMs, int j, int chars, int words) {
    long next = nextStart(j);
    long limit = Math.min(next - p.minGapMs(), lastEndMs + p.maxLingerMs());
    limit = Math.min(limit, Math.max(lastEndMs, startMs + p.maxDurationMs()));
    limit = Math.min(limit, mediaEndMs);
    long desired = Math.max(lastEndMs, Math.max(startMs + p.minDurationMs(), startMs + p.readingTimeMs(chars, words)));
    long end = Math.min(desired, limit);
    // Netflix: gaps up to gapCloseMs are closed to the minimum gap, as long as the cue does not linger too long.
    long closed = next - p.minGapMs();
    if (closed > end && next - end <= p.gapCloseMs() && closed <= lastEndMs + p.maxLingerMs() && closed <= mediaEndMs
        && closed - startMs <= Math.max(p.maxDurationMs(), lastEndMs - startMs)) {
      end = closed;
    }
    return end;
  }

  /**
   * Two speakers in one cue ("-Ready?\n-Yes."), when one of their cues would otherwise flash and the profile's
   * {@link StyleProfile.SpeakerStyle} shows speakers with dashes; never with {@code NAMES} (one named speaker per cue).
   */
  private void mergeFlashingSpeakerTurns(List<int[]> groups) {
    if (p.maxLines() < 2 || p.speakerStyle() == StyleProfile.SpeakerStyle.NAMES) return;
    for (int g = 0; g + 1 < groups.size(); g++) {
      int[] a = groups.get(g);
      int[] b = groups.get(g + 1);
      if (a[2] != 0 || b[2] != 0) continue;
      if (Objects.equals(t.get(a[0]).speaker(), t.get(b[0]).speaker())) continue;
      long aLast = lastEnd(a[0], a[1]);
      if (t.get(b[0]).startMs() - aLast >= p.pauseMs()) continue;
      boolean flashes = shownMs(a) < p.minDurationMs() || shownMs(b) < p.minDurationMs();
      if (!flashes) continue;
      int limit = p.maxCharsPerLine() - Graphemes.width(p.speakerStyle().linePrefix());
      if (LineBreaker.width(t, a[0], a[1]) > limit || LineBreaker.width(t, b[0], b[1]) > limit) continue;
      if (lastEnd(b[0], b[1]) - t.get(a[0]).startMs() > p.maxDurationMs()) continue;
      groups.set(g, new int[] {a[0], b[1], b[0]});
      groups.remove(g + 1);
    }
  }

  private long shownMs(int[] g) {
    long start = t.get(g[0]).startMs();
    return endFor(start, lastEnd(g[0], g[1]), g[1], LineBreaker.width(t, g[0], g[1]), g[1] - g[0]) - start;
  }

  private long lastEnd(int from, int to) {
    long m = 0;
    for (int k = from; k < to; k++) m = Math.max(m, t.get(k).endMs());
    return m;
  }

  private List<Cue> toCues(List<int[]> groups) {
    List<Cue> cues = new ArrayList<>(groups.size());
    long prevEnd = -1;
    for (int[] g : groups) {
      int from = g[0];
      int to = g[1];
      int split = g[2];
      String text;
      int chars;
      if (split != 0) {
        String dash = p.speakerStyle().linePrefix();
        String top = dash + LineBreaker.join(t, from, split);
        String bottom = dash + LineBreaker.join(t, split, to);
        text = top + "\n" + bottom;
        chars = Graphemes.width(top) + Graphemes.width(bottom);
      } else {
        text = String.join("\n", breaker.lines(t, from, to));
        chars = LineBreaker.width(t, from, to);
      }
      long start = t.get(from).startMs();
      if (prevEnd >= 0) start = Math.max(start, prevEnd + p.minGapMs());
      long end = endFor(start, lastEnd(from, to), to, chars, to - from);
      if (end <= start) end = start + 1;
      List<TimedWord> words = new ArrayList<>(to - from);
      for (int k = from; k < to; k++) words.add(t.get(k).word);
      // With dashes names are not shown, so the cue names nobody (an SRT "Name: " would show it); words keep theirs.
      String speaker = p.speakerStyle() == StyleProfile.SpeakerStyle.NAMES ? t.get(from).speaker() : null;
      cues.add(Cue.builder().startMs(start).endMs(end).text(text).speaker(speaker).words(words).build());
      prevEnd = end;
    }
    return cues;
  }
}
