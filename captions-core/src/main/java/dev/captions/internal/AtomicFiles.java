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

  /**
   * Writes UTF-8 text to {@code target} atomically; on failure (an exception, or an interrupt that ends in one) the
   * target is untouched and the temporary file removed. The file gets the usual permissions for a new file (the
   * process's umask applies), not the owner-only ones of {@link Files#createTempFile}.
   */
  public static void write(Path target, WriterAction action) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = createSibling(dir, "." + target.getFileName());
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

  /**
   * Creates an empty, uniquely named {@code <prefix>.<random>.tmp} in {@code dir} with default permissions (so the
   * umask applies, unlike {@link Files#createTempFile}, which makes owner-only files that a move would keep).
   */
  static Path createSibling(Path dir, String prefix) throws IOException {
    for (int i = 0; ; i++) {
      Path p = dir.resolve(prefix + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
      try {
        return Files.createFile(p);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (i >= 100) throw e;
      }
    }
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  /**
   * A new directory under {@code java.io.tmpdir} for a run's temporary files.
   *
   * @throws dev.captions.CaptionsException when it cannot be created
   */
  public static Path createTempDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new dev.captions.CaptionsException("Cannot create a temporary directory: " + e.getMessage()
          + ". Check that java.io.tmpdir has space and is writable.", e);
    }
  }

  /** Deletes {@code dir} and everything in it; failures are ignored (they are logged at debug level). */
  public static void deleteTreeQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) return;
    try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          org.slf4j.LoggerFactory.getLogger(AtomicFiles.class).debug("could not delete {}: {}", p, e.toString());
        }
      });
    } catch (IOException | java.io.UncheckedIOException e) {
      org.slf4j.LoggerFactory.getLogger(AtomicFiles.class).debug("could not delete {}: {}", dir, e.toString());
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
