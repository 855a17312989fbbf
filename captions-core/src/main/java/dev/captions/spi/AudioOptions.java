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
    MP3("mp3", "audio/mpeg"),
    AAC("m4a", "audio/mp4"),
    /** Lossless FLAC, 16 kHz mono: about half the size of {@link #WAV_16K_MONO} for speech. */
    FLAC("flac", "audio/flac"),
    /**
     * Opus speech coding in an Ogg container, 16 kHz mono at 24 kbit/s (about 0.18 MB per minute): the smallest
     * upload that cloud recognisers accept; FFmpeg encodes it at low complexity (fast) for speech.
     */
    OGG_OPUS("ogg", "audio/ogg");

    private final String extension;
    private final String mimeType;

    Format(String extension, String mimeType) {
      this.extension = extension;
      this.mimeType = mimeType;
    }

    /** The file name extension, without the dot, e.g. {@code "ogg"}. */
    public String extension() {
      return extension;
    }

    /** The MIME type uploads of this format are sent with, e.g. {@code "audio/ogg"}. */
    public String mimeType() {
      return mimeType;
    }

    /** Whether this is a compressed encoding (every format but {@link #WAV_16K_MONO}). */
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

  /** 16 kHz mono PCM WAV of the whole media, to a temporary file, without progress. */
  public static AudioOptions defaults() {
    return new AudioOptions(Format.WAV_16K_MONO, null, ProgressListener.NONE, 0, -1);
  }

  /** The whole media in {@code format}, to a temporary file, without progress. */
  public static AudioOptions of(Format format) {
    return new AudioOptions(format, null, ProgressListener.NONE, 0, -1);
  }

  /** These options writing to {@code output} (null: a temporary file). */
  public AudioOptions withOutput(Path output) {
    return new AudioOptions(format, output, progress, startMs, endMs);
  }

  /** These options reporting to {@code progress}. */
  public AudioOptions withProgress(ProgressListener progress) {
    return new AudioOptions(format, output, progress, startMs, endMs);
  }

  /**
   * These options for the media from {@code startMs} (inclusive) to {@code endMs} (exclusive) only, both in
   * milliseconds from the media's start. A processor cuts sample-exactly where the input allows it (PCM WAV input).
   *
   * @throws IllegalArgumentException when {@code startMs < 0} or {@code endMs <= startMs}
   */
  public AudioOptions withRange(long startMs, long endMs) {
    if (startMs < 0 || endMs <= startMs) {
      throw new IllegalArgumentException("range must have 0 <= startMs < endMs, but is " + startMs + "-" + endMs);
    }
    return new AudioOptions(format, output, progress, startMs, endMs);
  }

  /** The output encoding. */
  public Format format() {
    return format;
  }

  /** Where the wanted range starts, in milliseconds from the media's start; 0 for the whole media. */
  public long startMs() {
    return startMs;
  }

  /** Where the wanted range ends (exclusive), in milliseconds; empty for the end of the media. */
  public OptionalLong endMs() {
    return endMs < 0 ? OptionalLong.empty() : OptionalLong.of(endMs);
  }

  /** Where a local processor writes the audio; empty means a temporary file the caller deletes when done. */
  public Optional<Path> output() {
    return Optional.ofNullable(output);
  }

  /** Where the extraction reports progress; never null. */
  public ProgressListener progress() {
    return progress;
  }
}
