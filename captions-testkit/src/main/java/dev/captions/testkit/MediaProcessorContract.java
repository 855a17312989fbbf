package dev.captions.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.MediaSource;
import dev.captions.model.TrackKind;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.BurnInOptions;
import dev.captions.spi.FrameOptions;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.MuxOptions;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link MediaProcessor}; see {@link ProviderContract} for the checks and hooks. The call under test
 * is {@link #invoke} (the subclass picks a supported operation, e.g. {@code probe}); additionally every operation the
 * processor does not declare must throw {@link UnsupportedOperationException} naming the processor and the operation.
 *
 * @param <R> what the chosen operation returns
 */
public abstract class MediaProcessorContract<R> extends ProviderContract<MediaProcessor, R> {
  /** {@return the input media: by default a URL under the WireMock server} Local processors return a real file. */
  protected MediaSource sampleMedia() {
    return MediaSource.ofUrl(wireMock.baseUrl() + "/media/talk.mp4");
  }

  /**
   * Options for operations the kit calls only to see them rejected; override when the defaults cannot be built.
   *
   * @return the options
   */
  protected AudioOptions audioOptions() {
    return AudioOptions.defaults();
  }

  @Test
  void undeclaredOperationsAreRejectedByName() {
    MediaProcessor p = provider();
    EnumSet<MediaOperation> undeclared = EnumSet.allOf(MediaOperation.class);
    undeclared.removeAll(p.operations());
    CaptionTrack track = CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(Cue.of(0, 1000, "Hi")));
    for (MediaOperation op : undeclared) {
      assertThatThrownBy(() -> {
        switch (op) {
          case PROBE: p.probe(sampleMedia()); break;
          case EXTRACT_AUDIO: p.extractAudio(sampleMedia(), audioOptions()); break;
          case EXTRACT_FRAMES: p.extractFrames(sampleMedia(), FrameOptions.at(List.of(0L))); break;
          case BURN_IN: p.burnIn(sampleMedia(), track, BurnInOptions.defaults()); break;
          case MUX_SUBTITLES: p.mux(sampleMedia(), List.of(track), MuxOptions.defaults()); break;
          default: throw new AssertionError(op);
        }
      }).as("%s", op).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining(p.name()).hasMessageContaining(op.name());
    }
    for (MediaOperation op : MediaOperation.values()) assertThat(p.supports(op)).isEqualTo(p.operations().contains(op));
  }
}
