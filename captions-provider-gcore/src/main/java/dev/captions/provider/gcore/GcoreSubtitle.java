package dev.captions.provider.gcore;

/** A subtitle track attached to a Gcore video, as {@code POST /streaming/videos/{id}/subtitles} returns it. Immutable. */
public final class GcoreSubtitle {
  private final long id;
  private final String name;
  private final String language;

  public GcoreSubtitle(long id, String name, String language) {
    this.id = id;
    this.name = name == null ? "" : name;
    this.language = language == null ? "" : language;
  }

  public long id() {
    return id;
  }

  public String name() {
    return name;
  }

  /** Gcore's three-letter code, e.g. {@code "eng"}. */
  public String language() {
    return language;
  }

  @Override
  public String toString() {
    return "GcoreSubtitle{id=" + id + ", name=" + name + ", language=" + language + '}';
  }
}
