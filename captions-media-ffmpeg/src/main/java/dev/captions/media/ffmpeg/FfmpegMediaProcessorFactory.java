package dev.captions.media.ffmpeg;

import dev.captions.spi.MediaProcessor;
import dev.captions.spi.MediaProcessorFactory;
import dev.captions.spi.ProviderConfig;
import java.util.Set;

/** Registers {@link FfmpegMediaProcessor} as {@code "ffmpeg"}: embedded, offline, no credentials. */
public final class FfmpegMediaProcessorFactory implements MediaProcessorFactory {
  @Override
  public String name() {
    return FfmpegMediaProcessor.NAME;
  }

  @Override
  public String artifact() {
    return "dev.captions:captions-media-ffmpeg";
  }

  @Override
  public boolean isEmbedded() {
    return true;
  }

  /**
   * Always true: the binary is looked up by {@link FfmpegMediaProcessor#checkReady()} when a pipeline is built, and
   * the error then names every way to provide one.
   */
  @Override
  public boolean isConfigured(ProviderConfig config) {
    return true;
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("probe", "audio", "frames", "burn-in", "mux", "offline");
  }

  @Override
  public MediaProcessor create(ProviderConfig config) {
    return FfmpegMediaProcessor.fromConfig(config);
  }
}
