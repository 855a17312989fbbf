package dev.captions.spi;

import dev.captions.model.MediaSource;
import java.util.EnumSet;
import java.util.Set;

/** What every provider instance (transcriber, translator, summarizer, media processor) tells about itself. */
public interface Provider {
  /** {@return the provider's registered name, e.g. {@code "gemini"}, {@code "ffmpeg"}} Lower case, stable. */
  String name();

  /**
   * The kinds of {@link MediaSource} this provider can take as input. Cloud providers that fetch media themselves
   * (Gcore, Ittybit) accept {@link MediaSource.Kind#URL} only; the pipeline checks this before any paid call.
   *
   * @return the accepted kinds; never null or empty
   */
  default Set<MediaSource.Kind> acceptedSources() {
    return EnumSet.allOf(MediaSource.Kind.class);
  }
}
