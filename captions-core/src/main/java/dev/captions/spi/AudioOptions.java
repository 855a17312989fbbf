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
    MP3("mp3", "audio/mpeg"),
    AAC("m4a", "audio/mp4");

    private final String extension;
    private final String mimeType;

    Format(String extension, String mimeType) {
      this.extension = extension;
      this.mimeType = mimeType;
    }

    public String extension() {
      return extension;
    }

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

  public static AudioOptions defaults() {
    return new AudioOptions(Format.WAV_16K_MONO, null, ProgressListener.NONE);
  }

  public static AudioOptions of(Format format) {
    return new AudioOptions(format, null, ProgressListener.NONE);
  }

  public AudioOptions withOutput(Path output) {
    return new AudioOptions(format, output, progress);
  }

  public AudioOptions withProgress(ProgressListener progress) {
    return new AudioOptions(format, output, progress);
  }

  public Format format() {
    return format;
  }

  /** Where a local processor writes the audio; empty means a temporary file the caller deletes when done. */
  public Optional<Path> output() {
    return Optional.ofNullable(output);
  }

  public ProgressListener progress() {
    return progress;
  }
}
