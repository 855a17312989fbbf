package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.InvalidMediaException;
import dev.captions.model.MediaSource;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.testkit.logs.LogCapture;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
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

  @Test
  void streamHeadersAreCheckedLikeFilesWithTheSameTypedErrors() {
    Map<String, byte[]> bad = new LinkedHashMap<>();
    bad.put("not a WAV file", "not audio at all".getBytes(StandardCharsets.UTF_8));
    bad.put("empty (0 bytes)", new byte[0]);
    bad.put("44100 Hz, 2 channels", TestAudio.wav(1, 2, 44_100, 16, new byte[400]));
    bad.put("8-bit", TestAudio.wav(1, 1, 16_000, 8, new byte[100]));
    bad.put("8000 Hz", TestAudio.wav(1, 1, 8_000, 16, new byte[100]));
    ByteBuffer dataFirst = ByteBuffer.allocate(12 + 8 + 4 + 8 + 16).order(ByteOrder.LITTLE_ENDIAN);
    dataFirst.put(ascii("RIFF")).putInt(dataFirst.capacity() - 8).put(ascii("WAVE"));
    dataFirst.put(ascii("data")).putInt(4).putInt(0);
    dataFirst.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(16_000).putInt(32_000)
        .putShort((short) 2).putShort((short) 16);
    bad.put("'data' chunk comes before the 'fmt ' chunk", dataFirst.array());
    bad.put("no 'data' chunk", Arrays.copyOf(TestAudio.wav16k(new short[10]), 36));
    byte[] shortFmt = Arrays.copyOf(TestAudio.wav16k(new short[0]), 30);
    bad.put("'fmt ' chunk is truncated", shortFmt);
    bad.put("no 'fmt ' chunk", Arrays.copyOf(TestAudio.wav16k(new short[0]), 12));

    bad.forEach((why, bytes) -> {
      InvalidMediaException fromStream = catchInvalid(() -> WavAudio.open(stream(bytes, "in.wav")));
      InvalidMediaException fromFile = catchInvalid(() -> WavAudio.parse(ByteBuffer.wrap(bytes), "in.wav"));
      assertThat(fromStream).as(why).hasMessageContaining(why).hasMessageContaining("in.wav")
          .hasMessageContaining("ffmpeg -i INPUT");
      assertThat(fromStream.getMessage()).as(why).isEqualTo(fromFile.getMessage());
      assertThat(fromStream.reason()).as(why).isEqualTo(fromFile.reason())
          .isEqualTo(bytes.length == 0 ? InvalidMediaException.Reason.EMPTY : InvalidMediaException.Reason.NOT_MEDIA);
    });
  }

  @Test
  void aStreamGivesTheFileSamplesWhateverSizeItsReadsReturn() {
    byte[] wav = TestAudio.wav16k(TestAudio.speechSamples());
    RecordingStream in = new RecordingStream(new ByteArrayInputStream(wav), 333); // odd: splits samples across reads
    WavAudio.Samples samples = WavAudio.open(MediaSource.of(in, "speech.wav", null));
    assertThat(samples.announcedCount()).isEqualTo((wav.length - 44) / 2);
    assertThat(readAll(samples)).isEqualTo(TestAudio.speechSamples());
    assertThat(samples.readCount()).isEqualTo((wav.length - 44) / 2);
    assertThat(in.consumed()).isEqualTo(wav.length);
    assertThat(in.closed()).as("the caller owns the stream").isFalse();
  }

  @Test
  void aStreamWithUnknownDataSizeIsReadToTheEndDroppingAnOddTrailingByte() {
    for (int unknown : new int[] {0, 0xFFFFFFFF}) {
      byte[] wav = Arrays.copyOf(TestAudio.wav16k(new short[] {5, -6, 7, 8}), 44 + 8 + 1);
      wav[52] = 0x7F; // half a sample at the end
      ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putInt(40, unknown);
      RecordingStream in = new RecordingStream(new ByteArrayInputStream(wav));
      WavAudio.Samples samples = WavAudio.open(MediaSource.of(in, "pipe.wav", null));
      assertThat(samples.announcedCount()).isEqualTo(-1);
      assertThat(readAll(samples)).containsExactly(5, -6, 7, 8);
      assertThat(in.consumed()).isEqualTo(wav.length);
      assertThat(WavAudio.parse(ByteBuffer.wrap(wav), "pipe.wav").sampleCount()).isEqualTo(4);
    }
  }

  @Test
  void aTruncatedStreamOrFileGivesWhatArrivedAndWarnsHowMuchIsMissing() {
    short[] second = new short[16_000];
    Arrays.fill(second, (short) 3);
    byte[] wav = TestAudio.wav16k(second);
    byte[] cut = Arrays.copyOf(wav, 44 + 2 * 4_000); // a quarter of the announced second arrived

    short[][] read = new short[1][];
    String streamLog = logOf(() -> read[0] = readAll(WavAudio.open(stream(cut, "cut.wav"))));
    assertThat(read[0]).hasSize(4_000).containsOnly((short) 3);
    assertThat(streamLog).contains("WARN").contains("cut.wav is truncated").contains("32000 bytes of audio (1000 ms)")
        .contains("8000 bytes (250 ms) arrived").contains("750 ms of audio are missing");

    String fileLog = logOf(() -> assertThat(WavAudio.parse(ByteBuffer.wrap(cut), "cut.wav").sampleCount())
        .isEqualTo(4_000));
    assertThat(fileLog).contains("WARN").contains("750 ms of audio are missing");
    assertThat(logOf(() -> readAll(WavAudio.open(stream(wav, "whole.wav"))))).doesNotContain("truncated");
  }

  @Test
  void chunksAfterTheDataAreReadSoThatTheStreamIsReadToItsEnd() {
    byte[] wav = TestAudio.wav16k(new short[] {1, 2});
    byte[] list = new byte[] {'L', 'I', 'S', 'T', 4, 0, 0, 0, 'a', 'b', 'c', 'd'};
    byte[] both = Arrays.copyOf(wav, wav.length + list.length);
    System.arraycopy(list, 0, both, wav.length, list.length);
    RecordingStream in = new RecordingStream(new ByteArrayInputStream(both));
    assertThat(readAll(WavAudio.open(MediaSource.of(in, "tagged.wav", null)))).containsExactly(1, 2);
    assertThat(in.consumed()).isEqualTo(both.length);
    assertThat(in.closed()).isFalse();
  }

  @Test
  void aLongStreamIsReadABlockAtATimeNeverWhole() {
    byte[] wav = tone(10 * 60); // 10 minutes: 19.2 MB, what the long-media engine hands over per chunk
    RecordingStream in = new RecordingStream(new ByteArrayInputStream(wav));
    WavAudio.Samples samples = WavAudio.open(MediaSource.of(in, "chunk.wav", null));
    short[] block = new short[ChunkDecoder.BLOCK_SAMPLES];
    long count = 0;
    long mostAhead = 0; // bytes taken from the stream beyond the header and the samples handed out
    for (int n; (n = samples.read(block)) > 0; ) {
      count += n;
      mostAhead = Math.max(mostAhead, in.consumed() - 44 - count * 2);
    }
    assertThat(count).isEqualTo(10 * 60 * 16_000L);
    assertThat(mostAhead).as("bytes read ahead of the samples handed out").isLessThanOrEqualTo(2L * block.length * 2);
    assertThat(in.consumed()).isEqualTo(wav.length);
    assertThat(in.largestRequest()).as("bytes asked for in one read").isLessThanOrEqualTo(2L * block.length * 2);
  }

  /** A 440 Hz tone of {@code seconds} as 16 kHz mono WAV bytes. */
  static byte[] tone(int seconds) {
    short[] s = new short[seconds * 16_000];
    for (int i = 0; i < s.length; i++) s[i] = (short) (3000 * Math.sin(2 * Math.PI * 440 * i / 16_000.0));
    return TestAudio.wav16k(s);
  }

  private static short[] readAll(WavAudio.Samples samples) {
    short[] block = new short[ChunkDecoder.BLOCK_SAMPLES];
    short[] out = new short[0];
    for (int n; (n = samples.read(block)) > 0; ) {
      out = Arrays.copyOf(out, out.length + n);
      System.arraycopy(block, 0, out, out.length - n, n);
    }
    return out;
  }

  private static MediaSource stream(byte[] bytes, String name) {
    return MediaSource.of(new ByteArrayInputStream(bytes), name, null);
  }

  private static InvalidMediaException catchInvalid(Runnable call) {
    try {
      call.run();
    } catch (InvalidMediaException e) {
      return e;
    }
    throw new AssertionError("no InvalidMediaException");
  }

  /** What is logged while {@code call} runs. */
  private static String logOf(Runnable call) {
    try (LogCapture log = new LogCapture()) {
      call.run();
      return log.text();
    }
  }

  private static void transcribe(byte[] wav, String name) {
    VOSK.transcribe(MediaSource.of(new ByteArrayInputStream(wav), name, null), TranscriptionOptions.defaults());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
