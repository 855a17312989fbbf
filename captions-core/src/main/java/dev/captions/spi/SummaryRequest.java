package dev.captions.spi;

import dev.captions.ProgressListener;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Frame;
import dev.captions.model.MediaSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a {@link Summarizer} gets: the video itself and/or frames taken from it, and/or its transcript, plus options.
 * At least one of video, frames or transcript must be given. Immutable.
 */
public final class SummaryRequest {
  private final MediaSource video;
  private final List<Frame> frames;
  private final CaptionTrack transcript;
  private final Long mediaDurationMs;
  private final String language;
  private final int maxChapters;
  private final ProgressListener progress;

  private SummaryRequest(Builder b) {
    this.video = b.video;
    this.frames = List.copyOf(b.frames);
    this.transcript = b.transcript;
    this.mediaDurationMs = b.mediaDurationMs;
    this.language = b.language;
    this.maxChapters = b.maxChapters;
    this.progress = b.progress;
  }

  /**
   * A builder with no input yet.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The video to summarise, for summarizers that read video.
   *
   * @return the video, or empty when there is none
   */
  public Optional<MediaSource> video() {
    return Optional.ofNullable(video);
  }

  /**
   * Frames in time order, possibly empty.
   *
   * @return the frames; unmodifiable
   */
  public List<Frame> frames() {
    return frames;
  }

  /**
   * The transcript to summarise.
   *
   * @return the transcript, or empty when there is none
   */
  public Optional<CaptionTrack> transcript() {
    return Optional.ofNullable(transcript);
  }

  /**
   * The media's duration, for chapter times.
   *
   * @return the duration in milliseconds, or empty when unknown
   */
  public OptionalLong mediaDurationMs() {
    return mediaDurationMs == null ? OptionalLong.empty() : OptionalLong.of(mediaDurationMs);
  }

  /** {@return the language to write the summary in (BCP-47)} */
  public String language() {
    return language;
  }

  /**
   * At most this many chapters.
   *
   * @return the chapter limit, at least 1
   */
  public int maxChapters() {
    return maxChapters;
  }

  /**
   * The listener told about progress.
   *
   * @return the listener; never null
   */
  public ProgressListener progress() {
    return progress;
  }

  /** Builds a {@link SummaryRequest}. Defaults: language {@code "en"}, at most 10 chapters. */
  public static final class Builder {
    private MediaSource video;
    private List<Frame> frames = List.of();
    private CaptionTrack transcript;
    private Long mediaDurationMs;
    private String language = "en";
    private int maxChapters = 10;
    private ProgressListener progress = ProgressListener.NONE;

    private Builder() {}

    /**
     * Sets the video.
     *
     * @param video the video, or {@code null}
     * @return this builder
     */
    public Builder video(MediaSource video) {
      this.video = video;
      return this;
    }

    /**
     * Sets the frames.
     *
     * @param frames frames in time order; not null
     * @return this builder
     */
    public Builder frames(List<Frame> frames) {
      this.frames = Objects.requireNonNull(frames, "frames == null");
      return this;
    }

    /**
     * Sets the transcript.
     *
     * @param transcript the transcript, or {@code null}
     * @return this builder
     */
    public Builder transcript(CaptionTrack transcript) {
      this.transcript = transcript;
      return this;
    }

    /**
     * The media's duration, when the caller knows it (unknown by default).
     *
     * @param mediaDurationMs milliseconds, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder mediaDurationMs(long mediaDurationMs) {
      if (mediaDurationMs < 0) throw new IllegalArgumentException("mediaDurationMs (" + mediaDurationMs + ") must be >= 0");
      this.mediaDurationMs = mediaDurationMs;
      return this;
    }

    /**
     * Sets the language to write in.
     *
     * @param language a BCP-47 tag; not null
     * @return this builder
     */
    public Builder language(String language) {
      this.language = Objects.requireNonNull(language, "language == null");
      return this;
    }

    /**
     * Sets the chapter limit.
     *
     * @param maxChapters at most this many chapters, at least 1
     * @return this builder
     * @throws IllegalArgumentException when {@code maxChapters} is less than 1
     */
    public Builder maxChapters(int maxChapters) {
      if (maxChapters < 1) throw new IllegalArgumentException("maxChapters (" + maxChapters + ") must be >= 1");
      this.maxChapters = maxChapters;
      return this;
    }

    /**
     * Sets the listener told about progress.
     *
     * @param progress the listener; not null
     * @return this builder
     */
    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    /**
     * @throws IllegalArgumentException when there is neither video, frames nor transcript
     *
     * @return the request
     */
    public SummaryRequest build() {
      if (video == null && frames.isEmpty() && transcript == null) {
        throw new IllegalArgumentException("a summary needs a video, frames or a transcript; none was given");
      }
      return new SummaryRequest(this);
    }
  }
}
