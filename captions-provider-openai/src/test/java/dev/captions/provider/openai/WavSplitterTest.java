package dev.captions.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.InvalidMediaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavSplitterTest {
  @TempDir Path dir;

  /** A WAV with a LIST chunk before the data (as ffmpeg writes) and the given format. */
  private Path wav(int formatTag, int channels, int bits, byte[] data) throws IOException {
    int rate = 8000;
    int blockAlign = channels * bits / 8;
    byte[] list = "INFOISFT\u0004\u0000\u0000\u0000abc\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    ByteBuffer b = ByteBuffer.allocate(12 + 24 + 8 + list.length + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) formatTag).putShort((short) channels).putInt(rate)
        .putInt(rate * blockAlign).putShort((short) blockAlign).putShort((short) bits);
    b.put("LIST".getBytes()).putInt(list.length).put(list);
    b.put("data".getBytes()).putInt(data.length).put(data);
    Path p = dir.resolve("in.wav");
    Files.write(p, b.array());
    return p;
  }

  @Test
  void stereoPiecesAreValidWavsThatAddUpToTheWholeAndCutAtSilence() throws IOException {
    // 8 kHz stereo 16-bit: 10 s; loud everywhere except 200 ms of silence at 3.0-3.2 s.
    int frames = 80_000;
    ByteBuffer pcm = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int f = 0; f < frames; f++) {
      short v = f >= 24_000 && f < 25_600 ? 0 : (short) (f % 16 < 8 ? 12000 : -12000);
      pcm.putShort(v).putShort(v);
    }
    Path in = wav(1, 2, 16, pcm.array());
    // ~3.5 s of audio per piece: the search window (the last half of it) holds the silence at 3.0-3.2 s.
    long maxBytes = 44 + 3_500 * 32;

    List<WavSplitter.Piece> pieces = WavSplitter.split(in, maxBytes, dir);

    assertThat(pieces.get(0).offsetMs).isZero();
    assertThat(pieces.get(1).offsetMs).isBetween(3000L, 3200L);
    long total = 0;
    for (WavSplitter.Piece p : pieces) {
      assertThat(Files.size(p.file)).isLessThanOrEqualTo(maxBytes);
      try (FileChannel ch = FileChannel.open(p.file, StandardOpenOption.READ)) {
        WavSplitter.Format f = WavSplitter.readFormat(ch, p.file);
        assertThat(f.channels).isEqualTo(2);
        assertThat(f.sampleRate).isEqualTo(8000);
        total += f.dataBytes;
      }
    }
    assertThat(total).isEqualTo(frames * 4L);
    for (int i = 1; i < pieces.size(); i++) {
      assertThat(pieces.get(i).offsetMs).isEqualTo(pieces.get(i - 1).offsetMs + pieces.get(i - 1).durationMs);
    }
  }

  @Test
  void compressedWavIsRejectedWithTheFix() throws IOException {
    Path in = wav(0x55, 1, 16, new byte[1000]); // MPEG layer 3 in a WAV container
    assertThatThrownBy(() -> WavSplitter.split(in, 70_000, dir))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("PCM");
  }

  @Test
  void notAWavIsRecognised() throws IOException {
    Path mp3 = dir.resolve("a.mp3");
    Files.write(mp3, new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, 0, 0});
    assertThat(WavSplitter.isWav(mp3)).isFalse();
  }
}
