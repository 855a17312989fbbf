package dev.captions.chunking;

import dev.captions.spi.AudioOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a transcriber declares about long media, for the {@linkplain ChunkedTranscriber long-media engine}: the most
 * it takes in one call (bytes, duration), the chunk length it works best with, how many calls may run at once, how
 * much audio before a chunk it should hear first, and the audio encodings it accepts, best first. Immutable and
 * thread-safe.
 *
 * <p>{@link #unchunked()} (the default of {@link dev.captions.spi.Transcriber#chunkLimits()}) means "give me the
 * media whole": providers that fetch a URL themselves, or tests.
 */
public final class ChunkLimits {
  private static final ChunkLimits UNCHUNKED = builder().splittable(false).build();

  private final boolean splittable;
  private final long maxBytes;
  private final long maxDurationMs;
  private final long preferredChunkMs;
  private final int maxConcurrency;
  private final long leadInMs;
  private final List<AudioOptions.Format> uploadFormats;

  private ChunkLimits(Builder b) {
    this.splittable = b.splittable;
    this.maxBytes = b.maxBytes;
    this.maxDurationMs = b.maxDurationMs;
    this.preferredChunkMs = b.preferredChunkMs;
    this.maxConcurrency = b.maxConcurrency;
    this.leadInMs = b.leadInMs;
    this.uploadFormats = List.copyOf(b.uploadFormats);
  }

  /** {@return the limits of a transcriber that takes the media in one call, whole, as it gets it; none declared} */
  public static ChunkLimits unchunked() {
    return UNCHUNKED;
  }

  /** {@return a new builder: splittable, no limits, one call at a time, PCM WAV uploads} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return whether the engine may cut the audio into chunks; {@code false} hands the media over whole} */
  public boolean splittable() {
    return splittable;
  }

  /** {@return the largest upload one call takes, in bytes; empty when unlimited} */
  public OptionalLong maxBytes() {
    return maxBytes > 0 ? OptionalLong.of(maxBytes) : OptionalLong.empty();
  }

  /**
   * {@return the most audio one call takes, in milliseconds; empty when unlimited} For an
   * {@linkplain #splittable() unsplittable} transcriber this is the longest media it can take at all, checked before
   * the first call.
   */
  public OptionalLong maxDurationMs() {
    return maxDurationMs > 0 ? OptionalLong.of(maxDurationMs) : OptionalLong.empty();
  }

  /**
   * {@return the chunk length the transcriber is fastest and most accurate with, in milliseconds; 0 for "as long as
   * the limits allow"} Chunks are cut at pauses near this length, and shorter when that keeps every concurrent call
   * busy.
   */
  public long preferredChunkMs() {
    return preferredChunkMs;
  }

  /**
   * {@return how many chunks may be transcribed at once, at least 1} {@code captions.<provider>.maxConcurrency}
   * overrides it.
   */
  public int maxConcurrency() {
    return maxConcurrency;
  }

  /**
   * {@return the audio before each chunk that the transcriber hears first (to adapt to the voice) and whose words are
   * dropped, in milliseconds; 0 for none}
   */
  public long leadInMs() {
    return leadInMs;
  }

  /** {@return the audio encodings the transcriber accepts, best (usually smallest) first; never empty} */
  public List<AudioOptions.Format> uploadFormats() {
    return uploadFormats;
  }

  /** {@return a new builder with these values} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.splittable = splittable;
    b.maxBytes = maxBytes;
    b.maxDurationMs = maxDurationMs;
    b.preferredChunkMs = preferredChunkMs;
    b.maxConcurrency = maxConcurrency;
    b.leadInMs = leadInMs;
    b.uploadFormats = new ArrayList<>(uploadFormats);
    return b;
  }

  @Override
  public String toString() {
    return "ChunkLimits{splittable=" + splittable + ", maxBytes=" + maxBytes + ", maxDurationMs=" + maxDurationMs
        + ", preferredChunkMs=" + preferredChunkMs + ", maxConcurrency=" + maxConcurrency + ", leadInMs=" + leadInMs
        + ", uploadFormats=" + uploadFormats + '}';
  }

  /** Builds {@link ChunkLimits}. Not thread-safe. */
  public static final class Builder {
    private boolean splittable = true;
    private long maxBytes;
    private long maxDurationMs;
    private long preferredChunkMs;
    private int maxConcurrency = 1;
    private long leadInMs;
    private List<AudioOptions.Format> uploadFormats = new ArrayList<>(List.of(AudioOptions.Format.WAV_16K_MONO));

    private Builder() {}

    /**
     * Sets whether the audio may be cut (default true).
     *
     * @param splittable false to hand the media over whole
     * @return this builder
     */
    public Builder splittable(boolean splittable) {
      this.splittable = splittable;
      return this;
    }

    /**
     * Sets the largest upload.
     *
     * @param maxBytes the limit in bytes; 0 for unlimited
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxBytes(long maxBytes) {
      this.maxBytes = nonNegative("maxBytes", maxBytes);
      return this;
    }

    /**
     * Sets the most audio per call.
     *
     * @param maxDurationMs the limit in milliseconds; 0 for unlimited
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder maxDurationMs(long maxDurationMs) {
      this.maxDurationMs = nonNegative("maxDurationMs", maxDurationMs);
      return this;
    }

    /**
     * Sets the best chunk length.
     *
     * @param preferredChunkMs the length in milliseconds; 0 for "as long as allowed"
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder preferredChunkMs(long preferredChunkMs) {
      this.preferredChunkMs = nonNegative("preferredChunkMs", preferredChunkMs);
      return this;
    }

    /**
     * Sets how many calls may run at once.
     *
     * @param maxConcurrency the bound, at least 1
     * @return this builder
     * @throws IllegalArgumentException when less than 1
     */
    public Builder maxConcurrency(int maxConcurrency) {
      if (maxConcurrency < 1) throw new IllegalArgumentException("maxConcurrency must be >= 1, but is " + maxConcurrency);
      this.maxConcurrency = maxConcurrency;
      return this;
    }

    /**
     * Sets the audio heard before each chunk.
     *
     * @param leadInMs the lead-in in milliseconds; 0 for none
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder leadInMs(long leadInMs) {
      this.leadInMs = nonNegative("leadInMs", leadInMs);
      return this;
    }

    /**
     * Sets the accepted encodings.
     *
     * @param formats the encodings, best first; at least one
     * @return this builder
     * @throws IllegalArgumentException when empty
     * @throws NullPointerException when {@code formats} or an element is null
     */
    public Builder uploadFormats(AudioOptions.Format... formats) {
      if (formats.length == 0) throw new IllegalArgumentException("uploadFormats must name at least one format");
      List<AudioOptions.Format> list = new ArrayList<>();
      for (AudioOptions.Format f : formats) list.add(Objects.requireNonNull(f, "format == null"));
      this.uploadFormats = list;
      return this;
    }

    /** {@return the limits} */
    public ChunkLimits build() {
      return new ChunkLimits(this);
    }

    private static long nonNegative(String name, long value) {
      if (value < 0) throw new IllegalArgumentException(name + " must be >= 0, but is " + value);
      return value;
    }
  }
}
