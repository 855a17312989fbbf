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

  /** {@code "transcriber"}, {@code "translator"}, {@code "summarizer"} or {@code "media"}. */
  public String kind() {
    return kind;
  }

  public String name() {
    return name;
  }

  public String artifact() {
    return artifact;
  }

  public boolean embedded() {
    return embedded;
  }

  /** Embedded providers are always configured; cloud ones when their credentials are set. */
  public boolean configured() {
    return configured;
  }

  public Set<String> capabilities() {
    return capabilities;
  }

  @Override
  public String toString() {
    return kind + " " + name + (embedded ? " (embedded)" : "") + (configured ? "" : " (not configured)");
  }
}
