package dev.captions.provider.vosk;

import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits long audio into chunks that can be decoded independently, cutting in the middle of pauses so that no word
 * straddles a cut. Energy-based: the mean absolute amplitude of 10 ms frames against a threshold derived from the
 * file's own noise floor and speech level, so it works on digital silence and on a noisy room alike.
 *
 * <p>Chunks are contiguous and cover every sample exactly once; cut positions are sample indexes, so the decoder can
 * put each word back on the file's time line without rounding drift. Immutable and thread-safe.
 */
final class SilenceSplitter {
  static final int FRAME_SAMPLES = WavAudio.SAMPLE_RATE_HZ / 100;

  /** A half-open range of samples {@code [startSample, endSample)}. */
  static final class Chunk {
    final int startSample;
    final int endSample;

    Chunk(int startSample, int endSample) {
      this.startSample = startSample;
      this.endSample = endSample;
    }

    int length() {
      return endSample - startSample;
    }

    @Override
    public String toString() {
      return "[" + startSample + ", " + endSample + ")";
    }
  }

  private final int targetFrames;
  private final int minPauseFrames;

  /**
   * @param targetChunkMs the length chunks aim for; a cut is placed within ±50% of it, at the longest pause there.
   *     {@code 0} disables splitting.
   * @param minPauseMs a pause shorter than this is not trusted to be between words
   */
  SilenceSplitter(long targetChunkMs, long minPauseMs) {
    this.targetFrames = (int) Math.min(Integer.MAX_VALUE, targetChunkMs / 10);
    this.minPauseFrames = (int) Math.max(1, minPauseMs / 10);
  }

  List<Chunk> split(ShortBuffer samples) {
    int total = samples.remaining();
    List<Chunk> chunks = new ArrayList<>();
    int frames = total / FRAME_SAMPLES;
    if (targetFrames == 0 || frames < targetFrames * 3 / 2) {
      chunks.add(new Chunk(0, total));
      return chunks;
    }
    double[] energy = frameEnergies(samples, frames);
    boolean[] silent = silentFrames(energy);
    int startFrame = 0;
    while (frames - startFrame >= targetFrames * 3 / 2) {
      int cutFrame = cut(energy, silent, startFrame + targetFrames / 2, startFrame + targetFrames * 3 / 2);
      chunks.add(new Chunk(startFrame * FRAME_SAMPLES, cutFrame * FRAME_SAMPLES));
      startFrame = cutFrame;
    }
    chunks.add(new Chunk(startFrame * FRAME_SAMPLES, total));
    return chunks;
  }

  /**
   * The frame to cut at within {@code [from, to)}: the middle of a long pause there (among pauses at least 80% as long
   * as the longest, the one nearest the window's middle, so chunks stay near the target length); failing a pause of
   * the minimum length, the quietest frame (a word may then be cut, which only happens in audio without pauses).
   */
  private int cut(double[] energy, boolean[] silent, int from, int to) {
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
      int ideal = (from + to) / 2;
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
      if (energy[i] < energy[quietest]) quietest = i;
    }
    return quietest;
  }

  private static double[] frameEnergies(ShortBuffer samples, int frames) {
    double[] energy = new double[frames];
    int base = samples.position();
    for (int f = 0; f < frames; f++) {
      long sum = 0;
      int at = base + f * FRAME_SAMPLES;
      for (int i = 0; i < FRAME_SAMPLES; i++) sum += Math.abs(samples.get(at + i));
      energy[f] = (double) sum / FRAME_SAMPLES;
    }
    return energy;
  }

  /**
   * Frames below a threshold a tenth of the way from the noise floor (10th percentile) to the speech level (90th
   * percentile), and at least twice the floor, count as silent.
   */
  static boolean[] silentFrames(double[] energy) {
    double[] sorted = energy.clone();
    Arrays.sort(sorted);
    double floor = sorted[(int) (sorted.length * 0.10)];
    double speech = sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.90))];
    double threshold = Math.max(Math.max(2 * floor, floor + 0.1 * (speech - floor)), 1.0);
    boolean[] silent = new boolean[energy.length];
    for (int i = 0; i < energy.length; i++) silent[i] = energy[i] < threshold;
    return silent;
  }
}
