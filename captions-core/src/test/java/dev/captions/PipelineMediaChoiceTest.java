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
import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.shaping.Repair;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.BurnInOptions;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.spi.TranslationOptions;
import dev.captions.spi.Translator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which media processor does what (issue 12): none is a valid choice; a transcriber that takes only the original
 * media gets it; the media's length from the processor's output drops invented cues past the end; what cannot be
 * known is said; what can be checked locally fails before any provider call.
 */
class PipelineMediaChoiceTest {
  @TempDir Path dir;
  Path services;

  /** Words inside a 10 s video, then one a model invented 2 s after the end. */
  static final List<TimedWord> WORDS = List.of(TimedWord.of("Hello", 0, 400), TimedWord.of("world.", 450, 900),
      TimedWord.of("Invented", 12_000, 12_500), TimedWord.of("line.", 12_550, 13_000));

  /** Like Gcore: URLs only, an MP4 only, never extracted audio. */
  static final class Mp4UrlOnly extends FakeTranscriberBase {
    @Override
    public boolean acceptsExtractedAudio() {
      return false;
    }

    @Override
    public void checkInput(MediaSource media) {
      if (!media.name().endsWith(".mp4")) {
        throw new InvalidMediaException(InvalidMediaException.Reason.UNSUPPORTED_SOURCE, "MP4 only: " + media.name());
      }
    }
  }

  /** A URL-only transcriber returning {@link #WORDS}; its delegate records what it got. */
  static class FakeTranscriberBase implements Transcriber {
    final FakeTranscriber delegate = new FakeTranscriber("urlonly", WORDS, EnumSet.of(MediaSource.Kind.URL));

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public Set<MediaSource.Kind> acceptedSources() {
      return delegate.acceptedSources();
    }

