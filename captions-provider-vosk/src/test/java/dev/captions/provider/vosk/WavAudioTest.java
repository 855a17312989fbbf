package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.InvalidMediaException;
import dev.captions.model.MediaSource;
import dev.captions.spi.TranscriptionOptions;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Anything but 16 kHz mono 16-bit PCM WAV is refused before the model is touched, with the fix in the message. */
class WavAudioTest {
  private static final VoskTranscriber VOSK = TestAudio.transcriber().build();

  @TempDir Path dir;

  @Test
  void readsTheSamplesOfACanonicalFile() {
    WavAudio wav = WavAudio.parse(ByteBuffer.wrap(TestAudio.wav16k(new short[] {1, -2, 300})), "x.wav");
    assertThat(wav.sampleCount()).isEqualTo(3);
    assertThat(wav.samples().get(1)).isEqualTo((short) -2);
    assertThat(wav.samples().get(2)).isEqualTo((short) 300);
  }

  @Test
  void streamedHeaderWithUnknownDataSizeReadsToTheEnd() {
    byte[] bytes = TestAudio.wav16k(new short[] {5, 6, 7, 8});
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFFFFFF); // what ffmpeg writes to a pipe
    assertThat(WavAudio.parse(ByteBuffer.wrap(bytes), "pipe.wav").sampleCount()).isEqualTo(4);
  }

  @Test
  void skipsChunksBeforeTheDataAndAcceptsExtensiblePcm() {
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + 40 + 8 + 4 + 8 + 4).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(b.capacity() - 8).put(ascii("WAVE"));
    b.put(ascii("fmt ")).putInt(40).putShort((short) 0xFFFE).putShort((short) 1).putInt(16_000).putInt(32_000)
        .putShort((short) 2).putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(4)
        .putShort((short) 1).put(new byte[14]);
    b.put(ascii("LIST")).putInt(3).put(new byte[] {1, 2, 3, 0}); // odd size, padded
    b.put(ascii("data")).putInt(4).putShort((short) 9).putShort((short) 10);
    WavAudio wav = WavAudio.parse(ByteBuffer.wrap(b.array()), "ext.wav");
    assertThat(wav.sampleCount()).isEqualTo(2);
    assertThat(wav.samples().get(0)).isEqualTo((short) 9);
  }

  @Test
  void cdQualityStereoIsRefusedNamingTheFormatAndTheFix() {
    byte[] wav = TestAudio.wav(1, 2, 44_100, 16, new byte[400]);
    assertThatThrownBy(() -> transcribe(wav, "song.wav"))
        .isInstanceOf(InvalidMediaException.class)
        .hasMessageContaining("16 kHz mono 16-bit PCM WAV")
        .hasMessageContaining("44100 Hz, 2 channels")
        .hasMessageContaining("ffmpeg")
        .hasMessageContaining("song.wav");
  }

  @Test
  void eightBitAndFloatAndOtherRatesAreRefused() {
    assertThatThrownBy(() -> transcribe(TestAudio.wav(1, 1, 16_000, 8, new byte[100]), "a.wav"))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("8-bit");
    assertThatThrownBy(() -> transcribe(TestAudio.wav(3, 1, 16_000, 32, new byte[100]), "b.wav"))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("format code 3");
    assertThatThrownBy(() -> transcribe(TestAudio.wav(1, 1, 8_000, 16, new byte[100]), "c.wav"))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("8000 Hz");
  }

  @Test
  void notAWavFileEmptyAndTruncatedAreRefused() {
    assertThatThrownBy(() -> transcribe("not audio at all".getBytes(StandardCharsets.UTF_8), "notes.txt"))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("not a WAV file")
        .extracting(e -> ((InvalidMediaException) e).reason()).isEqualTo(InvalidMediaException.Reason.NOT_MEDIA);
    assertThatThrownBy(() -> transcribe(new byte[0], "empty.wav"))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("empty (0 bytes)")
        .extracting(e -> ((InvalidMediaException) e).reason()).isEqualTo(InvalidMediaException.Reason.EMPTY);
    byte[] headerOnly = java.util.Arrays.copyOf(TestAudio.wav16k(new short[10]), 36);
    assertThatThrownBy(() -> transcribe(headerOnly, "cut.wav"))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("no 'data' chunk");
  }

  @Test
  void missingFileAndDirectoryAreRefused() {
    assertThatThrownBy(() -> VOSK.transcribe(MediaSource.of(dir.resolve("nope.wav")), TranscriptionOptions.defaults()))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("not found").hasMessageContaining("nope.wav")
        .extracting(e -> ((InvalidMediaException) e).reason()).isEqualTo(InvalidMediaException.Reason.NOT_FOUND);
    assertThatThrownBy(() -> VOSK.transcribe(MediaSource.of(dir), TranscriptionOptions.defaults()))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("is a directory");
  }

  @Test
  void aVideoFileIsRefused() throws Exception {
    Path mp4 = dir.resolve("clip.mp4");
    Files.write(mp4, new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2', 0, 0, 0, 0});
    assertThatThrownBy(() -> VOSK.transcribe(MediaSource.of(mp4), TranscriptionOptions.defaults()))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("clip.mp4")
        .hasMessageContaining("captions-media-ffmpeg");
  }

  private static void transcribe(byte[] wav, String name) {
    VOSK.transcribe(MediaSource.of(new ByteArrayInputStream(wav), name, null), TranscriptionOptions.defaults());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
