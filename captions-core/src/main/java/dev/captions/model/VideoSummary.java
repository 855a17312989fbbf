package dev.captions.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A video's title, one-sentence summary and chapters. Immutable. */
public final class VideoSummary {
  private final String title;
  private final String summary;
  private final List<Chapter> chapters;
  private final String language;

  private VideoSummary(String title, String summary, List<Chapter> chapters, String language) {
    if (title == null || title.isBlank()) throw new IllegalArgumentException("title must not be blank");
    this.title = title.strip();
    this.summary = summary == null ? "" : summary.strip();
    this.language = Objects.requireNonNull(language, "language == null");
    List<Chapter> sorted = new ArrayList<>(Objects.requireNonNull(chapters, "chapters == null"));
    sorted.sort((a, b) -> Long.compare(a.startMs(), b.startMs()));
    this.chapters = List.copyOf(sorted);
  }

  /**
   * Chapters are kept sorted by start time.
   *
   * @param title the title; not null
   * @param summary one sentence, {@code ""} for none
   * @param chapters the chapters; copied and sorted
   * @param language the language the summary is written in (BCP-47)
   * @return the summary
   */
  public static VideoSummary of(String title, String summary, List<Chapter> chapters, String language) {
    return new VideoSummary(title, summary, chapters, language);
  }

  /**
   * The video's title.
   *
   * @return the title; never null
   */
  public String title() {
    return title;
  }

  /** {@return one sentence; {@code ""} when none} */
  public String summary() {
    return summary;
  }

  /**
   * Sorted by start time.
   *
   * @return the chapters; unmodifiable
   */
  public List<Chapter> chapters() {
    return chapters;
  }

  /**
   * The language the summary is written in.
   *
   * @return a BCP-47 tag
   */
  public String language() {
    return language;
  }

  /**
   * The chapters as a {@link TrackKind#CHAPTERS} track: each chapter runs until the next starts, the last until
   * {@code mediaDurationMs}. Chapters that would be empty are skipped.
   *
   * @param mediaDurationMs the media's duration in milliseconds
   * @return the chapters track
   */
  public CaptionTrack toChaptersTrack(long mediaDurationMs) {
    DefaultCaptionTrack.Builder b = CaptionTrack.builder().language(language).kind(TrackKind.CHAPTERS);
    for (int i = 0; i < chapters.size(); i++) {
      Chapter c = chapters.get(i);
      long end = i + 1 < chapters.size() ? chapters.get(i + 1).startMs() : mediaDurationMs;
      if (end <= c.startMs()) continue;
      b.addCue(Cue.builder().id("chapter-" + (i + 1)).startMs(c.startMs()).endMs(end).plainText(c.title()).build());
    }
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof VideoSummary)) return false;
    VideoSummary s = (VideoSummary) o;
    return title.equals(s.title) && summary.equals(s.summary) && chapters.equals(s.chapters) && language.equals(s.language);
  }

  @Override
  public int hashCode() {
    return Objects.hash(title, summary, chapters, language);
  }

  @Override
  public String toString() {
    return "VideoSummary{title=" + title + ", chapters=" + chapters.size() + '}';
  }
}
