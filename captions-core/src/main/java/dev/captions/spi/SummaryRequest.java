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

  public static Builder builder() {
    return new Builder();
  }

  public Optional<MediaSource> video() {
    return Optional.ofNullable(video);
  }

  /** Frames in time order, possibly empty. */
  public List<Frame> frames() {
    return frames;
  }

  public Optional<CaptionTrack> transcript() {
    return Optional.ofNullable(transcript);
  }

  public OptionalLong mediaDurationMs() {
    return mediaDurationMs == null ? OptionalLong.empty() : OptionalLong.of(mediaDurationMs);
  }

  /** The language to write the summary in (BCP-47). */
  public String language() {
    return language;
  }

  /** At most this many chapters. */
  public int maxChapters() {
    return maxChapters;
  }

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

    public Builder video(MediaSource video) {
      this.video = video;
      return this;
    }

    public Builder frames(List<Frame> frames) {
      this.frames = Objects.requireNonNull(frames, "frames == null");
      return this;
    }

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

    public Builder language(String language) {
      this.language = Objects.requireNonNull(language, "language == null");
      return this;
    }

    public Builder maxChapters(int maxChapters) {
      if (maxChapters < 1) throw new IllegalArgumentException("maxChapters (" + maxChapters + ") must be >= 1");
      this.maxChapters = maxChapters;
      return this;
    }

    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    /** @throws IllegalArgumentException when there is neither video, frames nor transcript */
    public SummaryRequest build() {
      if (video == null && frames.isEmpty() && transcript == null) {
        throw new IllegalArgumentException("a summary needs a video, frames or a transcript; none was given");
      }
      return new SummaryRequest(this);
    }
  }
}
