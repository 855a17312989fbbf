package dev.captions.spark;

import dev.captions.OutputNotWritableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;

/**
 * One video's output directory, through Hadoop's {@link FileSystem} (so {@code file:}, {@code hdfs:}, {@code s3a:},
 * {@code gs:} work when their connector is on the class path). Every file is written atomically: to a hidden
 * temporary name in the same directory, then renamed into place, so readers never see half a file.
 */
final class OutputStore {
  private final FileSystem fs;
  private final Path directory;

  private OutputStore(FileSystem fs, Path directory) {
    this.fs = fs;
    this.directory = directory;
  }

  /**
   * The store for {@code directory}. On a checksummed file system (the local one) the raw file system underneath is
   * used: no {@code .crc} side files (the outputs match the CLI's), and file names may hold characters such as
   * {@code ':'} that the checksum layer cannot put in its side files' names.
   */
  static OutputStore open(Path directory, Configuration conf) throws IOException {
    FileSystem fs = directory.getFileSystem(conf);
    if (fs instanceof ChecksumFileSystem) fs = ((ChecksumFileSystem) fs).getRawFileSystem();
    return new OutputStore(fs, fs.makeQualified(directory));
  }

  /** Creates the catalogue's root output directory on the driver, so an unwritable one fails before any work. */
  static void checkWritable(String root, Configuration conf) {
    Path dir = new Path(root);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (fs.exists(dir) && !fs.getFileStatus(dir).isDirectory()) {
        throw new OutputNotWritableException("Output directory " + root + " is a file. Choose a directory.");
      }
      if (!fs.mkdirs(dir)) throw new OutputNotWritableException("Cannot create the output directory " + root + '.');
      // A permission check, not a test write: a run that skips every video must leave the directory untouched.
      fs.access(dir, FsAction.WRITE);
    } catch (IOException e) {
      throw new OutputNotWritableException("Output directory " + root + " is not writable: " + e.getMessage()
          + ". Choose a directory every executor can write to.");
    }
  }

  Path directory() {
    return directory;
  }

  /** The fully qualified URI of {@code name} in this directory. */
  String uriOf(String name) {
    return child(name).toUri().toString();
  }

  boolean exists(String name) throws IOException {
    return fs.exists(child(name));
  }

  /** The UTF-8 text of {@code name}, or empty when there is no such file. */
  Optional<String> readText(String name) throws IOException {
    Path p = child(name);
    if (!fs.exists(p)) return Optional.empty();
    try (InputStream in = fs.open(p)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** Copies a finished local file in as {@code name}, atomically; returns its URI. */
  String put(java.nio.file.Path local, String name) throws IOException {
    Path tmp = temporary(name);
    try {
      try (OutputStream out = fs.create(tmp, true)) {
        Files.copy(local, out);
      }
      moveIntoPlace(tmp, name);
    } catch (IOException | RuntimeException e) {
      fs.delete(tmp, false);
      throw e;
    }
    return uriOf(name);
  }

  /** Writes UTF-8 text as {@code name}, atomically. */
  void putText(String name, String text) throws IOException {
    Path tmp = temporary(name);
    try {
      try (OutputStream out = fs.create(tmp, true)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      moveIntoPlace(tmp, name);
    } catch (IOException | RuntimeException e) {
      fs.delete(tmp, false);
      throw e;
    }
  }

  /** Deletes {@code name} if it exists. */
  void delete(String name) throws IOException {
    fs.delete(child(name), false);
  }

  private Path temporary(String name) throws IOException {
    fs.mkdirs(directory);
    return child("." + name + "." + UUID.randomUUID() + ".tmp");
  }

  /**
   * {@code name} in this directory. Not {@code new Path(directory, name)}: that parses the name as a URI, so a file
   * named after a video called {@code "Take 2: final.mp4"} would fail; this quotes whatever the name holds.
   */
  private Path child(String name) {
    java.net.URI dir = directory.toUri();
    return new Path(dir.getScheme(), dir.getAuthority(), dir.getPath() + "/" + name);
  }

  /**
   * Renames over {@code name}. Hadoop's rename does not replace an existing file on every file system (HDFS
   * refuses), so an older file is deleted first; the manifest protocol in {@link VideoCaptioner} makes that safe.
   */
  private void moveIntoPlace(Path tmp, String name) throws IOException {
    Path target = child(name);
    if (fs.exists(target)) fs.delete(target, false);
    if (!fs.rename(tmp, target)) throw new IOException("Could not rename " + tmp + " to " + target);
  }
}
