package dev.captions.chunking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.AuthenticationException;
import dev.captions.ProgressEvent;
import dev.captions.ProviderException;
import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChunkedTranscriberTest {
  static final long DURATION_MS = 240_000;
  @TempDir static Path dir;
  static Path wav;
  static List<TimedWord> truth;

  @BeforeAll
  static void writeAudio() throws IOException {
    truth = SyntheticSpeech.words(DURATION_MS, 42);
    wav = SyntheticSpeech.write(dir.resolve("speech.wav"), truth, DURATION_MS);
  }

  /** A "recogniser" of the test audio's tone bursts, counting calls in flight, optionally failing or blocking. */
  static class ToneTranscriber implements Transcriber {
    final String name;
    final ChunkLimits limits;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger interrupted = new AtomicInteger();
    final List<String> received = Collections.synchronizedList(new ArrayList<>());
    volatile long sleepMs = 30;

    ToneTranscriber(String name, ChunkLimits limits) {
      this.name = name;
      this.limits = limits;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public ChunkLimits chunkLimits() {
      return limits;
    }

    Transcript fail(int call, MediaSource audio) {
      return null;
    }

    @Override
    public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
      int call = calls.incrementAndGet();
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      received.add(audio.name() + " " + audio.mimeType().orElse("?"));
      try {
        Transcript failed = fail(call, audio);
        if (failed != null) return failed;
        options.progress().onProgress(ProgressEvent.of(dev.captions.PipelineStage.TRANSCRIBE, 0.5, "half"));
        Thread.sleep(sleepMs);
        List<TimedWord> words = new ArrayList<>();
        try (InputStream in = audio.isFile() ? Files.newInputStream(audio.path()) : audio.stream()) {
          for (long[] w : SyntheticSpeech.recognise(in)) words.add(TimedWord.of("?", w[0], w[1]));
        }
        return Transcript.builder().words(words).language("en").build();
      } catch (InterruptedException e) {
        interrupted.incrementAndGet();
        Thread.currentThread().interrupt();
        throw new CancellationException("cancelled");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  /** "Encodes" chunks by copying the WAV range to the output file, as FFmpeg would write an Opus file there. */
  static class CopyingProcessor implements MediaProcessor {
    final List<Path> written = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger encoding = new AtomicInteger();
    final AtomicInteger maxEncoding = new AtomicInteger();
    volatile long sleepMs;

    /** Called before a chunk is written; may throw to fail its encoding. */
    void before(AudioOptions options) {}

    @Override
    public String name() {
      return "copy";
    }

    @Override
    public Set<MediaOperation> operations() {
      return EnumSet.of(MediaOperation.EXTRACT_AUDIO);
    }

    @Override
    public Set<AudioOptions.Format> audioFormats() {
      return EnumSet.of(AudioOptions.Format.WAV_16K_MONO, AudioOptions.Format.OGG_OPUS);
    }

    @Override
    public MediaRef extractAudio(MediaSource media, AudioOptions options) {
      Path out = options.output().orElseThrow();
      maxEncoding.accumulateAndGet(encoding.incrementAndGet(), Math::max);
      try (InputStream in = PcmWav.open(media.path()).slice(options.startMs(), options.endMs().orElseThrow())) {
        before(options);
        Thread.sleep(sleepMs);
        Files.copy(in, out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("cancelled");
      } finally {
        encoding.decrementAndGet();
      }
      written.add(out);
      return MediaRef.of(MediaSource.of(out).withMimeType(options.format().mimeType()), name(), null);
    }
  }

  static ChunkLimits limits(int concurrency) {
    return ChunkLimits.builder().preferredChunkMs(20_000).maxConcurrency(concurrency).build();
  }

  @Test
  void transcribesConcurrentlyWithinTheBoundAndPutsEveryWordBackAtItsTime() {
    ToneTranscriber tone = new ToneTranscriber("tone", limits(3));
    List<ProgressEvent> progress = Collections.synchronizedList(new ArrayList<>());
    ChunkedTranscriber engine = ChunkedTranscriber.builder(tone).build();

    Transcript t = engine.transcribe(MediaSource.of(wav), TranscriptionOptions.builder().progress(progress::add).build());

    assertThat(tone.calls.get()).isGreaterThanOrEqualTo(12); // 240 s in chunks of about 20 s
    assertThat(tone.maxInFlight.get()).isEqualTo(3);
    assertThat(t.words()).hasSameSizeAs(truth);
    for (int i = 0; i < truth.size(); i++) {
      assertThat(t.words().get(i).startMs()).isCloseTo(truth.get(i).startMs(), org.assertj.core.data.Offset.offset(10L));
      assertThat(t.words().get(i).endMs()).isCloseTo(truth.get(i).endMs(), org.assertj.core.data.Offset.offset(10L));
    }
    assertThat(t.mediaDurationMs()).hasValue(DURATION_MS);
    assertThat(t.providerMetadata().get("chunks")).isEqualTo(String.valueOf(tone.calls.get()));
    assertThat(progress).extracting(ProgressEvent::fraction).isSorted().endsWith(1.0);
    assertThat(progress.get(progress.size() - 1).message()).isEqualTo("00:04:00.000 of 00:04:00.000 transcribed ("
        + tone.calls.get() + "/" + tone.calls.get() + " chunks)");
  }

  @Test
  void theLeadInIsHeardButItsWordsAreNotKept() {
    ToneTranscriber tone = new ToneTranscriber("tone", limits(2).toBuilder().leadInMs(3_000).build());

    Transcript t = ChunkedTranscriber.builder(tone).build().transcribe(MediaSource.of(wav), TranscriptionOptions.defaults());

    assertThat(t.words()).hasSameSizeAs(truth);
    for (int i = 0; i < truth.size(); i++) {
      assertThat(t.words().get(i).startMs()).isCloseTo(truth.get(i).startMs(), org.assertj.core.data.Offset.offset(10L));
    }
  }

  @Test
  void theBoundCanBeOverriddenPerProvider() {
    String name = "tone-override-" + System.nanoTime();
    System.setProperty("captions." + name + ".maxConcurrency", "1");
    try {
      ToneTranscriber tone = new ToneTranscriber(name, limits(4));
      ChunkedTranscriber engine = ChunkedTranscriber.builder(tone).build();
      engine.transcribe(MediaSource.of(wav), TranscriptionOptions.defaults());

      assertThat(engine.maxConcurrency()).isEqualTo(1);
      assertThat(tone.maxInFlight.get()).isEqualTo(1);
    } finally {
      System.clearProperty("captions." + name + ".maxConcurrency");
    }
  }

  @Test
  void chunksAreSizedUnderTheUploadLimitAndSentInTheCompressedFormatTheProcessorWrites() throws IOException {
    ChunkLimits limits = ChunkLimits.builder().maxBytes(1_000_000).maxConcurrency(4)
        .uploadFormats(AudioOptions.Format.FLAC, AudioOptions.Format.OGG_OPUS, AudioOptions.Format.WAV_16K_MONO).build();
    ToneTranscriber tone = new ToneTranscriber("tone", limits);
    CopyingProcessor processor = new CopyingProcessor();
    Path temp = Files.createDirectories(dir.resolve("tmp-size"));
    ChunkedTranscriber engine = ChunkedTranscriber.builder(tone).mediaProcessor(processor).temporaryDirectory(temp).build();

    assertThat(engine.uploadFormat()).isEqualTo(AudioOptions.Format.OGG_OPUS); // FLAC: the processor cannot write it
    Transcript t = engine.transcribe(MediaSource.of(wav), TranscriptionOptions.defaults());

    assertThat(t.words()).hasSameSizeAs(truth);
    assertThat(tone.received).allMatch(r -> r.endsWith(".ogg audio/ogg"));
    // 4 bytes/ms planned for Opus: 1 MB with headroom is ~225 s, so the 240 s file still comes in 4 busy chunks
    assertThat(tone.calls.get()).isEqualTo(4);
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void encodingIsBoundedSeparatelyAndRunsAheadOfTheRequests() throws IOException {
    ToneTranscriber tone = new ToneTranscriber("tone", limits(6).toBuilder()
        .uploadFormats(AudioOptions.Format.OGG_OPUS).build());
    tone.sleepMs = 200;
    CopyingProcessor processor = new CopyingProcessor();
    processor.sleepMs = 20;
    Path temp = Files.createDirectories(dir.resolve("tmp-ahead"));
    Transcript t = ChunkedTranscriber.builder(tone).mediaProcessor(processor).encodingThreads(2)
        .temporaryDirectory(temp).build().transcribe(MediaSource.of(wav), TranscriptionOptions.defaults());

    assertThat(t.words()).hasSameSizeAs(truth);
    assertThat(processor.maxEncoding.get()).isEqualTo(2); // two encodings at a time, not one per request slot
    assertThat(tone.maxInFlight.get()).isEqualTo(6); // while six requests were in flight
    assertThat(processor.written).hasSize(tone.calls.get());
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aResentChunkIsNotEncodedAgain() {
    ToneTranscriber flaky = new ToneTranscriber("tone", limits(2).toBuilder()
        .uploadFormats(AudioOptions.Format.OGG_OPUS).build()) {
      @Override
      Transcript fail(int call, MediaSource audio) {
        if (call == 1) throw new ProviderException("tone", "overloaded", 503, "req-1", true, null);
        return null;
      }
    };
    CopyingProcessor processor = new CopyingProcessor();
    Transcript t = ChunkedTranscriber.builder(flaky).mediaProcessor(processor).retryDelay(Duration.ofMillis(1)).build()
        .transcribe(MediaSource.of(wav), TranscriptionOptions.defaults());

    assertThat(t.words()).hasSameSizeAs(truth);
    assertThat(flaky.calls.get()).isEqualTo(processor.written.size() + 1);
  }

  @Test
  void aChunkThatCannotBeEncodedFailsTheRunNamingItAndLeavesNoFiles() throws IOException {
    ToneTranscriber tone = new ToneTranscriber("tone", limits(3).toBuilder()
        .uploadFormats(AudioOptions.Format.OGG_OPUS).build());
    CopyingProcessor processor = new CopyingProcessor() {
      @Override
      void before(AudioOptions options) {
        if (options.output().orElseThrow().endsWith("chunk-0002.ogg")) {
          throw new IllegalStateException("encoder crashed");
        }
      }
    };
    Path temp = Files.createDirectories(dir.resolve("tmp-encode-fail"));
    assertThatThrownBy(() -> ChunkedTranscriber.builder(tone).mediaProcessor(processor).temporaryDirectory(temp).build()
        .transcribe(MediaSource.of(wav), TranscriptionOptions.defaults()))
        .isInstanceOf(ChunkFailedException.class)
        .hasMessageStartingWith("tone: chunk 3 of ")
        .hasMessageContaining("could not be encoded for upload: encoder crashed")
        .satisfies(e -> assertThat(((ChunkFailedException) e).attempts()).isZero());
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aRetryableFailureIsSentAgainAndAPersistentOneFailsTheRunNamingTheChunk() {
    ToneTranscriber flaky = new ToneTranscriber("tone", limits(2)) {
      @Override
      Transcript fail(int call, MediaSource audio) {
        if (call == 1) throw new ProviderException("tone", "overloaded", 503, "req-1", true, null);
        return null;
      }
    };
    Transcript t = ChunkedTranscriber.builder(flaky).retryDelay(Duration.ofMillis(1)).build()
        .transcribe(MediaSource.of(wav), TranscriptionOptions.defaults());
    assertThat(t.words()).hasSameSizeAs(truth);

    ToneTranscriber broken = new ToneTranscriber("tone", limits(2)) {
      @Override
      Transcript fail(int call, MediaSource audio) {
        if (audio.name().equals("chunk-0003.wav")) throw new ProviderException("tone", "overloaded", 503, null, true, null);
        return null;
      }
    };
    assertThatThrownBy(() -> ChunkedTranscriber.builder(broken).attempts(2).retryDelay(Duration.ofMillis(1)).build()
        .transcribe(MediaSource.of(wav), TranscriptionOptions.defaults()))
        .isInstanceOf(ChunkFailedException.class)
        .hasMessageStartingWith("tone: chunk 4 of ")
        .hasMessageContaining("failed after 2 attempts: tone: overloaded (HTTP 503)")
        .satisfies(e -> assertThat(((ChunkFailedException) e).chunk().index()).isEqualTo(3));
  }

  @Test
  void anAuthenticationFailureIsNotRetriedAndKeepsItsType() {
    ToneTranscriber denied = new ToneTranscriber("tone", limits(2)) {
      @Override
      Transcript fail(int call, MediaSource audio) {
        throw new AuthenticationException("tone", "invalid key", 401, null);
      }
    };
    assertThatThrownBy(() -> ChunkedTranscriber.builder(denied).build()
        .transcribe(MediaSource.of(wav), TranscriptionOptions.defaults()))
        .isInstanceOf(AuthenticationException.class);
    assertThat(denied.calls.get()).isLessThanOrEqualTo(2);
  }

  @Test
  void cancellingMidRunStopsEveryChunkAndLeavesNoTemporaryFiles() throws Exception {
    ToneTranscriber slow = new ToneTranscriber("tone", limits(3).toBuilder()
        .uploadFormats(AudioOptions.Format.OGG_OPUS).build());
    slow.sleepMs = 60_000;
    CopyingProcessor processor = new CopyingProcessor();
    Path temp = Files.createDirectories(dir.resolve("tmp-cancel"));
    ChunkedTranscriber engine = ChunkedTranscriber.builder(slow).mediaProcessor(processor).temporaryDirectory(temp).build();
    CountDownLatch started = new CountDownLatch(1);
    Thread caller = new Thread(() -> {
      started.countDown();
      assertThatThrownBy(() -> engine.transcribe(MediaSource.of(wav), TranscriptionOptions.defaults()))
          .isInstanceOf(CancellationException.class);
    });
    caller.start();
    started.await();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (slow.inFlight.get() < 3 && System.nanoTime() < deadline) Thread.sleep(10);
    assertThat(slow.inFlight.get()).isEqualTo(3);
    try (Stream<Path> during = Files.walk(temp)) {
      // the three chunks in flight, and the chunks encoded ahead of their turn
      assertThat(during.filter(Files::isRegularFile).count()).isGreaterThanOrEqualTo(3);
    }

    caller.interrupt();
    caller.join(10_000);

    assertThat(caller.isAlive()).isFalse();
    assertThat(slow.inFlight.get()).isZero();
    assertThat(slow.interrupted.get()).isEqualTo(3);
    assertThat(slow.calls.get()).isEqualTo(3); // no chunk started after the cancellation
    try (Stream<Path> left = Files.list(temp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void cancellingTheFutureOfAsyncTranscriptionStopsTheChunks() throws Exception {
    ToneTranscriber slow = new ToneTranscriber("tone", limits(2));
    slow.sleepMs = 60_000;
    CompletableFuture<Transcript> f = ChunkedTranscriber.builder(slow).build()
        .transcribeAsync(MediaSource.of(wav), TranscriptionOptions.defaults());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (slow.inFlight.get() < 2 && System.nanoTime() < deadline) Thread.sleep(10);

    f.cancel(true);

    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (slow.inFlight.get() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
    assertThat(slow.inFlight.get()).isZero();
    assertThat(slow.interrupted.get()).isEqualTo(2);
  }

  @Test
  void anUnsplittableTranscriberOrNonWavInputIsPassedThroughWhole() throws IOException {
    ToneTranscriber whole = new ToneTranscriber("tone", ChunkLimits.unchunked());
    Transcript t = ChunkedTranscriber.builder(whole).build().transcribe(MediaSource.of(wav), TranscriptionOptions.defaults());
    assertThat(whole.calls.get()).isEqualTo(1);
    assertThat(t.words()).hasSameSizeAs(truth);
    assertThat(whole.received).containsExactly("speech.wav audio/wav");
  }
}
