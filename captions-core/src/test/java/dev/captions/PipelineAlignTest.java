package dev.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.align.AlignedTranscript;
import dev.captions.align.AlignmentMode;
import dev.captions.align.AlignmentReport;
import dev.captions.align.TimingAligner;
import dev.captions.fakes.FakeMediaProcessor;
import dev.captions.fakes.FakeTranscriber;
import dev.captions.model.Cue;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.TimingSource;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alignTiming(AUTO|ON|OFF): who gets aligned, what the report says, and that translations keep the aligned times. */
class PipelineAlignTest {
  @TempDir Path dir;

  /** A transcriber with {@link PipelineTest#WORDS} whose times it declares {@code timing}. */
  private static Transcriber transcriber(TimingSource timing) {
    FakeTranscriber fake = new FakeTranscriber("fake", PipelineTest.WORDS, EnumSet.allOf(MediaSource.Kind.class));
    return new Transcriber() {
      @Override
      public String name() {
        return "fake";
      }

      @Override
      public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
        return fake.transcribe(audio, options);
      }

      @Override
      public TimingSource timingSource() {
        return timing;
      }
    };
  }

  /** Moves every word 1 s later and says so; counts its calls. */
  static final class ShiftingAligner implements TimingAligner {
    final AtomicInteger calls = new AtomicInteger();
    final boolean english;

    ShiftingAligner(boolean english) {
      this.english = english;
    }

    @Override
    public String name() {
      return "shift";
    }

    @Override
    public boolean supportsLanguage(String language) {
      return !english || language.startsWith("en");
    }

    @Override
    public AlignedTranscript align(Transcript transcript, MediaSource audio, ProgressListener progress) {
      calls.incrementAndGet();
      // Whatever stage an aligner names, the pipeline files its reports under ALIGN.
      progress.onProgress(ProgressEvent.of(PipelineStage.TRANSCRIBE, 0.5, "half aligned"));
      assertThat(audio.isFile()).isTrue();
      List<TimedWord> moved = transcript.words().stream()
          .map(w -> TimedWord.of(w.text(), w.startMs() + 1000, w.endMs() + 1000)).collect(Collectors.toList());
      return new AlignedTranscript(transcript.toBuilder().words(moved).build(),
          new AlignmentReport("shift", moved.size(), 0, 0, 1000));
    }
  }

  private PipelineResult run(Transcriber t, AlignmentMode mode, TimingAligner aligner) throws Exception {
    Path video = Files.write(dir.resolve("talk.mp4"), new byte[] {0, 0, 0, 24});
    return Captions.pipeline().mediaProcessor(new FakeMediaProcessor()).transcriber(t).aligner(aligner)
        .alignTiming(mode).spokenLanguage("en").translateTo("es").translator(new PipelineTest.FakeTranslator(false))
        .build().run(MediaSource.of(video));
  }

  @Test
  void autoAlignsUntrustedAndAbsentTimesOnly() throws Exception {
    for (TimingSource timing : TimingSource.values()) {
      ShiftingAligner aligner = new ShiftingAligner(false);
      PipelineResult r = run(transcriber(timing), AlignmentMode.AUTO, aligner);
      boolean expected = timing != TimingSource.MEASURED;
      assertThat(aligner.calls.get()).as(timing.name()).isEqualTo(expected ? 1 : 0);
      assertThat(r.quality().alignment().isPresent()).as(timing.name()).isEqualTo(expected);
      assertThat(r.timings().containsKey(PipelineStage.ALIGN)).isEqualTo(expected);
      assertThat(r.captions().cues().get(0).startMs()).isEqualTo(expected ? 1000 : 0);
    }
  }

  @Test
  void theReportAndTheTranslationsCarryTheAlignedTimes() throws Exception {
    PipelineResult r = run(transcriber(TimingSource.UNTRUSTED), AlignmentMode.AUTO, new ShiftingAligner(false));
    AlignmentReport report = r.quality().alignment().orElseThrow();
    assertThat(report.anchored()).isEqualTo(5);
    assertThat(report.largestCorrectionMs()).isEqualTo(1000);
    assertThat(r.quality().summary()).contains("aligned by shift: 5 anchored, 0 interpolated, 0 left as given");
    assertThat(r.transcript().words().get(0).startMs()).isEqualTo(1000);
    List<Long> source = r.captions().cues().stream().map(Cue::startMs).collect(Collectors.toList());
    List<Long> spanish = r.tracks().get("es").cues().stream().map(Cue::startMs).collect(Collectors.toList());
    assertThat(spanish).isEqualTo(source);
  }

  @Test
  void onAlignsEvenMeasuredTimesAndOffNever() throws Exception {
    ShiftingAligner on = new ShiftingAligner(false);
    run(transcriber(TimingSource.MEASURED), AlignmentMode.ON, on);
    assertThat(on.calls.get()).isEqualTo(1);
    ShiftingAligner off = new ShiftingAligner(false);
    PipelineResult r = run(transcriber(TimingSource.ABSENT), AlignmentMode.OFF, off);
    assertThat(off.calls.get()).isZero();
    assertThat(r.quality().alignment()).isEmpty();
  }

  @Test
  void theAlignStageReportsTheAlignersProgressInMediaTime() throws Exception {
    java.util.List<ProgressEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    Path video = Files.write(dir.resolve("talk.mp4"), new byte[] {0, 0, 0, 24});
    Captions.pipeline().mediaProcessor(new FakeMediaProcessor()).transcriber(transcriber(TimingSource.ABSENT))
        .aligner(new ShiftingAligner(false)).alignTiming(AlignmentMode.AUTO).progress(events::add).build()
        .run(MediaSource.of(video));
    List<ProgressEvent> align = events.stream().filter(e -> e.stage() == PipelineStage.ALIGN)
        .collect(Collectors.toList());
    assertThat(align).extracting(ProgressEvent::fraction).containsExactly(0.0, 0.5, 1.0);
    assertThat(align.get(1).message()).isEqualTo("half aligned");
    assertThat(align.get(1).mediaDurationMs()).isPresent();
  }

  @Test
  void noAlignerForTheLanguageIsNotedUnderAutoAndAnErrorUnderOn() throws Exception {
    Transcriber t = new Transcriber() {
      @Override
      public String name() {
        return "fake";
      }

      @Override
      public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
        return Transcript.builder().words(PipelineTest.WORDS).language("fi").build();
      }

      @Override
      public TimingSource timingSource() {
        return TimingSource.UNTRUSTED;
      }
    };
    Path video = Files.write(dir.resolve("talk.mp4"), new byte[] {0, 0, 0, 24});
    PipelineResult r = Captions.pipeline().mediaProcessor(new FakeMediaProcessor()).transcriber(t)
        .aligner(new ShiftingAligner(true)).build().run(MediaSource.of(video));
    assertThat(r.quality().alignment()).isEmpty();
    assertThat(r.quality().notes()).anyMatch(n -> n.contains("no aligner supports 'fi'"));
    assertThatThrownBy(() -> Captions.pipeline().mediaProcessor(new FakeMediaProcessor()).transcriber(t)
        .aligner(new ShiftingAligner(true)).alignTiming(AlignmentMode.ON).build().run(MediaSource.of(video)))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("no aligner supports language 'fi'");
  }
}
