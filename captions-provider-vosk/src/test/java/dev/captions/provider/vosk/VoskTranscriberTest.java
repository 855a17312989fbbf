package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.PipelineStage;
import dev.captions.ConfigurationException;
import dev.captions.ProgressEvent;
import dev.captions.chunking.ChunkedTranscriber;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.testkit.logs.LogCapture;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real decoding with the bundled model on the committed speech sample (espeak-ng, four sentences, 0.9 s pauses; see
 * src/test/resources/speech/generate.sh). The model is loaded once per JVM and shared by all tests.
 */
class VoskTranscriberTest {
  private static final VoskTranscriber VOSK = TestAudio.transcriber().build();
  private static Transcript speech;

  @BeforeAll
  static void transcribeSampleOnce() {
    speech = VOSK.transcribe(MediaSource.of(TestAudio.speechWav()), TranscriptionOptions.defaults());
  }

  @Test
  void recognisesTheScriptWithinTheWordErrorRateTarget() {
    List<String> reference = TestAudio.words(TestAudio.speechText());
    List<String> hypothesis = TestAudio.words(speech.text());
    double wer = TestAudio.wer(reference, hypothesis);
    assertThat(wer).as("WER of '%s'", speech.text()).isLessThanOrEqualTo(0.25);
    assertThat(speech.language()).isEqualTo("en");
    assertThat(speech.mediaDurationMs()).hasValue(13_784L);
  }

  @Test
  void wordTimesAreMonotonicAndWithinTheAudio() {
    List<TimedWord> words = speech.words();
    assertThat(words).isNotEmpty();
    long previousStart = -1;
    for (TimedWord w : words) {
      assertThat(w.startMs()).isGreaterThanOrEqualTo(previousStart);
      assertThat(w.endMs()).isGreaterThanOrEqualTo(w.startMs()).isLessThanOrEqualTo(speech.mediaDurationMs().orElseThrow());
      assertThat(w.confidence()).isBetween(0.0, 1.0);
      previousStart = w.startMs();
    }
    // The first sentence starts after the 0.3 s lead-in silence.
    assertThat(words.get(0).startMs()).isBetween(250L, 700L);
  }

  @Test
  void pausesBecomeSentencesWithCapitalsAndFullStops() {
    String text = speech.text();
    List<String> sentences = List.of(text.split("(?<=\\.) "));
    assertThat(sentences).as(text).hasSize(4);
    for (String s : sentences) {
      assertThat(Character.isUpperCase(s.charAt(0))).as(s).isTrue();
      assertThat(s).endsWith(".");
    }
    assertThat(speech.words().stream().map(TimedWord::text)).contains("I").doesNotContain("i", "i'll");
  }

  /**
   * Vosk itself is not bit-for-bit repeatable: two runs on this file may differ in a word ("I"/"I'll", "the"/"that",
   * "tomorrow"/"the role"), and a word's start may move by 10–30 ms (measured over 5 JVMs × 3 runs of each decoding,
   * see the module README). So the two decodings are compared by place and by normalised words, loosely enough for
   * that variance and tightly enough for what chunking can break: a word lost at a cut leaves a whole-file word with no
   * chunked word within 100 ms, a word decoded by two chunks leaves a chunked word with no whole-file one (or an
   * overlap). One unmatched word either way is Vosk's variance ("the role" for "tomorrow" splits one word in two); a
   * lost or duplicated word at each of the ≥ 2 cuts makes at least two.
   */
  @Test
  void chunkedDecodingFindsTheSameWordsAsOneRecogniser() {
    Transcript whole = TestAudio.transcriber().chunkDuration(Duration.ZERO).build()
        .transcribe(MediaSource.of(TestAudio.speechWav()), TranscriptionOptions.defaults());
    VoskTranscriber vosk = TestAudio.transcriber().chunkDuration(Duration.ofSeconds(4)).threads(4).build();
    Transcript chunked = ChunkedTranscriber.builder(vosk).build()
        .transcribe(MediaSource.of(TestAudio.speechWav()), TranscriptionOptions.defaults());

    assertThat(whole.providerMetadata()).doesNotContainKey("chunks");
    assertThat(Integer.parseInt(chunked.providerMetadata().get("chunks"))).isGreaterThanOrEqualTo(3);
    String both = whole.text() + "\nvs\n" + chunked.text();
    assertThat(TestAudio.unmatched(whole.words(), chunked.words(), 100)).as("lost by chunking: %s", both).hasSizeLessThanOrEqualTo(1);
    assertThat(TestAudio.unmatched(chunked.words(), whole.words(), 100)).as("added by chunking: %s", both)
        .hasSizeLessThanOrEqualTo(1);
    List<TimedWord> c = chunked.words();
    for (int i = 1; i < c.size(); i++) {
      assertThat(c.get(i).startMs()).as("%s overlaps %s", c.get(i), c.get(i - 1))
          .isGreaterThanOrEqualTo(c.get(i - 1).endMs() - 30);
    }
    assertThat(TestAudio.wer(TestAudio.words(whole.text()), TestAudio.words(chunked.text()))).as(both)
        .isLessThanOrEqualTo(0.2);
  }

