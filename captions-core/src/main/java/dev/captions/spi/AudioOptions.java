package dev.captions.spi;

import dev.captions.ProgressListener;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** Options for {@link MediaProcessor#extractAudio}. Immutable. Default: 16 kHz mono PCM WAV, the ASR format. */
public final class AudioOptions {
  /** Output encodings. */
  public enum Format {
    /** 16 kHz, mono, 16-bit PCM WAV: what speech recognisers want. */
    WAV_16K_MONO("wav", "audio/wav"),
    /** MP3 ({@code .mp3}, {@code audio/mpeg}). */
    MP3("mp3", "audio/mpeg"),
    /** AAC in an MP4 container ({@code .m4a}, {@code audio/mp4}). */
    AAC("m4a", "audio/mp4");

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
  }

  private final Format format;
  private final Path output;
  private final ProgressListener progress;

  private AudioOptions(Format format, Path output, ProgressListener progress) {
    this.format = Objects.requireNonNull(format, "format == null");
    this.output = output;
    this.progress = Objects.requireNonNull(progress, "progress == null");
  }

  /**
   * The defaults: 16 kHz mono PCM WAV ({@link Format#WAV_16K_MONO}) to a temporary file, no progress reporting.
   *
   * @return the default options
   */
  public static AudioOptions defaults() {
    return new AudioOptions(Format.WAV_16K_MONO, null, ProgressListener.NONE);
  }

  /**
   * Options extracting to {@code format}, to a temporary file.
   *
   * @param format the audio encoding; not null
   * @return the options
   */
  public static AudioOptions of(Format format) {
    return new AudioOptions(format, null, ProgressListener.NONE);
  }

  /**
   * A copy of these options writing to {@code output}.
   *
   * @param output the file to write, or {@code null} for a temporary file
   * @return the new options
   */
  public AudioOptions withOutput(Path output) {
    return new AudioOptions(format, output, progress);
  }

  /**
   * A copy of these options reporting progress to {@code progress}.
   *
   * @param progress the listener; not null
   * @return the new options
   */
  public AudioOptions withProgress(ProgressListener progress) {
    return new AudioOptions(format, output, progress);
  }

  /**
   * The audio encoding to extract to.
   *
   * @return the format; never null
   */
  public Format format() {
    return format;
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
