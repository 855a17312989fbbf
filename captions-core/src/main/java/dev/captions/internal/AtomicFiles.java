package dev.captions.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that readers see either the old content or the complete new one, never a half-written file: the
 * content goes to a temporary file in the same directory, which is then moved over the target.
 */
public final class AtomicFiles {
  /** Writes text to a writer; may throw IOException. */
  @FunctionalInterface
  public interface WriterAction {
    void writeTo(Writer w) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes UTF-8 text to {@code target} atomically; on failure the target is untouched and the temp file removed. */
  public static void write(Path target, WriterAction action) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        action.writeTo(w);
      }
      moveIntoPlace(tmp, target);
    } catch (IOException | RuntimeException | Error e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  /** Moves a finished temporary file onto {@code target}, atomically where the file system allows. */
  public static void moveIntoPlace(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
