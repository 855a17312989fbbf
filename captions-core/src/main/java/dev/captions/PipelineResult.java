package dev.captions;

import dev.captions.model.CaptionTrack;
import dev.captions.model.MediaInfo;
import dev.captions.model.MediaRef;
import dev.captions.model.Transcript;
import dev.captions.model.VideoSummary;
import dev.captions.shaping.CaptionQualityReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** What a {@link CaptionPipeline} run produced. Immutable. */
public final class PipelineResult {
  private final MediaInfo mediaInfo;
  private final Transcript transcript;
  private final CaptionTrack captions;
  private final Map<String, CaptionTrack> tracks;
  private final CaptionQualityReport quality;
  private final VideoSummary summary;
  private final MediaRef captionedVideo;
  private final MediaRef subtitledVideo;
  private final List<Path> files;
  private final Map<PipelineStage, Duration> timings;
  private final Duration wallTime;

  PipelineResult(MediaInfo mediaInfo, Transcript transcript, CaptionTrack captions, Map<String, CaptionTrack> tracks,
      CaptionQualityReport quality, VideoSummary summary, MediaRef captionedVideo, MediaRef subtitledVideo,
      List<Path> files, Map<PipelineStage, Duration> timings, Duration wallTime) {
    this.mediaInfo = mediaInfo;
    this.transcript = transcript;
    this.captions = captions;
    this.tracks = Collections.unmodifiableMap(new LinkedHashMap<>(tracks));
    this.quality = quality;
    this.summary = summary;
    this.captionedVideo = captionedVideo;
    this.subtitledVideo = subtitledVideo;
    this.files = List.copyOf(files);
    this.timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    this.wallTime = wallTime;
  }

  /** {@return the probe's findings, when the media processor could probe; empty otherwise} */
  public Optional<MediaInfo> mediaInfo() {
    return Optional.ofNullable(mediaInfo);
  }

  /** {@return the transcriber's output before shaping, with the media's duration when known} */
  public Transcript transcript() {
    return transcript;
  }

  /** {@return the shaped captions in the spoken language} */
  public CaptionTrack captions() {
    return captions;
  }

  /** {@return every track by language: the original first, then translations in the order asked; unmodifiable} */
  public Map<String, CaptionTrack> tracks() {
    return tracks;
  }

  /** {@return the repairs made and the style-rule violations left} */
  public CaptionQualityReport quality() {
    return quality;
  }

  /** {@return the title, one-sentence summary and chapters, when {@code summarize(true)} was asked; else empty} */
  public Optional<VideoSummary> summary() {
    return Optional.ofNullable(summary);
  }

  /** {@return the burned-in video, when burn-in was asked for; else empty} */
  public Optional<MediaRef> captionedVideo() {
    return Optional.ofNullable(captionedVideo);
  }

  /**
   * The copy of the video with every track as a soft subtitle stream, when {@code mux(true)} asked for one.
   *
   * @return the muxed video, or empty
   */
  public Optional<MediaRef> subtitledVideo() {
    return Optional.ofNullable(subtitledVideo);
  }

  /**
   * The media's length in milliseconds as the run learned it (probe, media processor, transcriber); empty when no
   * source could tell, in which case {@link #quality()} says so.
   *
   * @return the length, or empty
   */
  public OptionalLong mediaDurationMs() {
    return transcript.mediaDurationMs();
  }

  /** {@return every file written, in the order written; unmodifiable} */
  public List<Path> files() {
    return files;
  }

  /**
   * Wall time per stage: from the stage's first start to its last end in this run, so overlapping work (several
   * translations at once, the summary alongside them) is counted once. Stages that did not run are absent.
   *
   * @return the wall time of each stage that ran, in stage order; unmodifiable
   */
  public Map<PipelineStage, Duration> timings() {
    return timings;
  }

  /**
   * {@return the wall time of the whole run, from {@code run()} being called to the result} Less than the sum of the
   * timings when stages overlapped.
   */
  public Duration wallTime() {
    return wallTime;
  }

  @Override
  public String toString() {
    return "PipelineResult{tracks=" + tracks.keySet() + ", cues=" + captions.cues().size() + ", files=" + files.size()
        + (summary != null ? ", summary=" + summary.title() : "") + '}';
  }
}
