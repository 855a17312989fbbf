package dev.captions.align;

import dev.captions.chunking.PcmWav;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Where the audio has speech, found from its energy (a simple voice activity detector that needs no model, so it
 * works for every language): 10 ms frames louder than an adaptive threshold between the noise floor and the speech
 * level, blips under 60 ms ignored, holes under 120 ms filled. Immutable and thread-safe.
 */
public final class SpeechActivity {
  static final int FRAME_MS = PcmWav.FRAME_MS;
  private static final int MIN_SPEECH_FRAMES = 6;
  private static final int MAX_HOLE_FRAMES = 12;

  /** Speech intervals in ms, sorted, disjoint: starts[i] to ends[i]. */
  private final long[] starts;
  private final long[] ends;
  private final long durationMs;

  private SpeechActivity(long[] starts, long[] ends, long durationMs) {
    this.starts = starts;
    this.ends = ends;
    this.durationMs = durationMs;
  }

  /**
   * Detects speech in a WAV file.
   *
   * @param wav a 16-bit PCM WAV file; not null
   * @return the speech found
   * @throws dev.captions.InvalidMediaException when the file is not a readable 16-bit PCM WAV
   */
  public static SpeechActivity detect(Path wav) {
    PcmWav pcm = PcmWav.open(Objects.requireNonNull(wav, "wav == null"));
    return fromLevels(pcm.levels(), pcm.durationMs());
  }

  /**
   * Detects speech from levels, one per 10 ms frame.
   *
   * @param levels mean absolute amplitude per 10 ms frame; not null
   * @param durationMs the audio's length in milliseconds
   * @return the speech found
   */
  public static SpeechActivity fromLevels(float[] levels, long durationMs) {
    int n = levels.length;
    if (n == 0) return new SpeechActivity(new long[0], new long[0], durationMs);
    float[] sorted = levels.clone();
    Arrays.sort(sorted);
    float floor = sorted[(int) (n * 0.10)];
    float loud = sorted[Math.min(n - 1, (int) (n * 0.90))];
    float threshold = Math.max(Math.max(floor * 2.5f, floor + 0.04f * (loud - floor)), 20f);
    boolean[] speech = new boolean[n];
    for (int i = 0; i < n; i++) speech[i] = levels[i] > threshold;
    // Fill short holes (stops inside words), then drop short blips (clicks).
    List<int[]> runs = new ArrayList<>();
    int i = 0;
    while (i < n) {
      if (!speech[i]) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && speech[i]) i++;
      if (!runs.isEmpty() && s - runs.get(runs.size() - 1)[1] <= MAX_HOLE_FRAMES) {
        runs.get(runs.size() - 1)[1] = i;
      } else {
        runs.add(new int[] {s, i});
      }
    }
    runs.removeIf(r -> r[1] - r[0] < MIN_SPEECH_FRAMES);
    long[] st = new long[runs.size()];
    long[] en = new long[runs.size()];
    for (int k = 0; k < runs.size(); k++) {
      st[k] = (long) runs.get(k)[0] * FRAME_MS;
      en[k] = Math.min(durationMs, (long) runs.get(k)[1] * FRAME_MS);
    }
    return new SpeechActivity(st, en, durationMs);
  }

  /**
   * Speech given as intervals (for tests and for callers with their own detector).
   *
   * @param intervals {@code {startMs, endMs}} pairs, sorted and disjoint; not null
   * @param durationMs the audio's length in milliseconds
   * @return the speech activity
   */
  public static SpeechActivity of(List<long[]> intervals, long durationMs) {
    long[] st = new long[intervals.size()];
    long[] en = new long[intervals.size()];
    for (int k = 0; k < st.length; k++) {
      st[k] = intervals.get(k)[0];
      en[k] = intervals.get(k)[1];
    }
    return new SpeechActivity(st, en, durationMs);
  }

  /** {@return the audio's length in milliseconds} */
  public long durationMs() {
    return durationMs;
  }

  /** {@return the number of speech intervals} */
  public int size() {
    return starts.length;
  }

  /**
   * The speech intervals, with holes shorter than {@code minPauseMs} closed: "utterances" separated by pauses of at
   * least that length.
   *
   * @param minPauseMs the shortest silence that separates two utterances, in milliseconds
   * @return {@code {startMs, endMs}} pairs in time order; unmodifiable
   */
  public List<long[]> utterances(long minPauseMs) {
    List<long[]> out = new ArrayList<>();
    for (int k = 0; k < starts.length; k++) {
      if (!out.isEmpty() && starts[k] - out.get(out.size() - 1)[1] < minPauseMs) {
        out.get(out.size() - 1)[1] = ends[k];
      } else {
        out.add(new long[] {starts[k], ends[k]});
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The parts of {@code [fromMs, toMs)} that are speech.
   *
   * @param fromMs the start in milliseconds
   * @param toMs the end in milliseconds
   * @return {@code {startMs, endMs}} pairs clipped to the range, in time order; empty when it is all silence
   */
  public List<long[]> speechIn(long fromMs, long toMs) {
    List<long[]> out = new ArrayList<>();
    int k = Arrays.binarySearch(ends, fromMs);
    if (k < 0) k = -k - 1;
    for (; k < starts.length && starts[k] < toMs; k++) {
      long s = Math.max(starts[k], fromMs);
      long e = Math.min(ends[k], toMs);
      if (e > s) out.add(new long[] {s, e});
    }
    return out;
  }

  @Override
  public String toString() {
    return "SpeechActivity{" + starts.length + " intervals, " + durationMs + " ms}";
  }
}
