package dev.captions.provider.gcore;

/** A subtitle track attached to a Gcore video, as {@code POST /streaming/videos/{id}/subtitles} returns it. Immutable. */
public final class GcoreSubtitle {
  private final long id;
  private final String name;
  private final String language;

  /**
   * A subtitle track as Gcore returns it.
   *
   * @param id Gcore's subtitle id
   * @param name the track's name; {@code null} becomes {@code ""}
   * @param language Gcore's three-letter code; {@code null} becomes {@code ""}
   */
  public GcoreSubtitle(long id, String name, String language) {
    this.id = id;
    this.name = name == null ? "" : name;
    this.language = language == null ? "" : language;
  }

  /**
   * Gcore's id of the subtitle track.
   *
   * @return the id
   */
  public long id() {
    return id;
  }

  /**
   * The track's name as shown in the player.
   *
   * @return the name; {@code ""} when none
   */
  public String name() {
    return name;
  }

  /**
   * Gcore's three-letter code, e.g. {@code "eng"}.
   *
   * @return the code; {@code ""} when Gcore gave none
   */
  public String language() {
    return language;
  }

  @Override
  public String toString() {
    return "GcoreSubtitle{id=" + id + ", name=" + name + ", language=" + language + '}';
  }
}
