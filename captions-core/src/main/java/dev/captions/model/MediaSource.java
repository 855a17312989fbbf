package dev.captions.model;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a piece of media is: a local file, an http(s) URL, or a stream. The one input type every SPI takes.
 * Immutable; a stream source can be read once only.
 *
 * <p>Nothing is read or checked for existence here; a {@code MediaProcessor} or {@code Transcriber} says what is
 * wrong with the media when it uses it.
 */
public final class MediaSource {
  /** The three kinds of source. */
  public enum Kind {
    /** A local file ({@link #path()}). */
    FILE,
    /** An http(s) URL ({@link #uri()}). */
    URL,
    /** An input stream read once ({@link #stream()}). */
    STREAM
  }

  private static final Map<String, String> MIME_BY_EXTENSION = Map.ofEntries(
      Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/mp4"), Map.entry("mov", "video/quicktime"),
      Map.entry("mkv", "video/x-matroska"), Map.entry("webm", "video/webm"), Map.entry("avi", "video/x-msvideo"),
      Map.entry("wav", "audio/wav"), Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"),
      Map.entry("aac", "audio/aac"), Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"), Map.entry("opus", "audio/opus"),
      Map.entry("flac", "audio/flac"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
      Map.entry("png", "image/png"), Map.entry("vtt", "text/vtt"), Map.entry("srt", "application/x-subrip"));

  private final Kind kind;
  private final Path path;
  private final URI uri;
  private final InputStream stream;
  private final String name;
  private final String mimeType;

  private MediaSource(Kind kind, Path path, URI uri, InputStream stream, String name, String mimeType) {
    this.kind = kind;
    this.path = path;
    this.uri = uri;
    this.stream = stream;
    this.name = name;
    this.mimeType = mimeType;
  }

  /**
   * {@return a source for the local file {@code path}} The MIME type is guessed from the extension.
   *
   * @param path the file; not null
   */
  public static MediaSource of(Path path) {
    Objects.requireNonNull(path, "path == null");
    String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
    return new MediaSource(Kind.FILE, path, null, null, name, guessMimeType(name));
  }

  /**
   * An http(s) URL, e.g. {@code "https://cdn.example.com/talk.mp4"}.
   *
   * @param url the URL
   * @throws IllegalArgumentException when it is not an absolute http or https URL
   * @return the source
   */
  public static MediaSource ofUrl(String url) {
    Objects.requireNonNull(url, "url == null");
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid URL: " + url, e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new IllegalArgumentException("expected an absolute http(s) URL but got: " + url
          + " (for a local file use MediaSource.of(Path))");
    }
    String p = uri.getPath() == null ? "" : uri.getPath();
    String name = p.substring(p.lastIndexOf('/') + 1);
    return new MediaSource(Kind.URL, null, uri, null, name.isEmpty() ? uri.getHost() : name, guessMimeType(name));
  }

  /**
   * A stream, read at most once by whoever uses the source. The caller keeps ownership and closes it.
   *
   * @param name a file name for providers that need one (e.g. {@code "talk.mp4"}); its extension gives the MIME type
   *     unless {@code mimeType} is given
   * @param mimeType may be null
   * @param stream the stream; not null
   * @return the source
   */
  public static MediaSource of(InputStream stream, String name, String mimeType) {
    Objects.requireNonNull(stream, "stream == null");
    Objects.requireNonNull(name, "name == null");
    return new MediaSource(Kind.STREAM, null, null, stream, name, mimeType != null ? mimeType : guessMimeType(name));
  }

  /**
   * {@return this source with an explicit MIME type}
   *
   * @param mimeType the MIME type, e.g. {@code "video/mp4"}
   */
  public MediaSource withMimeType(String mimeType) {
    return new MediaSource(kind, path, uri, stream, name, Objects.requireNonNull(mimeType, "mimeType == null"));
  }

  /**
   * What kind of source this is.
   *
   * @return the kind; never null
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether this is a local file.
   *
   * @return true for {@link Kind#FILE}
   */
  public boolean isFile() {
    return kind == Kind.FILE;
  }

  /**
   * Whether this is a URL.
   *
   * @return true for {@link Kind#URL}
   */
  public boolean isUrl() {
    return kind == Kind.URL;
  }

  /**
   * The path. @throws IllegalStateException when this is not a {@link Kind#FILE} source
   *
   * @return the path; never null
   */
  public Path path() {
    if (kind != Kind.FILE) throw new IllegalStateException("not a file source: " + this);
    return path;
  }

  /**
   * The URL. @throws IllegalStateException when this is not a {@link Kind#URL} source
   *
   * @return the URL; never null
   */
  public URI uri() {
    if (kind != Kind.URL) throw new IllegalStateException("not a URL source: " + this);
    return uri;
  }

  /**
   * The stream. @throws IllegalStateException when this is not a {@link Kind#STREAM} source
   *
   * @return the stream; never null
   */
  public InputStream stream() {
    if (kind != Kind.STREAM) throw new IllegalStateException("not a stream source: " + this);
    return stream;
  }

  /** {@return a file name for this media (the path's or URL's last segment, or the name given with a stream)} */
  public String name() {
    return name;
  }

  /**
   * The MIME type, given or guessed from the name.
   *
   * @return the MIME type, or empty when unknown
   */
  public Optional<String> mimeType() {
    return Optional.ofNullable(mimeType);
  }

  /**
   * Guesses a MIME type from a file name's extension, or returns null.
   *
   * @param fileName a file name or path
   * @return the MIME type, or {@code null} for an unknown extension
   */
  public static String guessMimeType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) return null;
    return MIME_BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof MediaSource)) return false;
    MediaSource m = (MediaSource) o;
    return kind == m.kind && Objects.equals(path, m.path) && Objects.equals(uri, m.uri) && stream == m.stream
        && name.equals(m.name) && Objects.equals(mimeType, m.mimeType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, path, uri, System.identityHashCode(stream), name, mimeType);
  }

  /** Shows the path or URL without its query string, which may hold a signed token. */
  @Override
  public String toString() {
    switch (kind) {
      case FILE:
        return "MediaSource{file=" + path + '}';
      case URL:
        return "MediaSource{url=" + uri.getScheme() + "://" + uri.getAuthority() + (uri.getPath() == null ? "" : uri.getPath())
            + (uri.getQuery() != null ? "?…" : "") + '}';
      default:
        return "MediaSource{stream=" + name + '}';
    }
  }
}
