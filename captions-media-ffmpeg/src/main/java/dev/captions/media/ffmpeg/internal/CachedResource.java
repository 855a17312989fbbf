package dev.captions.media.ffmpeg.internal;

import dev.captions.ConfigurationException;
import dev.captions.internal.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies a class-path resource (a 77 MB FFmpeg binary, a font) to a per-user cache directory once, so that a process
 * can use it as a plain file.
 *
 * <p>Safe when several JVMs extract at once: each writes its own temporary file in the target directory, checks the
 * SHA-256 while copying, and moves it into place atomically; a reader only ever sees a missing file or a complete one.
 * A cached file is trusted only when its SHA-256 matches the one recorded next to it (or the expected one, when the
 * caller knows it), so a truncated or tampered cache entry is replaced, not run.
 */
public final class CachedResource {
  private CachedResource() {}

  /**
   * Returns {@code dir/fileName}, extracting {@code resource} there first when the cached copy is missing or fails
   * its checksum.
   *
   * @param expectedSha256 the known SHA-256 (lower-case hex) of the resource, or null when unknown; a resource that
   *     does not match it is refused
   * @param executable whether to make the file executable
   * @throws ConfigurationException when the cache directory cannot be written or the resource fails its checksum
   */
  public static Path extract(URL resource, Path dir, String fileName, String expectedSha256, boolean executable) {
    Path target = dir.resolve(fileName);
    Path sumFile = dir.resolve(fileName + ".sha256");
    try {
      if (Files.isRegularFile(target)) {
        String want = expectedSha256 != null ? expectedSha256 : readSum(sumFile);
        if (want != null && want.equals(sha256(target))) {
          if (executable) makeExecutable(target);
          return target;
        }
      }
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "." + fileName, ".part");
      try {
        String actual;
        try (InputStream in = resource.openStream(); OutputStream out = Files.newOutputStream(tmp)) {
          DigestInputStream din = new DigestInputStream(in, digest());
          din.transferTo(out);
          actual = HexFormat.of().formatHex(din.getMessageDigest().digest());
        }
        if (expectedSha256 != null && !expectedSha256.equals(actual)) {
          throw new ConfigurationException("The bundled resource " + resource + " has SHA-256 " + actual
              + " but " + expectedSha256 + " was expected; the jar is corrupt. Re-download it (delete it from ~/.m2)"
              + " or configure an FFmpeg binary with captions.ffmpeg.path / FFMPEG_PATH.");
        }
        if (executable) makeExecutable(tmp);
        AtomicFiles.write(sumFile, w -> w.write(actual));
        AtomicFiles.moveIntoPlace(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return target;
    } catch (IOException e) {
      throw new ConfigurationException("Cannot extract " + resource + " to " + dir + ": " + e
          + ". Make the directory writable or choose another with captions.ffmpeg.cacheDir.");
    }
  }

  private static String readSum(Path sumFile) throws IOException {
    if (!Files.isRegularFile(sumFile)) return null;
    return Files.readString(sumFile, StandardCharsets.US_ASCII).strip();
  }

  /** The SHA-256 of a file as lower-case hex. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void makeExecutable(Path file) {
    if (!Files.isExecutable(file) && !file.toFile().setExecutable(true, false)) {
      throw new UncheckedIOException(new IOException("cannot make " + file + " executable"));
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required on every Java platform", e);
    }
  }
}
