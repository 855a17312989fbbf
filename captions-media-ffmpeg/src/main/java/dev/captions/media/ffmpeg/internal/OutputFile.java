package dev.captions.media.ffmpeg.internal;

import dev.captions.CaptionsException;
import dev.captions.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * An output FFmpeg writes to a temporary file in the target's directory, moved onto the target only when complete.
 * Use in try-with-resources: {@link #close()} deletes whatever was not committed, so a failed or cancelled run leaves
 * nothing half-written behind.
 */
public final class OutputFile implements AutoCloseable {
  private final Path target;
  private final Path partial;
  private final boolean targetIsOurs;
  private boolean committed;

  private OutputFile(Path target, Path partial, boolean targetIsOurs) {
    this.target = target;
    this.partial = partial;
    this.targetIsOurs = targetIsOurs;
  }

  /**
   * @param requested where the caller wants the file, or null for a new temporary file
   * @param extension the extension FFmpeg picks the container by, without the dot
   * @throws CaptionsException when the directory cannot be written, saying which
   */
  public static OutputFile create(Path requested, String extension) {
    try {
      Path target;
      boolean ours = false;
      if (requested == null) {
        target = Files.createTempFile("captions-", "." + extension);
        ours = true;
      } else {
        target = requested.toAbsolutePath();
        Files.createDirectories(target.getParent());
      }
      // FFmpeg chooses the muxer from the extension, so the partial file keeps it.
      Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part." + extension);
      Files.deleteIfExists(Files.createFile(partial)); // fails early when the directory is not writable
      return new OutputFile(target, partial, ours);
    } catch (IOException e) {
      throw new CaptionsException("Cannot write the output " + (requested != null ? requested : "temporary file")
          + ": " + e + ". Choose a writable output directory.", e);
    }
  }

  /** Where FFmpeg should write. */
  public Path partial() {
    return partial;
  }

  public Path target() {
    return target;
  }

  /** Moves the finished file into place. */
  public Path commit() throws IOException {
    if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
      throw new IOException("FFmpeg exited successfully but wrote nothing to " + partial);
    }
    AtomicFiles.moveIntoPlace(partial, target);
    committed = true;
    return target;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(partial);
      if (!committed && targetIsOurs) Files.deleteIfExists(target);
    } catch (IOException e) {
      // best effort: the partial file is hidden and named .part
    }
  }
}
