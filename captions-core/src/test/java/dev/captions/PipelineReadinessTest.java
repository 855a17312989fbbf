package dev.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.fakes.FakeMediaProcessor;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code build()} asks every provider it will use whether it is ready, so a missing model fails before media work. */
class PipelineReadinessTest {
  /** A transcriber whose model is missing (or present), counting the checks. */
  static final class ModelTranscriber implements Transcriber {
    final boolean modelPresent;
    final AtomicInteger checks = new AtomicInteger();

    ModelTranscriber(boolean modelPresent) {
      this.modelPresent = modelPresent;
    }

    @Override
    public String name() {
      return "model-transcriber";
    }

    @Override
    public void checkReady() {
      checks.incrementAndGet();
      if (!modelPresent) throw new ConfigurationException("The model is missing. Add com.example:model to the class path.");
    }

    @Override
    public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
      throw new AssertionError("never reached in these tests");
    }
  }

  @Test
  void aProviderThatIsNotReadyFailsTheBuildWithItsOwnMessageAndNoMediaIsTouched() {
    FakeMediaProcessor media = new FakeMediaProcessor();
    ModelTranscriber missing = new ModelTranscriber(false);

    assertThatThrownBy(() -> Captions.pipeline().mediaProcessor(media).transcriber(missing).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("The model is missing. Add com.example:model to the class path.");
    assertThat(missing.checks).hasValue(1);
    assertThat(media.calls).isEmpty();
  }

  @Test
  void readyProvidersAreCheckedOncePerBuild() {
    AtomicInteger mediaChecks = new AtomicInteger();
    MediaProcessor media = new MediaProcessor() {
      @Override
      public String name() {
        return "checked-media";
      }

      @Override
      public Set<MediaOperation> operations() {
        return EnumSet.of(MediaOperation.PROBE, MediaOperation.EXTRACT_AUDIO);
      }

      @Override
      public void checkReady() {
        mediaChecks.incrementAndGet();
      }
    };
    ModelTranscriber present = new ModelTranscriber(true);

    CaptionPipeline pipeline = Captions.pipeline().mediaProcessor(media).transcriber(present).build();
    Captions.pipeline().mediaProcessor(media).transcriber(present).build();

    assertThat(pipeline.transcriber()).isSameAs(present);
    assertThat(present.checks).hasValue(2);
    assertThat(mediaChecks).hasValue(2);
  }
}
