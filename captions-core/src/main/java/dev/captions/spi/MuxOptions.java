package dev.captions.spi;

import dev.captions.ProgressListener;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Options for {@link MediaProcessor#mux}: soft subtitle tracks added to a container (MP4 gets {@code mov_text},
 * MKV/WebM get WebVTT), each tagged with its track's language. Immutable.
 */
public final class MuxOptions {
  private final Path output;
  private final ProgressListener progress;

  private MuxOptions(Path output, ProgressListener progress) {
    this.output = output;
    this.progress = Objects.requireNonNull(progress, "progress == null");
  }

  public static MuxOptions defaults() {
    return new MuxOptions(null, ProgressListener.NONE);
  }

  /** The output's extension decides the container. */
  public static MuxOptions to(Path output) {
    return new MuxOptions(Objects.requireNonNull(output, "output == null"), ProgressListener.NONE);
  }

  public MuxOptions withProgress(ProgressListener progress) {
    return new MuxOptions(output, progress);
  }

  public Optional<Path> output() {
    return Optional.ofNullable(output);
  }

  public ProgressListener progress() {
    return progress;
  }
}
