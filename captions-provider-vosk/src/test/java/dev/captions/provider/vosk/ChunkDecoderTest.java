package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.ProviderException;
import dev.captions.model.TimedWord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vosk's result JSON to words on the file's time line. */
class ChunkDecoderTest {
  @Test
  void shiftsWordsByTheChunkOffsetInSamplesAndDropsUnknownTokens() {
    List<TimedWord> out = new ArrayList<>();
    ChunkDecoder.addWords("{\"result\":[{\"conf\":0.93,\"end\":1.11,\"start\":0.87,\"word\":\"hello\"},"
        + "{\"conf\":1.0,\"end\":1.5,\"start\":1.2,\"word\":\"[unk]\"},"
        + "{\"conf\":1.0,\"end\":1.8,\"start\":1.5,\"word\":\"world\"}],\"text\":\"hello world\"}", 480_008, out);
    // 480 008 samples at 16 kHz = 30 000.5 ms.
    assertThat(out).containsExactly(TimedWord.of("hello", 30_871, 31_111, 0.93, null),
        TimedWord.of("world", 31_501, 31_801, 1.0, null));
  }

  @Test
  void silenceResultsAddNothing() {
    List<TimedWord> out = new ArrayList<>();
    ChunkDecoder.addWords("{\"text\":\"\"}", 0, out);
    assertThat(out).isEmpty();
  }

  @Test
  void garbageIsAProviderError() {
    assertThatThrownBy(() -> ChunkDecoder.addWords("{oops", 0, new ArrayList<>()))
        .isInstanceOf(ProviderException.class).hasMessageContaining("vosk");
  }
}
