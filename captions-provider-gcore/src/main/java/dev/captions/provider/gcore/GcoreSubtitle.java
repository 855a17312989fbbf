package dev.captions.provider.gcore;

/**
 * A subtitle track attached to a Gcore video, as {@code POST /streaming/videos/{id}/subtitles} returns it (and
 * {@code GET} lists them, with their WebVTT). Immutable.
 */
public final class GcoreSubtitle {
  private final long id;
  private final String name;
  private final String language;
  private final String vtt;

  /**
   * A subtitle track as Gcore returns it.
   *
   * @param id Gcore's subtitle id
   * @param name the track's name; {@code null} becomes {@code ""}
   * @param language Gcore's three-letter code; {@code null} becomes {@code ""}
   */
  public GcoreSubtitle(long id, String name, String language) {
    this(id, name, language, null);
  }

  /**
   * A subtitle as Gcore lists it, with its text.
   *
   * @param id Gcore's subtitle id
   * @param name the track's name as Gcore shows it; {@code null} becomes {@code ""}
   * @param language Gcore's three-letter code; {@code null} becomes {@code ""}
   * @param vtt the track's WebVTT as Gcore returned it, or null when the response did not carry it
   */
  public GcoreSubtitle(long id, String name, String language, String vtt) {
    this.id = id;
    this.name = name == null ? "" : name;
    this.language = language == null ? "" : language;
    this.vtt = vtt;
  }

  /** {@return the WebVTT text, when Gcore sent it (the subtitle list does)} */
  public java.util.Optional<String> vtt() {
    return java.util.Optional.ofNullable(vtt);
  }

  /** {@return the language as a BCP-47 tag ({@code "eng"} → {@code "en"}); empty when Gcore's code is unknown} */
  public java.util.Optional<String> bcp47() {
    return GcoreLanguages.toBcp47(language);
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
