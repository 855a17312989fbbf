package dev.captions.spi;

import dev.captions.ProgressListener;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Options for {@link MediaProcessor#extractAudio}. Immutable. Default: 16 kHz mono PCM WAV, the ASR format, of the
 * whole media. A {@linkplain #withRange time range} asks for part of it (the long-media engine encodes one chunk at a
 * time from the extracted PCM this way).
 */
public final class AudioOptions {
  /** Output encodings. */
  public enum Format {
    /** 16 kHz, mono, 16-bit PCM WAV: what speech recognisers want. */
    WAV_16K_MONO("wav", "audio/wav"),
    /** MP3 ({@code .mp3}, {@code audio/mpeg}). */
    MP3("mp3", "audio/mpeg"),
    /** AAC in an MP4 container ({@code .m4a}, {@code audio/mp4}). */
    AAC("m4a", "audio/mp4"),
    /** Lossless FLAC, 16 kHz mono: about half the size of {@link #WAV_16K_MONO} for speech. */
    FLAC("flac", "audio/flac"),
    /**
     * Opus speech coding in an Ogg container, 16 kHz mono at 24 kbit/s (about 0.18 MB per minute): the smallest
     * upload that cloud recognisers accept; FFmpeg encodes it at low complexity (fast) for speech.
     */
    OGG_OPUS("ogg", "audio/ogg"),
    /**
     * MP3 for speech: 16 kHz mono at a constant 24 kbit/s (about 0.18 MB per minute), encoded at the encoder's fastest
     * setting. About as small as {@link #OGG_OPUS} and, with the bundled FFmpeg, a fifth of its encoding CPU
     * (measured: 0.4 s against 1.9 s per 5 min of speech): the cloud upload format when encoding is the bottleneck.
     */
    MP3_16K_MONO("mp3", "audio/mpeg");

    private final String extension;
    private final String mimeType;

    Format(String extension, String mimeType) {
      this.extension = extension;
      this.mimeType = mimeType;
    }

    /**
     * The file extension for this format, without the dot.
     *
     * @return the extension, e.g. {@code "mp3"}
     */
    public String extension() {
      return extension;
    }

    /**
     * The MIME type of this format.
     *
     * @return the MIME type, e.g. {@code "audio/mpeg"}
     */
    public String mimeType() {
      return mimeType;
    }

    /** {@return whether this is a compressed encoding (every format but {@link #WAV_16K_MONO})} */
    public boolean isCompressed() {
      return this != WAV_16K_MONO;
    }
  }

  private final Format format;
  private final Path output;
  private final ProgressListener progress;
  private final long startMs;
  private final long endMs;

  private AudioOptions(Format format, Path output, ProgressListener progress, long startMs, long endMs) {
    this.format = Objects.requireNonNull(format, "format == null");
    this.output = output;
    this.progress = Objects.requireNonNull(progress, "progress == null");
    this.startMs = startMs;
    this.endMs = endMs;
  }

  /**
   * The defaults: 16 kHz mono PCM WAV ({@link Format#WAV_16K_MONO}) to a temporary file, no progress reporting.
   *
   * @return the default options
   */
  public static AudioOptions defaults() {
    return new AudioOptions(Format.WAV_16K_MONO, null, ProgressListener.NONE, 0, -1);
  }

  /**
   * Options extracting to {@code format}, to a temporary file.
   *
   * @param format the audio encoding; not null
   * @return the options
   */
  public static AudioOptions of(Format format) {
    return new AudioOptions(format, null, ProgressListener.NONE, 0, -1);
  }

  /**
   * A copy of these options writing to {@code output}.
   *
   * @param output the file to write, or {@code null} for a temporary file
   * @return the new options
   */
  public AudioOptions withOutput(Path output) {
    return new AudioOptions(format, output, progress, startMs, endMs);
  }

  /**
   * A copy of these options reporting progress to {@code progress}.
   *
   * @param progress the listener; not null
   * @return the new options
   */
  public AudioOptions withProgress(ProgressListener progress) {
    return new AudioOptions(format, output, progress, startMs, endMs);
  }

  /**
   * These options for the media from {@code startMs} (inclusive) to {@code endMs} (exclusive) only, both in
   * milliseconds from the media's start. A processor cuts sample-exactly where the input allows it (PCM WAV input).
   *
   * @param startMs where the range starts, in milliseconds; 0 or more
   * @param endMs where the range ends (exclusive), in milliseconds; more than {@code startMs}
   * @return the new options
   * @throws IllegalArgumentException when {@code startMs < 0} or {@code endMs <= startMs}
   */
  public AudioOptions withRange(long startMs, long endMs) {
    if (startMs < 0 || endMs <= startMs) {
      throw new IllegalArgumentException("range must have 0 <= startMs < endMs, but is " + startMs + "-" + endMs);
    }
    return new AudioOptions(format, output, progress, startMs, endMs);
  }

  /**
   * The audio encoding to extract to.
   *
   * @return the format; never null
   */
  public Format format() {
    return format;
  }

  /** {@return where the wanted range starts, in milliseconds from the media's start; 0 for the whole media} */
  public long startMs() {
    return startMs;
  }

  /** {@return where the wanted range ends (exclusive), in milliseconds; empty for the end of the media} */
  public OptionalLong endMs() {
    return endMs < 0 ? OptionalLong.empty() : OptionalLong.of(endMs);
  }

  /** {@return where a local processor writes the audio; empty means a temporary file the caller deletes when done} */
  public Optional<Path> output() {
    return Optional.ofNullable(output);
  }

  /**
   * The listener told about extraction progress.
   *
   * @return the listener; {@link ProgressListener#NONE} when nobody listens, never null
   */
  public ProgressListener progress() {
    return progress;
  }
}
