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

  /**
   * Checks that what this provider needs locally at run time is present and usable (a model, a native library, a
   * binary), so that a missing piece fails when the pipeline is built rather than after minutes of media work. The
   * caption pipeline calls it from {@code build()} on every provider it will use, before any media is touched.
   *
   * <p>Must not touch media, call a remote service or spend money. It may do one-time local set-up that the first
   * run would do anyway (e.g. extract a bundled model or binary to a cache directory), and so may block for a few
   * seconds the first time; later calls should be cheap. Safe to call from any thread, any number of times. The
   * default checks nothing (providers that need nothing local, e.g. cloud providers, whose credentials
   * {@link ProviderFactory#isConfigured} already checked).
   *
   * @throws dev.captions.ConfigurationException when something is missing, naming it and the fix (the artifact to
   *     add, or the setting that points to it)
   */
  default void checkReady() {}
}
