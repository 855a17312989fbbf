package dev.captions.media.ffmpeg.internal;

import dev.captions.InvalidMediaException;
import dev.captions.InvalidMediaException.Reason;
import dev.captions.model.MediaSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A {@link MediaSource} as an FFmpeg {@code -i} argument: a checked local path, an http(s) URL FFmpeg fetches itself,
 * or a stream copied to a temporary file that {@link #close()} deletes.
 */
public final class MediaInput implements AutoCloseable {
  private final String argument;
  private final String displayName;
  private final Path temporary;

  private MediaInput(String argument, String displayName, Path temporary) {
    this.argument = argument;
    this.displayName = displayName;
    this.temporary = temporary;
  }

  /**
   * @throws InvalidMediaException when a file is missing, a directory, unreadable or empty, saying which
   */
  public static MediaInput of(MediaSource media) {
    switch (media.kind()) {
      case FILE:
        Path p = media.path().toAbsolutePath();
        checkFile(p);
        // A leading '-' would read as an option; an absolute path never starts with one, and "file:" is not used
        // because FFmpeg would then treat '?' and '#' in names specially.
        return new MediaInput(p.toString(), "'" + p + "'", null);
      case URL:
        return new MediaInput(media.uri().toString(), media.toString(), null);
      default:
        return fromStream(media);
    }
  }

  private static MediaInput fromStream(MediaSource media) {
    String name = media.name();
    int dot = name.lastIndexOf('.');
    String ext = dot >= 0 ? name.substring(dot) : ".bin";
    Path tmp = null;
    try {
      tmp = Files.createTempFile("captions-input-", ext.replaceAll("[^A-Za-z0-9.]", ""));
      try (InputStream in = media.stream()) {
        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
      }
      if (Files.size(tmp) == 0) {
        throw new InvalidMediaException(Reason.EMPTY, "The media stream '" + name + "' is empty (0 bytes); pass a stream with"
            + " the content of an audio or video file.");
      }
      return new MediaInput(tmp.toString(), "stream '" + name + "'", tmp);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new InvalidMediaException(Reason.UNREADABLE, "Cannot read the media stream '" + name + "': " + e, e);
    } catch (RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  static void checkFile(Path p) {
    if (!Files.exists(p)) {
      throw new InvalidMediaException(Reason.NOT_FOUND, "Media file not found: " + p + ". Check the path and the working directory.");
    }
    if (Files.isDirectory(p)) {
      throw new InvalidMediaException(Reason.NOT_FOUND, p + " is a directory, not a media file. Pass the path of an audio or video file.");
    }
    if (!Files.isReadable(p)) {
      throw new InvalidMediaException(Reason.UNREADABLE, "Media file " + p + " is not readable. Check its permissions.");
    }
    try {
      if (Files.size(p) == 0) {
        throw new InvalidMediaException(Reason.EMPTY, "Media file " + p + " is empty (0 bytes), so it is not a media file."
            + " Check that it was copied or downloaded completely.");
      }
    } catch (IOException e) {
      throw new InvalidMediaException(Reason.UNREADABLE, "Cannot read media file " + p + ": " + e, e);
    }
  }

  /** The {@code -i} argument. */
  public String argument() {
    return argument;
  }

  /** How error messages name the input. */
  public String displayName() {
    return displayName;
  }

  @Override
  public void close() {
    deleteQuietly(temporary);
  }

  private static void deleteQuietly(Path p) {
    if (p == null) return;
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a temp file; the OS cleans its temp directory
    }
  }
}
