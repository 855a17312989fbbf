package dev.captions.model;

import java.util.Objects;

/** One chapter of a video: where it starts, its title and a short description. Immutable. */
public final class Chapter {
  private final long startMs;
  private final String title;
  private final String description;

  private Chapter(long startMs, String title, String description) {
    if (startMs < 0) throw new IllegalArgumentException("startMs (" + startMs + ") must be >= 0");
    if (title == null || title.isBlank()) throw new IllegalArgumentException("title must not be blank");
    this.startMs = startMs;
    this.title = title.strip();
    this.description = description == null ? "" : description.strip();
  }

  /**
   * @param description may be null or empty
   *
   * @param startMs where the chapter starts, in milliseconds from the start of the media; at least 0
   * @param title the title; not null
   * @return the chapter
   */
  public static Chapter of(long startMs, String title, String description) {
    return new Chapter(startMs, title, description);
  }

  /**
   * Where the chapter starts.
   *
   * @return the start in milliseconds from the start of the media
   */
  public long startMs() {
    return startMs;
  }

  /**
   * The chapter's title.
   *
   * @return the title; never null
   */
  public String title() {
    return title;
  }

  /** {@return the description, {@code ""} when none} */
  public String description() {
    return description;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Chapter)) return false;
    Chapter c = (Chapter) o;
    return startMs == c.startMs && title.equals(c.title) && description.equals(c.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(startMs, title, description);
  }

  @Override
  public String toString() {
    return Timecodes.format(startMs) + " " + title;
  }
}
