package dev.captions.model;

import java.util.List;
import java.util.Objects;

/** What a probe found in a media file: its duration and streams. Immutable. */
public final class MediaInfo {
  /** One stream of a container. */
  public static final class Stream {
    /** Stream types. */
    public enum Type {
      /** An audio stream. */
      AUDIO,
      /** A video stream. */
      VIDEO,
      /** A subtitle stream. */
      SUBTITLE,
      /** Anything else (data, attachments). */
      OTHER
    }

    private final int index;
    private final Type type;
    private final String codec;
    private final String language;

    private Stream(int index, Type type, String codec, String language) {
      this.index = index;
      this.type = Objects.requireNonNull(type, "type == null");
      this.codec = codec == null ? "" : codec;
      this.language = language;
    }

    /**
     * @param language a language tag, or null when the container has none
     *
     * @param index the stream's index in the container
     * @param type what the stream holds
     * @param codec the codec name, e.g. {@code "aac"}
     * @return the stream
     */
    public static Stream of(int index, Type type, String codec, String language) {
      return new Stream(index, type, codec, language);
    }

    /**
     * The stream's index in the container.
     *
     * @return the 0-based index
     */
    public int index() {
      return index;
    }

    /**
     * What the stream holds.
     *
     * @return the type; never null
     */
    public Type type() {
      return type;
    }

    /**
     * The codec name.
     *
     * @return the name, e.g. {@code "h264"}
     */
    public String codec() {
      return codec;
    }

    /** {@return the stream's language tag, or null} */
    public String language() {
      return language;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Stream)) return false;
      Stream s = (Stream) o;
      return index == s.index && type == s.type && codec.equals(s.codec) && Objects.equals(language, s.language);
    }

    @Override
    public int hashCode() {
      return Objects.hash(index, type, codec, language);
    }

    @Override
    public String toString() {
      return "#" + index + " " + type + " " + codec + (language != null ? " [" + language + "]" : "");
    }
  }

  private final long durationMs;
  private final List<Stream> streams;
  private final String format;

  private MediaInfo(long durationMs, List<Stream> streams, String format) {
    if (durationMs < 0) throw new IllegalArgumentException("durationMs (" + durationMs + ") must be >= 0");
    this.durationMs = durationMs;
    this.streams = List.copyOf(streams);
    this.format = format == null ? "" : format;
  }

  /**
   * @param format the container format name (e.g. {@code "mov,mp4,m4a"}), may be null
   *
   * @param durationMs the duration in milliseconds
   * @param streams the streams; copied
   * @return the facts
   */
  public static MediaInfo of(long durationMs, List<Stream> streams, String format) {
    return new MediaInfo(durationMs, streams, format);
  }

  /**
   * The media's duration.
   *
   * @return the duration in milliseconds
   */
  public long durationMs() {
    return durationMs;
  }

  /**
   * The media's streams, in container order.
   *
   * @return the streams; unmodifiable
   */
  public List<Stream> streams() {
    return streams;
  }

  /**
   * The container format name.
   *
   * @return the name (e.g. {@code "mov,mp4,m4a"}), or {@code null} when unknown
   */
  public String format() {
    return format;
  }

  /**
   * Whether the media has an audio stream.
   *
   * @return true when one of {@link #streams()} is audio
   */
  public boolean hasAudio() {
    return streams.stream().anyMatch(s -> s.type() == Stream.Type.AUDIO);
  }

  /**
   * Whether the media has a video stream.
   *
   * @return true when one of {@link #streams()} is video
   */
  public boolean hasVideo() {
    return streams.stream().anyMatch(s -> s.type() == Stream.Type.VIDEO);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MediaInfo)) return false;
    MediaInfo m = (MediaInfo) o;
    return durationMs == m.durationMs && streams.equals(m.streams) && format.equals(m.format);
  }

  @Override
  public int hashCode() {
    return Objects.hash(durationMs, streams, format);
  }

  @Override
  public String toString() {
    return "MediaInfo{" + Timecodes.format(durationMs) + ", format=" + format + ", streams=" + streams + '}';
  }
}
