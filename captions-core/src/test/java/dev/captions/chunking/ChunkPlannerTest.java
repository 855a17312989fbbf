package dev.captions.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.TimedWord;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ChunkPlannerTest {
  /** Levels of synthetic speech: loud inside words, a low noise floor elsewhere. */
  static float[] levels(List<TimedWord> words, long durationMs) {
    float[] levels = new float[(int) (durationMs / PcmWav.FRAME_MS)];
    java.util.Arrays.fill(levels, 16f);
    for (TimedWord w : words) {
      for (long t = w.startMs(); t < w.endMs(); t += PcmWav.FRAME_MS) levels[(int) (t / PcmWav.FRAME_MS)] = 5000f;
    }
    return levels;
  }

  @Property(tries = 200)
  void cutsFallInPausesBetweenSentencesAndNeverInsideAWord(@ForAll @LongRange(min = 60_000, max = 3_600_000) long durationMs,
      @ForAll @LongRange(min = 20_000, max = 600_000) long targetMs, @ForAll long seed) {
    List<TimedWord> words = SyntheticSpeech.words(durationMs, seed);
    List<Chunk> chunks = ChunkPlanner.plan(levels(words, durationMs), durationMs, targetMs, 0, 0);

    assertThat(chunks.get(0).startMs()).isZero();
    assertThat(chunks.get(chunks.size() - 1).endMs()).isEqualTo(durationMs);
    for (int i = 0; i < chunks.size(); i++) {
      Chunk c = chunks.get(i);
      assertThat(c.index()).isEqualTo(i);
      assertThat(c.count()).isEqualTo(chunks.size());
      assertThat(c.durationMs()).isPositive().isLessThanOrEqualTo(targetMs * 3 / 2 + PcmWav.FRAME_MS);
      if (i > 0) assertThat(c.startMs()).isEqualTo(chunks.get(i - 1).endMs());
      if (i > 0) {
        long cut = c.startMs();
        for (TimedWord w : words) {
          assertThat(cut <= w.startMs() || cut >= w.endMs()).as("cut at %d ms inside %s", cut, w).isTrue();
        }
        // a pause of at least 300 ms around the cut: between sentences, not between two words of one
        long before = words.stream().filter(w -> w.endMs() <= cut).mapToLong(TimedWord::endMs).max().orElse(0);
        long after = words.stream().filter(w -> w.startMs() >= cut).mapToLong(TimedWord::startMs).min().orElse(durationMs);
        assertThat(after - before).as("pause around the cut at %d ms", cut).isGreaterThanOrEqualTo(ChunkPlanner.MIN_PAUSE_MS);
      }
    }
  }

  @Test
  void neverExceedsTheHardMaximumIncludingTheLeadIn() {
    long durationMs = 1_800_000;
    List<TimedWord> words = SyntheticSpeech.words(durationMs, 7);
    List<Chunk> chunks = ChunkPlanner.plan(levels(words, durationMs), durationMs, 600_000, 100_000, 3_000);

    assertThat(chunks).hasSizeGreaterThanOrEqualTo(18);
    for (Chunk c : chunks) {
      assertThat(c.endMs() - c.audioStartMs()).isLessThanOrEqualTo(100_000);
      assertThat(c.audioStartMs()).isEqualTo(Math.max(0, c.startMs() - 3_000));
    }
  }

  @Test
  void shortMediaIsOneChunk() {
    List<Chunk> chunks = ChunkPlanner.plan(new float[1000], 10_000, 30_000, 0, 0);

    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).startMs()).isZero();
    assertThat(chunks.get(0).endMs()).isEqualTo(10_000);
    assertThat(chunks.get(0)).hasToString("chunk 1 of 1 (00:00:00.000–00:00:10.000)");
  }

  @Test
  void audioWithoutPausesIsCutAtTheQuietestMoment() {
    float[] levels = new float[12_000]; // 120 s of speech without a pause; one dip at 50 s
    java.util.Arrays.fill(levels, 5000f);
    levels[5_000] = 900f;
    List<Chunk> chunks = ChunkPlanner.plan(levels, 120_000, 60_000, 0, 0);

    assertThat(chunks).hasSize(2);
    assertThat(chunks.get(1).startMs()).isEqualTo(50_000);
  }
}
