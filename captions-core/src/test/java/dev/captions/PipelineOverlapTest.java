package dev.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.chunking.ChunkLimits;
import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.fakes.FakeMediaProcessor;
import dev.captions.fakes.FakeTextCodec;
import dev.captions.fakes.FakeTranscriber;
import dev.captions.fakes.ServiceFixture;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import dev.captions.model.VideoSummary;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummaryRequest;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.spi.TranslationOptions;
import dev.captions.spi.Translator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stages after shaping overlap: translations concurrently (bounded), the summary alongside, writing as ready. */
class PipelineOverlapTest {
  @TempDir Path dir;
  Path video;

  /** Counts translations in flight; each takes 200 ms. */
  static final class SlowTranslator implements Translator {
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger max = new AtomicInteger();

    @Override
    public String name() {
      return "slow-translator";
    }

    @Override
    public CaptionTrack translate(CaptionTrack track, TranslationOptions options) {
      max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CancellationException();
      } finally {
        inFlight.decrementAndGet();
      }
      List<Cue> out = track.cues().stream().map(c -> c.toBuilder().text(options.targetLanguage() + ":" + c.text()).build())
          .collect(Collectors.toList());
      return track.toBuilder().language(options.targetLanguage()).cues(out).build();
    }
  }

  /** Notes whether a translation was running while it summarised. */
  static final class WatchingSummarizer implements Summarizer {
    final SlowTranslator translator;
    final AtomicBoolean sawTranslation = new AtomicBoolean();

    WatchingSummarizer(SlowTranslator translator) {
      this.translator = translator;
    }

    @Override
    public String name() {
      return "watching-summarizer";
    }

    @Override
    public VideoSummary summarize(SummaryRequest request) {
      for (int i = 0; i < 50 && !sawTranslation.get(); i++) {
        if (translator.inFlight.get() > 0) sawTranslation.set(true);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.util.concurrent.CancellationException();
        }
      }
      return VideoSummary.of("t", "s", List.of(), request.language());
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    video = dir.resolve("talk.mp4");
    Files.write(video, new byte[] {0, 0, 0, 24});
  }

  private PipelineResult run(CaptionPipeline.Builder b) throws Exception {
    Path services = Files.createDirectories(dir.resolve("services"));
    return ServiceFixture.with(services, Map.of(CaptionCodec.class, List.of(FakeTextCodec.class.getName())),
        () -> b.build().run(MediaSource.of(video)));
  }

  @Test
  void translationsRunConcurrentlyWithTheSummaryAndEachTrackIsWritten() throws Exception {
    SlowTranslator translator = new SlowTranslator();
    WatchingSummarizer summarizer = new WatchingSummarizer(translator);
    Path out = dir.resolve("out");

    PipelineResult r = run(Captions.pipeline().mediaProcessor(new FakeMediaProcessor())
        .transcriber(new FakeTranscriber("fake", PipelineTest.WORDS, EnumSet.allOf(MediaSource.Kind.class)))
        .translator(translator).summarizer(summarizer).summarize(true).spokenLanguage("en").translateTo("es", "fr", "de")
        .outputs(out, CaptionFormat.WEBVTT));

    assertThat(translator.max.get()).isEqualTo(3);
    assertThat(summarizer.sawTranslation).isTrue();
    assertThat(r.tracks()).containsOnlyKeys("en", "es", "fr", "de");
    assertThat(r.tracks().keySet()).containsExactly("en", "es", "fr", "de");
    assertThat(r.files()).extracting(p -> p.getFileName().toString())
        .containsExactly("talk.en.vtt", "talk.es.vtt", "talk.fr.vtt", "talk.de.vtt");
    assertThat(r.timings()).containsKeys(PipelineStage.TRANSLATE, PipelineStage.SUMMARIZE, PipelineStage.WRITE);
    // wall time per stage counts overlapping translations once; the run's wall time covers every stage
    Duration sum = r.timings().values().stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(r.wallTime()).isPositive();
    assertThat(r.timings().get(PipelineStage.TRANSLATE)).isLessThan(r.wallTime());
    assertThat(sum).isPositive();
  }

  @Test
  void theTranslationBoundIsKept() throws Exception {
    SlowTranslator translator = new SlowTranslator();

    run(Captions.pipeline().mediaProcessor(new FakeMediaProcessor())
        .transcriber(new FakeTranscriber("fake", PipelineTest.WORDS, EnumSet.allOf(MediaSource.Kind.class)))
        .translator(translator).spokenLanguage("en").translateTo("es", "fr", "de").maxConcurrentTranslations(2));

    assertThat(translator.max.get()).isEqualTo(2);
  }

  @Test
  void aTranscriberThatCannotTakeTheLengthEvenChunkedIsRejectedBeforeItsFirstCall() {
    FakeTranscriber fake = new FakeTranscriber("fake", PipelineTest.WORDS, EnumSet.allOf(MediaSource.Kind.class));
    Transcriber urlOnlyWithMax = new Transcriber() {
      @Override
      public String name() {
        return "short-only";
      }

      @Override
      public ChunkLimits chunkLimits() {
        return ChunkLimits.builder().splittable(false).maxDurationMs(5_000).build();
      }

      @Override
      public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
        return fake.transcribe(audio, options);
      }
    };

    assertThatThrownBy(() -> run(Captions.pipeline().mediaProcessor(new FakeMediaProcessor()).transcriber(urlOnlyWithMax)))
        .isInstanceOf(InvalidMediaException.class)
        .hasMessage("talk.mp4 is 00:00:10.000 long, but transcriber 'short-only' takes at most 00:00:05.000 per media "
            + "and cannot take it in chunks. Shorten the media, or use a transcriber that takes local audio in chunks "
            + "(openai, gemini, vosk).");
    assertThat(fake.calls).isEmpty();
  }
}
