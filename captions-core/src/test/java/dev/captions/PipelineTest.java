package dev.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.fakes.FakeMediaProcessor;
import dev.captions.fakes.FakeTextCodec;
import dev.captions.fakes.FakeTranscriber;
import dev.captions.fakes.ServiceFixture;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Chapter;
import dev.captions.model.Cue;
import dev.captions.model.Language;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.model.VideoSummary;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummaryRequest;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.spi.TranslationOptions;
import dev.captions.spi.Translator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTest {
  @TempDir Path dir;
  Path video;
  Path services;

  static final List<TimedWord> WORDS = List.of(
      TimedWord.of("Hello", 0, 400), TimedWord.of("world.", 450, 900),
      TimedWord.of("Second", 2_000, 2_400), TimedWord.of("sentence", 2_450, 2_900), TimedWord.of("here.", 2_950, 3_300));

  /** Prefixes every cue with the language, or returns one cue too few when asked to. */
  static final class FakeTranslator implements Translator {
    final boolean dropOne;

    FakeTranslator(boolean dropOne) {
      this.dropOne = dropOne;
    }

    @Override
    public String name() {
      return "fake-translator";
    }

    @Override
    public CaptionTrack translate(CaptionTrack track, TranslationOptions options) {
      List<Cue> out = track.cues().stream().map(c -> c.toBuilder().text("[" + options.targetLanguage() + "] " + c.text()).build())
          .collect(Collectors.toList());
      if (dropOne) out.remove(out.size() - 1);
      return track.toBuilder().language(options.targetLanguage()).cues(out).build();
    }
  }

  static final class FakeSummarizer implements Summarizer {
    volatile SummaryRequest last;

    @Override
    public String name() {
      return "fake-summarizer";
    }

    @Override
    public VideoSummary summarize(SummaryRequest request) {
      last = request;
      return VideoSummary.of("Greetings", "Someone says hello.", List.of(Chapter.of(0, "Hello", ""), Chapter.of(2_000, "More", "")),
          request.language());
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    video = dir.resolve("my talk é.mp4");
    Files.write(video, new byte[] {0, 0, 0, 24});
    services = Files.createDirectories(dir.resolve("services"));
  }

  private <T> T withCodec(java.util.concurrent.Callable<T> body) throws Exception {
    return ServiceFixture.with(services, Map.of(CaptionCodec.class, List.of(FakeTextCodec.class.getName())), body);
  }

  @Test
  void fullRunWritesEveryTrackAndReportsEveryStage() throws Exception {
    FakeMediaProcessor media = new FakeMediaProcessor();
    FakeTranscriber transcriber = new FakeTranscriber("fake", WORDS, EnumSet.allOf(MediaSource.Kind.class));
    FakeSummarizer summarizer = new FakeSummarizer();
    List<ProgressEvent> events = new ArrayList<>();
    Path out = dir.resolve("out");

    PipelineResult r = withCodec(() -> Captions.pipeline().mediaProcessor(media).transcriber(transcriber)
        .translator(new FakeTranslator(false)).summarizer(summarizer).summarize(true).spokenLanguage("en").translateTo("es")
        .outputs(out, CaptionFormat.WEBVTT).burnIn(true).progress(events::add).build()
        .run(MediaSource.of(video)));

    assertThat(media.calls).containsExactly("probe", "extractAudio", "burnIn:" + r.captions().cues().size());
    assertThat(transcriber.calls).extracting(MediaSource::path).containsExactly(media.lastAudio);
    assertThat(transcriber.lastOptions.language()).contains("en");
    assertThat(transcriber.lastOptions.mediaDurationMs()).hasValue(10_000L);
    assertThat(Files.exists(media.lastAudio)).as("temporary audio is deleted").isFalse();

    assertThat(r.tracks()).containsOnlyKeys("en", "es");
    assertThat(r.captions().cues()).isNotEmpty();
    assertThat(r.tracks().get("es").cues()).hasSameSizeAs(r.captions().cues())
        .allSatisfy(c -> assertThat(c.text()).startsWith("[es] "));
    assertThat(r.summary()).hasValueSatisfying(s -> assertThat(s.title()).isEqualTo("Greetings"));
    assertThat(summarizer.last.transcript()).contains(r.captions());

    assertThat(r.files()).extracting(p -> p.getFileName().toString())
        .containsExactly("my talk é.en.vtt", "my talk é.es.vtt", "my talk é.chapters.vtt", "my talk é.captioned.mp4");
    assertThat(Files.readString(out.resolve("my talk é.es.vtt"))).startsWith("TRACK es subtitles\n").contains("[es] Hello");
    assertThat(Files.readString(out.resolve("my talk é.chapters.vtt"))).contains("0 2000 Hello", "2000 10000 More");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
    assertThat(r.captionedVideo()).hasValueSatisfying(ref -> assertThat(ref.source().path()).exists());
    assertThat(r.timings()).containsKeys(PipelineStage.PROBE, PipelineStage.EXTRACT_AUDIO, PipelineStage.TRANSCRIBE,
        PipelineStage.SHAPE, PipelineStage.WRITE, PipelineStage.TRANSLATE, PipelineStage.SUMMARIZE, PipelineStage.BURN_IN);
    assertThat(events).extracting(ProgressEvent::stage)
        .contains(PipelineStage.PROBE, PipelineStage.TRANSCRIBE, PipelineStage.BURN_IN);
  }

  @Test
  void burnInWithoutACapableProcessorFailsAtBuild() {
    FakeMediaProcessor probeOnly = new FakeMediaProcessor(true, EnumSet.of(MediaOperation.PROBE));
    assertThatThrownBy(() -> Captions.pipeline().mediaProcessor(probeOnly).transcriber(new FakeTranscriber("t")).burnIn(true).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("burnIn(true) needs a media processor that supports BURN_IN; 'fake-media' supports only [PROBE]. "
            + "Add dev.captions:captions-media-ffmpeg (or captions-media-ittybit) and call mediaProcessor(...).");
    assertThatThrownBy(() -> Captions.pipeline().withoutMediaProcessor().transcriber(new FakeTranscriber("t")).burnIn(true).build())
        .hasMessageContaining("and none is set");
  }

  @Test
  void mediaWhoseAudioTheTranscriberCannotReadFailsAtBuild() {
    MediaProcessor urlAudio = new MediaProcessor() {
      @Override
      public String name() {
        return "cloud-media";
      }

      @Override
      public Set<MediaSource.Kind> audioOutputKinds() {
        return EnumSet.of(MediaSource.Kind.URL);
      }

      @Override
      public Set<MediaOperation> operations() {
        return EnumSet.of(MediaOperation.EXTRACT_AUDIO);
      }
    };
    FakeTranscriber fileOnly = new FakeTranscriber("file-asr", WORDS,
        EnumSet.of(MediaSource.Kind.FILE, MediaSource.Kind.STREAM));
    assertThatThrownBy(() -> Captions.pipeline().mediaProcessor(urlAudio).transcriber(fileOnly).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Media processor 'cloud-media' hands the transcriber its audio as a url, but transcriber 'file-asr'"
            + " takes only a file or a stream. Pair it with a transcriber that takes a url, or use a media processor"
            + " whose audio it can read (ffmpeg writes local files).");
    assertThat(fileOnly.calls).isEmpty();
    // A transcriber that reads URLs pairs fine, and so does any transcriber with a processor that declares nothing.
    Captions.pipeline().mediaProcessor(urlAudio).transcriber(new FakeTranscriber("url-asr", WORDS, EnumSet.of(MediaSource.Kind.URL)))
        .build();
    Captions.pipeline().mediaProcessor(new FakeMediaProcessor()).transcriber(fileOnly).build();
  }

  @Test
  void builderRejectsBadLanguagesAndOutputs() throws Exception {
    Transcriber t = new FakeTranscriber("t");
    assertThatThrownBy(() -> Captions.pipeline().withoutMediaProcessor().transcriber(t).spokenLanguage("en").translateTo("spanish!").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("'spanish!' is not a BCP-47 language tag; the translation language must be one, e.g. \"en\", \"es\", "
            + "\"pt-BR\"");
    assertThatThrownBy(() -> Captions.pipeline().withoutMediaProcessor().transcriber(t).spokenLanguage("english please").build())
        .hasMessageStartingWith("'english please' is not a BCP-47 language tag; the spoken language (or Language.AUTO)");
    // A language's English name is syntactically a tag, but no provider knows a five-letter primary subtag.
    assertThatThrownBy(() -> Captions.pipeline().withoutMediaProcessor().transcriber(t).spokenLanguage("english").build())
        .isInstanceOf(ConfigurationException.class).hasMessageStartingWith("'english' is not a BCP-47 language tag");
    assertThatThrownBy(() -> Captions.pipeline().withoutMediaProcessor().transcriber(t).outputs(video).build())
        .isInstanceOf(OutputNotWritableException.class)
        .hasMessage("Output directory " + video.toAbsolutePath() + " is not writable: " + video.toAbsolutePath()
            + " is a file. Choose a directory (CLI: -o DIR).");
    assertThatThrownBy(() -> Captions.pipeline().withoutMediaProcessor().transcriber(t).outputs(video.resolve("sub")).build())
        .isInstanceOf(OutputNotWritableException.class);
  }

  @Test
  void badInputFailsBeforeAnyProviderIsCalled() throws Exception {
    FakeMediaProcessor media = new FakeMediaProcessor();
    FakeTranscriber t = new FakeTranscriber("t", WORDS, EnumSet.allOf(MediaSource.Kind.class));
    CaptionPipeline p = Captions.pipeline().mediaProcessor(media).transcriber(t).build();

    Path missing = dir.resolve("nope.mp4");
    assertThatThrownBy(() -> p.run(MediaSource.of(missing))).isInstanceOf(InvalidMediaException.class)
        .hasMessage("File not found: " + missing.toAbsolutePath() + ". Check the path.")
        .extracting(e -> ((InvalidMediaException) e).reason()).isEqualTo(InvalidMediaException.Reason.NOT_FOUND);
    Path empty = Files.createFile(dir.resolve("empty.mp4"));
    assertThatThrownBy(() -> p.run(MediaSource.of(empty))).isInstanceOf(InvalidMediaException.class)
        .hasMessage(empty.toAbsolutePath() + " is empty (0 bytes); it holds no media.")
        .extracting(e -> ((InvalidMediaException) e).reason()).isEqualTo(InvalidMediaException.Reason.EMPTY);
    assertThat(media.calls).isEmpty();
    assertThat(t.calls).isEmpty();

    CaptionPipeline silentVideo = Captions.pipeline().mediaProcessor(new FakeMediaProcessor(false, EnumSet.of(MediaOperation.PROBE)))
        .transcriber(t).build();
    assertThatThrownBy(() -> silentVideo.run(MediaSource.of(video))).isInstanceOf(InvalidMediaException.class)
        .hasMessage("my talk é.mp4 has no audio stream, so there is nothing to caption. Give a video or audio file with sound.")
        .extracting(e -> ((InvalidMediaException) e).reason()).isEqualTo(InvalidMediaException.Reason.NO_STREAM);
    assertThat(t.calls).isEmpty();
  }

  @Test
  void urlOnlyTranscriberRejectsALocalFileBeforeAnyCall() {
    FakeTranscriber urlOnly = new FakeTranscriber("gcore-like", WORDS, EnumSet.of(MediaSource.Kind.URL));
    CaptionPipeline p = Captions.pipeline().withoutMediaProcessor().transcriber(urlOnly).build();
    assertThatThrownBy(() -> p.run(MediaSource.of(video))).isInstanceOf(InvalidMediaException.class)
        .hasMessageStartingWith("'gcore-like' needs [URL] input but got a file (my talk é.mp4). Upload the file")
        .extracting(e -> ((InvalidMediaException) e).reason()).isEqualTo(InvalidMediaException.Reason.UNSUPPORTED_SOURCE);
    assertThat(urlOnly.calls).isEmpty();
    assertThat(p.run(MediaSource.ofUrl("https://example.com/v.mp4")).captions().cues()).isNotEmpty();
  }

  @Test
  void summarizerAndTranslatorDoNotTurnTheirStageOnByThemselves() {
    Transcriber t = new FakeTranscriber("t", WORDS, EnumSet.allOf(MediaSource.Kind.class));
    assertThatThrownBy(() -> Captions.pipeline().withoutMediaProcessor().transcriber(t)
        .summarizer(new FakeSummarizer()).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("A summarizer is set but summarising is off: call summarize(true) as well.");
    assertThatThrownBy(() -> Captions.pipeline().withoutMediaProcessor().transcriber(t)
        .translator(new FakeTranslator(false)).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("A translator is set but no target language: call translateTo(\"es\", …).");
    FakeSummarizer summarizer = new FakeSummarizer();
    PipelineResult r = Captions.pipeline().withoutMediaProcessor().transcriber(t).summarizer(summarizer)
        .summarize(true).build().run(MediaSource.of(video));
    assertThat(r.summary()).isPresent();
  }

  @Test
  void withoutMediaProcessorHandsTheSourceToTheTranscriberAndRunsAsyncOnTheGivenExecutor() throws Exception {
    FakeTranscriber t = new FakeTranscriber("t", WORDS, EnumSet.allOf(MediaSource.Kind.class));
    CaptionPipeline p = Captions.pipeline().withoutMediaProcessor().transcriber(t).spokenLanguage(Language.AUTO).build();
    assertThat(p.mediaProcessor()).isEmpty();
    List<String> ranOn = new ArrayList<>();
    java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
      Thread th = new Thread(r, "caller-owned-worker");
      th.setDaemon(true);
      return th;
    });
    try {
      PipelineResult r = p.runAsync(MediaSource.of(video), command -> {
        ranOn.add("executor");
        executor.execute(command);
      }).get(30, TimeUnit.SECONDS);
      assertThat(ranOn).containsExactly("executor");
      assertThat(t.calls).extracting(MediaSource::path).containsExactly(video);
      assertThat(t.lastOptions.language()).as("Language.AUTO asks for detection").isEmpty();
      assertThat(r.mediaInfo()).isEmpty();
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void translationWithADifferentCueCountIsAnError() throws Exception {
    CaptionPipeline p = Captions.pipeline().withoutMediaProcessor().transcriber(new FakeTranscriber("t", WORDS, EnumSet.allOf(MediaSource.Kind.class)))
        .translator(new FakeTranslator(true)).spokenLanguage("en").translateTo("fr").build();
    assertThatThrownBy(() -> p.run(MediaSource.of(video))).isInstanceOf(ProviderException.class)
        .hasMessageMatching("fake-translator: translation to fr returned \\d+ cues for \\d+");
  }

  @Test
  void aFailedWriteLeavesNoFileBehind() throws Exception {
    List<TimedWord> failing = List.of(TimedWord.of("FAIL", 0, 900));
    Path out = dir.resolve("out");
    CaptionPipeline p = Captions.pipeline().withoutMediaProcessor()
        .transcriber(new FakeTranscriber("t", failing, EnumSet.allOf(MediaSource.Kind.class)))
        .outputs(out, CaptionFormat.WEBVTT).build();
    assertThatThrownBy(() -> withCodec(() -> p.run(MediaSource.of(video))))
        .hasMessageContaining("Cannot write").hasMessageContaining("disk full (simulated)");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void cancellingTheFutureInterruptsTheTranscriber() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    Transcriber blocking = new Transcriber() {
      @Override
      public String name() {
        return "slow";
      }

      @Override
      public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
        started.countDown();
        try {
          Thread.sleep(60_000);
          throw new AssertionError("not interrupted");
        } catch (InterruptedException e) {
          interrupted.countDown();
          throw dev.captions.spi.Async.cancelled(e);
        }
      }
    };
    CompletableFuture<PipelineResult> f = Captions.pipeline().withoutMediaProcessor().transcriber(blocking).build()
        .runAsync(MediaSource.of(video));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    f.cancel(true);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("worker thread interrupted").isTrue();
    assertThatThrownBy(f::join).isInstanceOf(CancellationException.class);
  }
}
