package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.align.SpeechActivity;
import dev.captions.model.TimedWord;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeechOnlyAudioTest {
  @TempDir Path dir;

  /** A 16 kHz WAV: silence, then loud noise bursts at {@code bursts} ({@code {startMs, endMs}}), each sample marked. */
  private Path wav(long durationMs, long[]... bursts) throws Exception {
    short[] s = new short[(int) (durationMs * 16)];
    java.util.Random random = new java.util.Random(7);
    for (long[] b : bursts) {
      for (int i = (int) (b[0] * 16); i < b[1] * 16; i++) s[i] = (short) (random.nextBoolean() ? 8000 : -8000);
    }
    Path f = dir.resolve("a.wav");
    Files.write(f, TestAudio.wav16k(s));
    return f;
  }

  @Test
  void keepsTheSpeechWithMarginsAndMapsTimesBack() throws Exception {
    Path f = wav(20_000, new long[] {2_000, 4_000}, new long[] {4_150, 5_000}, new long[] {12_000, 13_000});
    SpeechActivity speech = SpeechActivity.detect(f);
    // The 150 ms hole is not a pause; the 7 s one is squeezed to the margins after and before speech.
    assertThat(SpeechOnlyAudio.PAUSE_MS).isGreaterThan(150);
    assertThat(SpeechOnlyAudio.LEAD_MS).isEqualTo(250);
    assertThat(SpeechOnlyAudio.TAIL_MS).isEqualTo(150);
    assertThat(SpeechOnlyAudio.spans(speech)).containsExactly(new long[] {1_750, 5_150}, new long[] {11_750, 13_150});

    Path written;
    try (SpeechOnlyAudio s = SpeechOnlyAudio.writeOrNull(f, speech)) {
      assertThat(s).isNotNull();
      written = s.file();
      assertThat(s.keptMs()).isEqualTo(3_400 + 1_400);
      assertThat(s.spanCount()).isEqualTo(2);
      // Exactly the original's samples, span after span.
      ShortBuffer in = WavAudio.map(f).samples();
      ShortBuffer out = WavAudio.map(written).samples();
      assertThat(out.remaining()).isEqualTo(4_800 * 16);
      boolean same = true;
      for (int i = 0; i < 3_400 * 16; i++) same &= out.get(i) == in.get(1_750 * 16 + i);
      for (int i = 0; i < 1_400 * 16; i++) same &= out.get(3_400 * 16 + i) == in.get(11_750 * 16 + i);
      assertThat(same).as("the kept samples are the original's").isTrue();

      assertThat(s.toSource(0)).isEqualTo(1_750);
      assertThat(s.toSource(3_399)).isEqualTo(5_149);
      assertThat(s.toSource(3_400)).isEqualTo(11_750);
      assertThat(s.toSource(3_650)).isEqualTo(12_000);
      List<TimedWord> heard = s.toSource(List.of(TimedWord.of("first", 250, 2_250, 0.9, null),
          TimedWord.of("last", 3_650, 4_650, 1.0, null), TimedWord.of("edge", 3_300, 3_400, 0.5, "A")));
      assertThat(heard.get(0)).isEqualTo(TimedWord.of("first", 2_000, 4_000, 0.9, null));
      assertThat(heard.get(1)).isEqualTo(TimedWord.of("last", 12_000, 13_000, 1.0, null));
      // A word that ends where its span ends keeps that span's clock (not the next span's start).
      assertThat(heard.get(2)).isEqualTo(TimedWord.of("edge", 5_050, 5_150, 0.5, "A"));
    }
    assertThat(written).doesNotExist();
  }

  @Test
  void audioThatIsMostlySpeechOrSilentIsDecodedAsItIs() throws Exception {
    Path f = wav(10_000, new long[] {200, 9_800});
    assertThat(SpeechOnlyAudio.writeOrNull(f, SpeechActivity.detect(f))).isNull();
    Path silent = wav(10_000);
    assertThat(SpeechOnlyAudio.writeOrNull(silent, SpeechActivity.detect(silent))).isNull();
  }
}
