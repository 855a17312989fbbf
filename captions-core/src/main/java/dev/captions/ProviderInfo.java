package dev.captions;

import java.util.Set;

/** What discovery knows about one provider on the class path, for listings such as {@code captions providers}. */
public final class ProviderInfo {
  private final String kind;
  private final String name;
  private final String artifact;
  private final boolean embedded;
  private final boolean configured;
  private final Set<String> capabilities;

  ProviderInfo(String kind, String name, String artifact, boolean embedded, boolean configured, Set<String> capabilities) {
    this.kind = kind;
    this.name = name;
    this.artifact = artifact;
    this.embedded = embedded;
    this.configured = configured;
    this.capabilities = Set.copyOf(capabilities);
  }

  /**
   * {@code "transcriber"}, {@code "translator"}, {@code "summarizer"} or {@code "media"}.
   *
   * @return the kind of provider; never null
   */
  public String kind() {
    return kind;
  }

  /**
   * The name users select the provider by.
   *
   * @return the name, e.g. {@code "vosk"}
   */
  public String name() {
    return name;
  }

  /**
   * The Maven coordinates that bring the provider in.
   *
   * @return {@code groupId:artifactId}
   */
  public String artifact() {
    return artifact;
  }

  /**
   * Whether the provider works offline with no credentials.
   *
   * @return true for the embedded default
   */
  public boolean embedded() {
    return embedded;
  }

  /**
   * Embedded providers are always configured; cloud ones when their credentials are set.
   *
   * @return whether the provider can be used as configured now
   */
  public boolean configured() {
    return configured;
  }

  /**
   * Short capability words, e.g. {@code "words"}.
   *
   * @return the words; unmodifiable
   */
  public Set<String> capabilities() {
    return capabilities;
  }

  @Override
  public String toString() {
    return kind + " " + name + (embedded ? " (embedded)" : "") + (configured ? "" : " (not configured)");
  }
}