  @Test
  void silenceGivesAnEmptyTranscript() {
    short[] quiet = new short[16_000 * 3];
    Random noise = new Random(7);
    for (int i = 0; i < quiet.length; i++) quiet[i] = (short) (noise.nextGaussian() * 20);
    Transcript t = VOSK.transcribe(MediaSource.of(new ByteArrayInputStream(TestAudio.wav16k(quiet)), "quiet.wav", null),
        TranscriptionOptions.defaults());
    assertThat(t.isEmpty()).isTrue();
    assertThat(t.language()).isEqualTo("en");
    assertThat(t.mediaDurationMs()).hasValue(3000L);
  }

  @Test
  void readsStreams() {
    byte[] wav = TestAudio.wav16k(TestAudio.speechSamples());
    RecordingStream in = new RecordingStream(new ByteArrayInputStream(wav), 999); // short, odd reads, as from a pipe
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    Transcript t = VOSK.transcribe(MediaSource.of(in, "speech.wav", null),
        TranscriptionOptions.builder().progress(events::add).build());
    // Same audio, so the same duration and (Vosk not being bit-for-bit repeatable, see below) nearly the same words.
    // Compared as normalised words: a sentence break that moves by one word is formatting, not recognition.
    assertThat(t.mediaDurationMs()).isEqualTo(speech.mediaDurationMs());
    assertThat(TestAudio.wer(TestAudio.words(speech.text()), TestAudio.words(t.text())))
        .as("%s%nvs%n%s", speech.text(), t.text()).isLessThanOrEqualTo(0.2);
    assertThat(in.consumed()).isEqualTo(wav.length);
    assertThat(in.closed()).as("the caller owns the stream").isFalse();
    // The header says how long the stream is, so the fraction is known all along.
    assertThat(events).hasSizeGreaterThan(10).allSatisfy(e -> assertThat(e.fraction()).isNotNaN());
    assertThat(events.get(events.size() - 1).fraction()).isEqualTo(1.0);
  }

  @Test
  void aStreamWithoutItsLengthIsDecodedToTheEndReportingTheAudioDecodedSoFar() {
    byte[] wav = WavAudioTest.tone(0); // header only
    byte[] quiet = new byte[16_000 * 2 * 150]; // 2.5 minutes of digital silence
    byte[] all = Arrays.copyOf(wav, wav.length + quiet.length);
    ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0xFFFFFFFF); // ffmpeg to a pipe
    RecordingStream in = new RecordingStream(new ByteArrayInputStream(all));
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    AtomicLong mostAhead = new AtomicLong(); // bytes taken from the stream beyond what had been decoded
    Transcript t = VOSK.transcribe(MediaSource.of(in, "pipe.wav", null), TranscriptionOptions.builder().progress(e -> {
      events.add(e);
      Matcher decoded = Pattern.compile("\\((\\d+) s of audio decoded\\)").matcher(e.message());
      if (decoded.find()) {
        long decodedBytes = Long.parseLong(decoded.group(1)) * 16_000 * 2; // reported per whole 10 s, at most a block late
        mostAhead.accumulateAndGet(in.consumed() - wav.length - decodedBytes, Math::max);
      }
    }).build());

