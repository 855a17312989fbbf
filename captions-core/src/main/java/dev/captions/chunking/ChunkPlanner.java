package dev.captions.chunking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Plans where to cut long audio: in the middle of pauses, so that no word straddles a cut, each chunk near a target
 * length and never over a hard maximum. Energy-based: a 10 ms frame is silent when its level is below a threshold
 * derived from the audio's own noise floor and speech level, so it works on digital silence and in a noisy room alike.
 *
 * <p>Chunks are contiguous and cover the whole media exactly once. Stateless; thread-safe.
 */
final class ChunkPlanner {
  /** Shorter pauses are not trusted to fall between words. */
  static final long MIN_PAUSE_MS = 300;

  private ChunkPlanner() {}

  /**
   * @param levels one level per {@link PcmWav#FRAME_MS} frame
   * @param durationMs the media's length (the last chunk ends there)
   * @param targetMs the length chunks aim for; a cut is placed at the best pause within [½, 1½] of it (or within
   *     [½, 1] of {@code maxMs} when that is smaller); 0 or at least {@code durationMs}: one chunk
   * @param maxMs the longest a chunk may be (0: no limit)
   * @param leadInMs audio before each chunk sent with it (counts against {@code maxMs})
   */
  static List<Chunk> plan(float[] levels, long durationMs, long targetMs, long maxMs, long leadInMs) {
    int frameMs = PcmWav.FRAME_MS;
    List<long[]> ranges = new ArrayList<>();
    long hardMs = maxMs > 0 ? maxMs - leadInMs : Long.MAX_VALUE;
    if (hardMs <= 2L * frameMs) throw new IllegalArgumentException("maxMs " + maxMs + " leaves no room after the lead-in");
    long target = targetMs <= 0 ? hardMs : Math.min(targetMs, hardMs);
    if (target >= durationMs || levels.length == 0) {
      ranges.add(new long[] {0, durationMs});
      return toChunks(ranges, leadInMs);
    }
    boolean[] silent = silentFrames(levels);
    int targetFrames = (int) Math.max(1, target / frameMs);
    int hardFrames = (int) Math.min(Integer.MAX_VALUE, hardMs / frameMs);
    int totalFrames = (int) Math.min(levels.length, durationMs / frameMs);
    int start = 0;
    while (true) {
      int remaining = totalFrames - start;
      // The rest fits in one chunk: stop, unless it is so long that a cut near the target is better.
      if (remaining <= hardFrames && remaining < targetFrames * 3 / 2) break;
      int from = start + Math.max(1, targetFrames / 2);
      int to = Math.min(start + Math.min(hardFrames, targetFrames * 3 / 2), totalFrames - 1);
      if (from >= to) from = Math.max(start + 1, to - 1);
      int cut = cut(levels, silent, from, to, start + targetFrames);
      ranges.add(new long[] {(long) start * frameMs, (long) cut * frameMs});
      start = cut;
    }
    ranges.add(new long[] {(long) start * frameMs, durationMs});
    return toChunks(ranges, leadInMs);
  }

  private static List<Chunk> toChunks(List<long[]> ranges, long leadInMs) {
    List<Chunk> chunks = new ArrayList<>(ranges.size());
    for (int i = 0; i < ranges.size(); i++) {
      long[] r = ranges.get(i);
      chunks.add(new Chunk(i, ranges.size(), r[0], r[1], Math.max(0, r[0] - leadInMs)));
    }
    return List.copyOf(chunks);
  }

  /**
   * The frame to cut at within {@code [from, to)}: the middle of a long pause there (among pauses at least 80% as long
   * as the longest, the one nearest {@code ideal}, so chunks stay near the target length); failing a pause of
   * {@link #MIN_PAUSE_MS}, the quietest frame (a word may then be cut, which only happens in audio without pauses).
   */
  private static int cut(float[] levels, boolean[] silent, int from, int to, int ideal) {
    int minPauseFrames = (int) (MIN_PAUSE_MS / PcmWav.FRAME_MS);
    List<int[]> runs = new ArrayList<>();
    int longest = 0;
    int runStart = -1;
    for (int i = from; i <= to; i++) {
      if (i < to && silent[i]) {
        if (runStart < 0) runStart = i;
      } else if (runStart >= 0) {
        runs.add(new int[] {runStart, i - runStart});
        longest = Math.max(longest, i - runStart);
        runStart = -1;
      }
    }
    if (longest >= minPauseFrames) {
      int best = -1;
      for (int[] run : runs) {
        if (run[1] < Math.max(minPauseFrames, longest * 4 / 5)) continue;
        int middle = run[0] + run[1] / 2;
        if (best < 0 || Math.abs(middle - ideal) < Math.abs(best - ideal)) best = middle;
      }
      return best;
    }
    int quietest = from;
    for (int i = from + 1; i < to; i++) {
      if (levels[i] < levels[quietest]) quietest = i;
    }
    return quietest;
  }

  /**
   * Frames below a threshold a tenth of the way from the noise floor (10th percentile) to the speech level (90th
   * percentile), and at least twice the floor (but at most half-way to the speech level), count as silent.
   */
  static boolean[] silentFrames(float[] levels) {
    float[] sorted = levels.clone();
    Arrays.sort(sorted);
    double floor = sorted[(int) (sorted.length * 0.10)];
    double speech = sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.90))];
    // Never above half-way to the speech level: in audio without dynamic range (speech throughout) nothing is silent.
    double threshold = Math.max(Math.min(Math.max(2 * floor, floor + 0.1 * (speech - floor)),
        floor + 0.5 * (speech - floor)), 1.0);
    boolean[] silent = new boolean[levels.length];
    for (int i = 0; i < levels.length; i++) silent[i] = levels[i] < threshold;
    return silent;
  }
}
