package dev.captions.align;

import dev.captions.InvalidMediaException;
import dev.captions.ProgressListener;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Language-independent alignment from the sound alone: finds where speech starts after a pause (from the audio's
 * energy, {@link SpeechActivity}), moves each segment's start to the onset that fits the transcript's rough times
 * best, and shares each segment's speech among its words by their length. No model, no dependency: the fallback for
 * languages no acoustic model knows.
 *
 * <p>The onsets are matched to the segments as a whole, by dynamic programming: segments in order get onsets in order,
 * choosing the onsets whose distance from the given times changes least from one segment to the next (so a drift that
 * grows through the media, as language models' timestamps do, is followed) and preferring onsets after real pauses.
 * A segment with no fitting onset keeps its neighbours' shift. A transcript with words but no segments is cut into
 * sentences (end punctuation, or a gap of 0.7 s in its times).
 *
 * <p>In the report a snapped segment's first word counts as anchored and its other words as interpolated; when the
 * audio has no speech at all every word is left as given. Immutable and thread-safe.
 */
public final class EnergyAligner implements TimingAligner {
  /** The name this aligner is selected by. */
  public static final String NAME = "energy";
  /** The shortest silence before a speech onset that can start a segment. */
  static final long MIN_PAUSE_MS = 250;
  /** How far from its given time a segment's onset is looked for. */
  static final long WINDOW_MS = 30_000;
  private static final int MAX_CANDIDATES = 40;
  private static final double NONE_PENALTY = 2500;
  private static final double SHORT_PAUSE_PENALTY = 400;
  private static final long SHORT_PAUSE_MS = 450;
  private static final double ABSOLUTE_WEIGHT = 0.02;

  /** An energy aligner. */
  public EnergyAligner() {}

  @Override
  public String name() {
    return NAME;
  }

  /** {@return true: onsets are found in any language} */
  @Override
  public boolean supportsLanguage(String language) {
    return true;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads the audio's levels once (well under a second for an hour), so it reports no progress of its own.
   *
   * @throws InvalidMediaException when {@code audio} is not a local 16-bit PCM WAV file
   */
  @Override
  public AlignedTranscript align(Transcript transcript, MediaSource audio, ProgressListener progress) {
    Objects.requireNonNull(transcript, "transcript == null");
    Objects.requireNonNull(audio, "audio == null");
    Objects.requireNonNull(progress, "progress == null");
    if (!audio.isFile()) {
      throw new InvalidMediaException(InvalidMediaException.Reason.UNSUPPORTED_SOURCE, "The energy aligner reads a "
          + "local 16-bit PCM WAV file, not a " + audio.kind() + " (" + audio.name() + "). Extract the audio with the "
          + "media processor first.");
    }
    return align(NAME, transcript, SpeechActivity.detect(audio.path()));
  }

  /**
   * Aligns {@code transcript} to the speech onsets of {@code speech}.
   *
   * @param aligner the name for the report; not null
   * @param transcript the transcript; not null
   * @param speech where the audio has speech; not null
   * @return the aligned transcript and its report
   */
  public static AlignedTranscript align(String aligner, Transcript transcript, SpeechActivity speech) {
    TranscriptWords tw = TranscriptWords.of(transcript);
    int n = tw.size();
    List<long[]> u = speech.utterances(MIN_PAUSE_MS);
    if (n == 0 || u.isEmpty()) {
      return new AlignedTranscript(transcript, new AlignmentReport(aligner, 0, 0, n, 0));
    }
    int[] groupStart = groups(tw);
    int g = groupStart.length - 1; // groups [groupStart[i], groupStart[i+1])
    long[] onset = new long[u.size()];
    double[] pauseCost = new double[u.size()];
    for (int k = 0; k < u.size(); k++) {
      onset[k] = u.get(k)[0];
      long pause = k == 0 ? onset[0] : onset[k] - u.get(k - 1)[1];
      pauseCost[k] = pause < SHORT_PAUSE_MS ? SHORT_PAUSE_PENALTY : 0;
    }
    // Candidates per group: the onsets within the window of its rough start (nearest first, at most 40).
    int[][] cand = new int[g][];
    for (int s = 0; s < g; s++) {
      long r = tw.roughStart[groupStart[s]];
      int lo = lowerBound(onset, r - WINDOW_MS);
      int hi = lowerBound(onset, r + WINDOW_MS + 1);
      Integer[] ks = new Integer[hi - lo];
      for (int k = lo; k < hi; k++) ks[k - lo] = k;
      Arrays.sort(ks, (x, y) -> Long.compare(Math.abs(onset[x] - r), Math.abs(onset[y] - r)));
      int m = Math.min(ks.length, MAX_CANDIDATES);
      cand[s] = new int[m];
      for (int c = 0; c < m; c++) cand[s][c] = ks[c];
      Arrays.sort(cand[s]);
    }
    // DP over groups; state c < cand.length = that onset, c == cand.length = none (keeps the shift before it).
    double[][] cost = new double[g][];
    int[][] back = new int[g][];
    long[][] offset = new long[g][];
    int[][] lastK = new int[g][];
    for (int s = 0; s < g; s++) {
      int m = cand[s].length;
      cost[s] = new double[m + 1];
      back[s] = new int[m + 1];
      offset[s] = new long[m + 1];
      lastK[s] = new int[m + 1];
      long r = tw.roughStart[groupStart[s]];
      for (int c = 0; c <= m; c++) {
        boolean none = c == m;
        long off = none ? 0 : onset[cand[s][c]] - r;
        double own = none ? NONE_PENALTY : ABSOLUTE_WEIGHT * Math.abs(off) + pauseCost[cand[s][c]];
        if (s == 0) {
          cost[s][c] = own;
          back[s][c] = -1;
          offset[s][c] = off;
          lastK[s][c] = none ? -1 : cand[s][c];
          continue;
        }
        double best = Double.POSITIVE_INFINITY;
        int arg = -1;
        long bestPrevOff = 0;
        int bestPrevK = -1;
        for (int p = 0; p < cost[s - 1].length; p++) {
          if (cost[s - 1][p] == Double.POSITIVE_INFINITY) continue;
          int pk = lastK[s - 1][p];
          if (!none && cand[s][c] <= pk) continue;
          long poff = offset[s - 1][p];
          double v = cost[s - 1][p] + (none ? 0 : Math.abs(off - poff));
          if (v < best) {
            best = v;
            arg = p;
            bestPrevOff = poff;
            bestPrevK = pk;
          }
        }
        cost[s][c] = best + own;
        back[s][c] = arg;
        offset[s][c] = none ? bestPrevOff : off;
        lastK[s][c] = none ? bestPrevK : cand[s][c];
      }
    }
    int[] choice = new int[g];
    int c = 0;
    for (int k = 1; k < cost[g - 1].length; k++) if (cost[g - 1][k] < cost[g - 1][c]) c = k;
    for (int s = g - 1; s >= 0; s--) {
      choice[s] = c;
      c = back[s][c];
    }
    // Group starts: the chosen onset, or the rough start moved by the shift carried from before.
    long[] gs = new long[g];
    boolean[] snapped = new boolean[g];
    for (int s = 0; s < g; s++) {
      snapped[s] = choice[s] < cand[s].length;
      gs[s] = snapped[s] ? onset[cand[s][choice[s]]] : tw.roughStart[groupStart[s]] + offset[s][choice[s]];
    }
    long[] start = new long[n];
    long[] end = new long[n];
    int anchored = 0;
    for (int s = 0; s < g; s++) {
      long from = Math.max(gs[s], s > 0 ? gs[s - 1] : 0);
      long to;
      if (s + 1 < g) {
        to = Math.max(from, gs[s + 1]);
      } else {
        long need = 0;
        for (int k = groupStart[s]; k < groupStart[s + 1]; k++) need += tw.weight(k) * RecognitionAligner.MS_PER_CHAR;
        long rough = tw.roughEnd[groupStart[s + 1] - 1] - tw.roughStart[groupStart[s]];
        to = Math.min(speech.durationMs(), RecognitionAligner.speechForward(speech, from, Math.max(need, rough)));
        to = Math.max(from, to);
      }
      List<long[]> sp = speech.speechIn(from, to);
      // Words end with the group's last speech, not in the pause before the next group.
      if (!sp.isEmpty()) to = Math.min(to, sp.get(sp.size() - 1)[1]);
      tw.spread(groupStart[s], groupStart[s + 1], sp, from, to, start, end);
      if (snapped[s]) anchored++;
    }
    return new AlignedTranscript(tw.rebuild(start, end),
        new AlignmentReport(aligner, anchored, n - anchored, 0, tw.largestCorrection(start)));
  }

  /** Word indexes where each group starts, plus {@code n} at the end: segments, or sentences of a word list. */
  private static int[] groups(TranscriptWords tw) {
    int n = tw.size();
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean first;
      if (i == 0) {
        first = true;
      } else if (tw.fromSegments) {
        first = tw.segment[i] != tw.segment[i - 1];
      } else {
        String prev = tw.text[i - 1];
        char last = prev.isEmpty() ? ' ' : prev.charAt(prev.length() - 1);
        first = last == '.' || last == '!' || last == '?' || last == '\u3002'
            || tw.roughStart[i] - tw.roughEnd[i - 1] >= 700;
      }
      if (first) starts.add(i);
    }
    starts.add(n);
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int lowerBound(long[] a, long key) {
    int i = Arrays.binarySearch(a, key);
    if (i < 0) return -i - 1;
    while (i > 0 && a[i - 1] == key) i--;
    return i;
  }

  @Override
  public String toString() {
    return "EnergyAligner{}";
  }
}
