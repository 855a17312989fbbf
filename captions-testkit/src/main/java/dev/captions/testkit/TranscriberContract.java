package dev.captions.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.captions.ConfigurationException;
import dev.captions.model.MediaSource;
import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of a {@link Transcriber}; see {@link ProviderContract} for the checks and hooks. Invariants of every
 * transcript: words and segments have {@code 0 <= startMs <= endMs}, start in order, and are not blank. A transcriber
 * that cannot diarise refuses speakers ({@link TranscriptionOptions#checkSpeakersSupported}).
 */
public abstract class TranscriberContract extends ProviderContract<Transcriber, Transcript> {
  /** A temporary directory for sample media. */
  @TempDir
  protected Path tempDir;

  /**
   * The media to transcribe: a URL under the WireMock server when the provider accepts URLs, else a small WAV file
   * (one second of silence). Override to give real or provider-specific media.
   *
   * @return the media
   */
  protected MediaSource sampleMedia() {
    Transcriber t = provider();
    if (t.acceptedSources().contains(MediaSource.Kind.URL)) return MediaSource.ofUrl(wireMock.baseUrl() + "/media/talk.mp4");
    try {
      return MediaSource.of(Files.write(tempDir.resolve("silence.wav"), silentWav(16000)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #sampleMedia()}, made before each test (so that the interrupt test does not interrupt file writing). */
  protected MediaSource media;

  @BeforeEach
  void prepareSampleMedia() {
    media = sampleMedia();
  }

  /**
   * The options the call is made with; the defaults unless overridden.
   *
   * @return the options
   */
  protected TranscriptionOptions options() {
    return TranscriptionOptions.defaults();
  }

  /**
   * A transcriber that cannot diarise ({@link Transcriber#supportsSpeakers()} false) refuses speakers with a
   * {@link ConfigurationException} before any request, rather than returning a transcript without them.
   */
  @Test
  void speakersAreRefusedUnlessSupported() {
    Transcriber t = provider();
    assumeFalse(t.supportsSpeakers(), "this transcriber diarises");
    assertThatThrownBy(() -> t.transcribe(media, options().toBuilder().speakers(true).build()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + t.name() + "' cannot");
    if (usesHttp()) assertThat(wireMock.getAllServeEvents()).as("nothing sent").isEmpty();
  }

  @Override
  protected Transcript invoke(Transcriber provider) {
    return provider.transcribe(media, options());
  }

  @Override
  protected void verifyInvariants(Transcript t) {
    checkTimes(t.words().stream().map(w -> new long[] {w.startMs(), w.endMs()}).toList(), "word");
    checkTimes(t.segments().stream().map(s -> new long[] {s.startMs(), s.endMs()}).toList(), "segment");
    assertThat(t.words()).extracting(TimedWord::text).allSatisfy(s -> assertThat(s).isNotBlank());
    assertThat(t.segments()).extracting(Segment::text).allSatisfy(s -> assertThat(s).isNotBlank());
  }

  private static void checkTimes(List<long[]> spans, String what) {
    long previousStart = 0;
    for (long[] span : spans) {
      assertThat(span[0]).as("%s start", what).isGreaterThanOrEqualTo(0);
      assertThat(span[1]).as("%s end", what).isGreaterThanOrEqualTo(span[0]);
      assertThat(span[0]).as("%s starts in order", what).isGreaterThanOrEqualTo(previousStart);
      previousStart = span[0];
    }
  }

  /**
   * {@return a mono 16-bit PCM WAV of {@code samples} zero samples at 16 kHz}
   *
   * @param samples the number of samples
   */
  protected static byte[] silentWav(int samples) {
    int dataBytes = samples * 2;
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(44 + dataBytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + dataBytes)
        .put("WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
        .putShort((short) 1).putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16)
        .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(dataBytes);
    return b.array();
  }
}
