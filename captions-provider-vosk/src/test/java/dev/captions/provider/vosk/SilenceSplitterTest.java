package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ShortBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SilenceSplitterTest {
  private static final int RATE = WavAudio.SAMPLE_RATE_HZ;

  /** Bursts of noise ("speech") of {@code speechMs}, separated by {@code pauseMs} of near-silence. */
  private static short[] bursts(int count, int speechMs, int pauseMs) {
    short[] s = new short[count * (speechMs + pauseMs) * RATE / 1000];
    Random r = new Random(1);
    for (int i = 0; i < s.length; i++) {
      long ms = i * 1000L / RATE;
      boolean speech = ms % (speechMs + pauseMs) < speechMs;
      s[i] = (short) (r.nextGaussian() * (speech ? 3000 : 15));
    }
    return s;
  }

  @Test
  void cutsOnlyInsidePausesAndCoversEverySampleOnce() {
    int speechMs = 2300;
    int pauseMs = 700;
    short[] audio = bursts(20, speechMs, pauseMs);
    List<SilenceSplitter.Chunk> chunks = new SilenceSplitter(10_000, 300).split(ShortBuffer.wrap(audio));

    assertThat(chunks).hasSizeBetween(4, 8);
    assertThat(chunks.get(0).startSample).isZero();
    assertThat(chunks.get(chunks.size() - 1).endSample).isEqualTo(audio.length);
    for (int i = 1; i < chunks.size(); i++) {
      int cut = chunks.get(i).startSample;
      assertThat(cut).isEqualTo(chunks.get(i - 1).endSample);
      long ms = cut * 1000L / RATE;
      long inCycle = ms % (speechMs + pauseMs);
      assertThat(inCycle).as("cut at %d ms", ms).isBetween((long) speechMs + 100, (long) speechMs + pauseMs - 100);
    }
    for (SilenceSplitter.Chunk c : chunks) {
      assertThat(c.length()).isBetween(5 * RATE, 15 * RATE);
    }
  }

  @Test
  void shortAudioOrSplittingOffGivesOneChunk() {
    short[] audio = bursts(4, 2000, 500);
    assertThat(new SilenceSplitter(30_000, 300).split(ShortBuffer.wrap(audio))).hasSize(1);
    assertThat(new SilenceSplitter(0, 300).split(ShortBuffer.wrap(bursts(40, 2000, 500)))).hasSize(1);
  }

  @Test
  void withoutPausesItStillCutsAtTheQuietestPlace() {
    short[] audio = new short[60 * RATE];
    for (int i = 0; i < audio.length; i++) audio[i] = (short) (Math.sin(i / 5.0) * (2000 + 1500 * Math.sin(i / 40_000.0)));
    List<SilenceSplitter.Chunk> chunks = new SilenceSplitter(20_000, 300).split(ShortBuffer.wrap(audio));
    assertThat(chunks).hasSizeGreaterThan(1);
    int covered = chunks.stream().mapToInt(SilenceSplitter.Chunk::length).sum();
    assertThat(covered).isEqualTo(audio.length);
  }

  @Test
  void digitalSilenceIsSilent() {
    boolean[] silent = SilenceSplitter.silentFrames(new double[] {0, 0, 0, 2000, 2500, 0, 1800});
    assertThat(silent).containsExactly(true, true, true, false, false, true, false);
  }
}