    @Override
    public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
      return delegate.transcribe(audio, options);
    }
  }

  /** Like Ittybit: URLs only, no probe; its audio job's output says how long the media is (or not). */
  static final class UrlJobs implements MediaProcessor {
    final Long reportedDurationMs;
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    UrlJobs(Long reportedDurationMs) {
      this.reportedDurationMs = reportedDurationMs;
    }

    @Override
    public String name() {
      return "url-jobs";
    }

    @Override
    public Set<MediaSource.Kind> acceptedSources() {
      return EnumSet.of(MediaSource.Kind.URL);
    }

    @Override
    public Set<MediaSource.Kind> audioOutputKinds() {
      return EnumSet.of(MediaSource.Kind.URL);
    }

    @Override
    public Set<MediaOperation> operations() {
      return EnumSet.of(MediaOperation.EXTRACT_AUDIO, MediaOperation.BURN_IN);
    }

    @Override
    public MediaRef extractAudio(MediaSource media, AudioOptions options) {
      calls.add("extractAudio");
      MediaRef ref = MediaRef.of(MediaSource.ofUrl("https://store.example/a.wav"), name(), "job_1");
      return reportedDurationMs == null ? ref : ref.withDurationMs(reportedDurationMs);
    }

    @Override
    public MediaRef burnIn(MediaSource video, CaptionTrack track, BurnInOptions options) {
      calls.add("burnIn:" + track.language());
      return MediaRef.of(MediaSource.ofUrl("https://store.example/v.mp4"), name(), "job_2");
    }
  }

  /** Tags each cue's text with the language. */
  static final class Tagging implements Translator {
    @Override
    public String name() {
      return "tagging";
    }

    @Override
    public CaptionTrack translate(CaptionTrack track, TranslationOptions options) {
      return track.toBuilder().language(options.targetLanguage()).cues(track.cues().stream()
          .map(c -> c.toBuilder().text("[" + options.targetLanguage() + "] " + c.text()).build())
          .collect(Collectors.toList())).build();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    services = Files.createDirectories(dir.resolve("services"));
  }

  private <T> T withCodec(java.util.concurrent.Callable<T> body) throws Exception {
    return ServiceFixture.with(services, Map.of(CaptionCodec.class, List.of(FakeTextCodec.class.getName())), body);
  }

  @Test
  void aTranscriberThatTakesOnlyTheOriginalGetsItAndTheProcessorOnlyProbes() throws Exception {
    FakeMediaProcessor media = new FakeMediaProcessor();
    Mp4UrlOnly gcoreLike = new Mp4UrlOnly();
    PipelineResult r = withCodec(() -> Captions.pipeline().mediaProcessor(media).transcriber(gcoreLike)
        .outputs(dir.resolve("out"), CaptionFormat.WEBVTT).build()
        .run(MediaSource.ofUrl("https://cdn.example/v/480.mp4")));
    assertThat(media.calls).containsExactly("probe");
    assertThat(gcoreLike.delegate.calls).extracting(MediaSource::name).containsExactly("480.mp4");
    // The probe said 10 s: the invented cue at 12 s is dropped and counted.
    assertThat(r.captions().cues()).allSatisfy(c -> assertThat(c.endMs()).isLessThanOrEqualTo(10_000));
    assertThat(r.captions().cues().stream().map(c -> c.text()).collect(Collectors.joining(" "))).doesNotContain("Invented");
    assertThat(r.quality().repairs()).extracting(Repair::kind).contains(Repair.Kind.DROPPED_BEYOND_MEDIA);
    assertThat(r.mediaDurationMs()).hasValue(10_000);
  }

  @Test
  void noMediaProcessorIsAValidChoiceAndTheTranscriberChecksItsInputBeforeAnyCall() throws Exception {
    Mp4UrlOnly gcoreLike = new Mp4UrlOnly();
    CaptionPipeline p = Captions.pipeline().withoutMediaProcessor().transcriber(gcoreLike).expectedSource(MediaSource.Kind.URL)
        .build();
    assertThat(p.mediaProcessor()).isEmpty();
    assertThatThrownBy(() -> p.run(MediaSource.ofUrl("https://cdn.example/a/talk.wav")))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("MP4 only");
    assertThat(gcoreLike.delegate.calls).isEmpty();
  }

  @Test
  void aProcessorPairedWithAnMp4OnlyTranscriberNeverExtractsAudio() throws Exception {
    UrlJobs ittybitLike = new UrlJobs(10_000L);
    Mp4UrlOnly gcoreLike = new Mp4UrlOnly();
    withCodec(() -> Captions.pipeline().mediaProcessor(ittybitLike).transcriber(gcoreLike).build()
        .run(MediaSource.ofUrl("https://cdn.example/v/480.mp4")));
    assertThat(ittybitLike.calls).isEmpty();
    assertThat(gcoreLike.delegate.calls).extracting(MediaSource::name).containsExactly("480.mp4");
  }

  @Test
  void theLengthTheAudioJobReportsDropsInventedCuesAndTheBurnedTrack() throws Exception {
    UrlJobs ittybitLike = new UrlJobs(10_000L);
    FakeTranscriberBase gemini = new FakeTranscriberBase();
    PipelineResult r = withCodec(() -> Captions.pipeline().mediaProcessor(ittybitLike).transcriber(gemini).burnIn(true).build()
        .run(MediaSource.ofUrl("https://cdn.example/v/talk.mp4")));
    assertThat(gemini.delegate.lastOptions.mediaDurationMs()).hasValue(10_000L);
    assertThat(r.captions().endMs()).isLessThanOrEqualTo(10_000);
    assertThat(r.quality().repairs()).extracting(Repair::kind).contains(Repair.Kind.DROPPED_BEYOND_MEDIA);
    assertThat(r.quality().notes()).isEmpty();
    assertThat(ittybitLike.calls).containsExactly("extractAudio", "burnIn:und");
  }

  @Test
  void anUnknownLengthIsSaidInTheReport() throws Exception {
    UrlJobs cannotTell = new UrlJobs(null);
    PipelineResult r = withCodec(() -> Captions.pipeline().mediaProcessor(cannotTell).transcriber(new FakeTranscriberBase())
        .build().run(MediaSource.ofUrl("https://cdn.example/v/talk.mp4")));
    assertThat(r.mediaDurationMs()).isEmpty();
    assertThat(r.quality().notes()).singleElement().asString().contains("media length unknown");
    assertThat(r.quality().summary()).contains("media length unknown");
  }

  @Test
  void anUnknownLanguageGetsNoTagInTheFileName() throws Exception {
    Path video = Files.write(dir.resolve("talk.mp4"), new byte[] {1});
    Path out = dir.resolve("out");
    PipelineResult r = withCodec(() -> Captions.pipeline().mediaProcessor(new FakeMediaProcessor())
        .transcriber(new FakeTranscriber("t", WORDS, EnumSet.allOf(MediaSource.Kind.class)))
        .outputs(out, CaptionFormat.WEBVTT).build().run(MediaSource.of(video)));
    assertThat(r.captions().language()).isEqualTo("und");
    assertThat(r.files()).containsExactly(out.resolve("talk.vtt"));
  }

  @Test
  void theBurnedLanguageMustBeWrittenAndIsTheOneBurned() throws Exception {
    UrlJobs media = new UrlJobs(10_000L);
    assertThatThrownBy(() -> Captions.pipeline().mediaProcessor(media).transcriber(new FakeTranscriberBase())
        .spokenLanguage("en").translateTo("fr").translator(new Tagging()).burnInLanguage("es").build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("burnInLanguage(\"es\") is neither");
    withCodec(() -> Captions.pipeline().mediaProcessor(media).transcriber(new FakeTranscriberBase()).spokenLanguage("en").translateTo("es")
        .translator(new Tagging()).burnInLanguage("es").build().run(MediaSource.ofUrl("https://cdn.example/v/t.mp4")));
    assertThat(media.calls).containsExactly("extractAudio", "burnIn:es");
  }

  @Test
  void whatCanBeCheckedLocallyFailsBeforeAnyCall() throws Exception {
    FakeMediaProcessor media = new FakeMediaProcessor();
    FakeTranscriber t = new FakeTranscriber("t", WORDS, EnumSet.allOf(MediaSource.Kind.class));
    Path doc = Files.write(dir.resolve("notes.pdf"), new byte[] {1});
    assertThatThrownBy(() -> Captions.pipeline().mediaProcessor(media).transcriber(t).build().run(MediaSource.of(doc)))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("'.pdf'")
        .satisfies(e -> assertThat(((InvalidMediaException) e).reason()).isEqualTo(InvalidMediaException.Reason.NOT_MEDIA));
    Path song = Files.write(dir.resolve("song.mp3"), new byte[] {1});
    assertThatThrownBy(() -> Captions.pipeline().mediaProcessor(media).transcriber(t).burnIn(true).build().run(MediaSource.of(song)))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("no picture to burn captions into");
    assertThatThrownBy(() -> Captions.pipeline().mediaProcessor(media).transcriber(t)
        .burnIn(BurnInOptions.builder().output(dir.resolve("out.avi")).build()).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'.avi' is not a container");
    assertThatThrownBy(() -> Captions.pipeline().mediaProcessor(new FakeMediaProcessor()).transcriber(t).mux(true).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("MUX_SUBTITLES");
    assertThat(media.calls).isEmpty();
    assertThat(t.calls).isEmpty();
  }
}
