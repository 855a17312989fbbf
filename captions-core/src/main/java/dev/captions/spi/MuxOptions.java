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

  /**
   * The defaults: a temporary output file in the input's container, no progress reporting.
   *
   * @return the default options
   */
  public static MuxOptions defaults() {
    return new MuxOptions(null, ProgressListener.NONE);
  }

  /**
   * The output's extension decides the container.
   *
   * @param output the file to write
   * @return the options
   */
  public static MuxOptions to(Path output) {
    return new MuxOptions(Objects.requireNonNull(output, "output == null"), ProgressListener.NONE);
  }

  /**
   * A copy of these options reporting progress to {@code progress}.
   *
   * @param progress the listener; not null
   * @return the new options
   */
  public MuxOptions withProgress(ProgressListener progress) {
    return new MuxOptions(output, progress);
  }

  /**
   * Where a local processor writes the video.
   *
   * @return the file, or empty for a temporary file
   */
  public Optional<Path> output() {
    return Optional.ofNullable(output);
  }

  /**
   * The listener told about progress.
   *
   * @return the listener; never null
   */
  public ProgressListener progress() {
    return progress;
  }
}
