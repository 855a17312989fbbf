package dev.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.fakes.FakeTranscriber;
import dev.captions.model.Cue;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.shaping.StyleProfile;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** speakers(true) and speakerNames through the pipeline: the transcriber is asked, names replace labels. */
class PipelineSpeakersTest {
  @TempDir Path dir;
  Path video;

  /** Labels two speakers, A and B, when asked; records the options. */
  static final class DiarisingTranscriber implements Transcriber {
    volatile TranscriptionOptions lastOptions;

    @Override
    public String name() {
      return "diariser";
    }

    @Override
    public boolean supportsSpeakers() {
      return true;
    }

    @Override
    public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
      lastOptions = options;
      String a = options.speakers() ? "A" : null;
      String b = options.speakers() ? "B" : null;
      return Transcript.builder().language("en").words(List.of(
          TimedWord.of("We", 0, 300, 0.9, a), TimedWord.of("should", 300, 700, 0.9, a), TimedWord.of("go.", 700, 1_100, 0.9, a),
          TimedWord.of("Not", 2_500, 2_800, 0.9, b), TimedWord.of("yet.", 2_800, 3_300, 0.9, b))).build();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    video = dir.resolve("talk.mp4");
    Files.write(video, new byte[] {0, 0, 0, 24});
  }

  @Test
  void namesReplaceLabelsAndTheProfileNamesEachCue() {
    DiarisingTranscriber t = new DiarisingTranscriber();
    PipelineResult r = Captions.pipeline().withoutMediaProcessor().transcriber(t).profile(StyleProfile.BBC)
        .speakers(true).speakerNames(Map.of("A", "Ana")).build().run(MediaSource.of(video));
    assertThat(t.lastOptions.speakers()).isTrue();
    assertThat(r.captions().cues()).extracting(Cue::speaker).containsExactly("Ana", "B");
    assertThat(r.captions().cues().get(0).words()).extracting(TimedWord::speaker).containsOnly("Ana");
  }

  @Test
  void speakersAreNotAskedUnlessWanted() {
    DiarisingTranscriber t = new DiarisingTranscriber();
    PipelineResult r = Captions.pipeline().withoutMediaProcessor().transcriber(t).build().run(MediaSource.of(video));
    assertThat(t.lastOptions.speakers()).isFalse();
    assertThat(r.captions().cues()).extracting(Cue::speaker).containsOnlyNulls();
  }

  @Test
  void aTranscriberThatCannotDiariseIsRefusedAtBuild() {
    assertThatThrownBy(() -> Captions.pipeline().withoutMediaProcessor().transcriber(new FakeTranscriber("plain"))
        .speakers(true).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("'plain' cannot").hasMessageContaining("openai");
  }

  @Test
  void namesWithoutSpeakersAreAConfigurationError() {
    assertThatThrownBy(() -> Captions.pipeline().withoutMediaProcessor().transcriber(new DiarisingTranscriber())
        .speakerNames(Map.of("A", "Ana")).build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("speakers(true)");
    assertThatThrownBy(() -> Captions.pipeline().speakerNames(Map.of("A", " ")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