    assertThat(t.mediaDurationMs()).as("the samples decoded, since the header did not say").hasValue(150_000L);
    assertThat(t.isEmpty()).isTrue();
    assertThat(in.consumed()).isEqualTo(all.length);
    assertThat(in.largestRequest()).as("bytes asked for in one read: a block's, not the stream's")
        .isLessThanOrEqualTo(2L * ChunkDecoder.BLOCK_SAMPLES * 2);
    assertThat(in.closed()).isFalse();
    assertThat(mostAhead.get()).as("bytes read ahead of the decoding").isLessThanOrEqualTo(2L * ChunkDecoder.BLOCK_SAMPLES * 2);
    // No made-up fraction: unknown (NaN) until the end, with the audio decoded so far in the message.
    assertThat(events.subList(0, events.size() - 1)).allSatisfy(e -> assertThat(e.fraction()).isNaN());
    assertThat(events.get(events.size() - 1).fraction()).isEqualTo(1.0);
    assertThat(events).extracting(ProgressEvent::message)
        .contains("decoding speech (10 s of audio decoded)", "decoding speech (150 s of audio decoded)");
  }

  @Test
  void aTruncatedStreamIsDecodedAsFarAsItGoesAndTheLossIsLogged() {
    short[] samples = TestAudio.speechSamples();
    byte[] wav = TestAudio.wav16k(samples);
    int keptSamples = 16_000 * 7; // of 13.8 s
    byte[] cut = Arrays.copyOf(wav, 44 + keptSamples * 2);
    Transcript t;
    String log;
    try (LogCapture capture = new LogCapture()) {
      t = VOSK.transcribe(MediaSource.of(new ByteArrayInputStream(cut), "cut.wav", null),
          TranscriptionOptions.defaults());
      log = capture.text();
    }
    assertThat(t.mediaDurationMs()).as("what was decoded, not what the header announced").hasValue(7_000L);
    assertThat(t.words()).isNotEmpty().allSatisfy(w -> assertThat(w.endMs()).isLessThanOrEqualTo(7_000L));
    long missingMs = (samples.length - keptSamples) * 1000L / 16_000;
    assertThat(log).contains("WARN").contains("cut.wav is truncated").contains(missingMs + " ms of audio are missing");
  }

  @Test
  void reportsTheFractionDecodedUpToOne() {
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    VOSK.transcribe(MediaSource.of(TestAudio.speechWav()), TranscriptionOptions.builder().progress(events::add).build());
    assertThat(events).hasSizeGreaterThan(10);
    assertThat(events.get(0).fraction()).isZero();
    assertThat(events.get(events.size() - 1).fraction()).isEqualTo(1.0);
    assertThat(events).allSatisfy(e -> assertThat(e.stage()).isEqualTo(PipelineStage.TRANSCRIBE));
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).fraction()).isGreaterThan(events.get(i - 1).fraction());
    }
  }

  @Test
  void interruptStopsDecodingWithCancellationAndKeepsTheFlag() throws Exception {
    // Two minutes of speech, chunked, so that decoding surely runs when the interrupt comes.
    short[] one = TestAudio.speechSamples();
    short[] many = new short[one.length * 10];
    for (int i = 0; i < 10; i++) System.arraycopy(one, 0, many, i * one.length, one.length);
    byte[] wav = TestAudio.wav16k(many);
    CountDownLatch decoding = new CountDownLatch(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<Boolean> flagKept = new AtomicReference<>();
    AtomicReference<Double> lastFraction = new AtomicReference<>(0.0);
    Thread caller = new Thread(() -> {
      try {
        VOSK.transcribe(MediaSource.of(new ByteArrayInputStream(wav), "long.wav", null),
            TranscriptionOptions.builder().progress(e -> {
              lastFraction.set(e.fraction());
              if (e.fraction() > 0) decoding.countDown();
            }).build());
      } catch (Throwable t) {
        thrown.set(t);
      }
      flagKept.set(Thread.currentThread().isInterrupted());
    });
    caller.start();
    assertThat(decoding.await(60, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    caller.join(20_000);
    assertThat(caller.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    assertThat(flagKept.get()).isTrue();
    assertThat(lastFraction.get()).isLessThan(1.0);
  }

  @Test
  void aLanguageTheModelDoesNotSpeakIsAConfigurationError() {
    assertThatThrownBy(() -> VOSK.transcribe(MediaSource.of(TestAudio.speechWav()),
        TranscriptionOptions.builder().language("fr").build()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'fr'").hasMessageContaining("captions.vosk.model");
    assertThat(VOSK.transcribe(MediaSource.of(TestAudio.speechWav()),
        TranscriptionOptions.builder().language("en-US").build()).isEmpty()).isFalse();
  }

  @Test
  void speakersAreRefusedNotIgnored() {
    assertThat(VOSK.supportsSpeakers()).isFalse();
    assertThatThrownBy(() -> VOSK.transcribe(MediaSource.of(TestAudio.speechWav()),
        TranscriptionOptions.builder().speakers(true).build()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'vosk' cannot").hasMessageContaining("openai");
  }
}
