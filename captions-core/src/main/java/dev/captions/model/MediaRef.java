package dev.captions.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of a media operation: where the output is now (a local file or a URL at the provider) and, for
 * provider-side outputs, the provider's id for it. {@link #source()} can be fed to the next operation. Immutable.
 */
public final class MediaRef {
  private final MediaSource source;
  private final String provider;
  private final String id;

  private MediaRef(MediaSource source, String provider, String id) {
    this.source = Objects.requireNonNull(source, "source == null");
    this.provider = Objects.requireNonNull(provider, "provider == null");
    this.id = id;
  }

  /**
   * @param id the provider's id for the output (job id, file id), or null
   *
   * @param source where the output is: a local file or a URL
   * @param provider the name of the provider that made it
   * @return the reference
   */
  public static MediaRef of(MediaSource source, String provider, String id) {
    return new MediaRef(source, provider, id);
  }

  /**
   * Where the output is.
   *
   * @return a local file or a URL; never null
   */
  public MediaSource source() {
    return source;
  }

  /** {@return the name of the provider that made it, e.g. {@code "ffmpeg"}} */
  public String provider() {
    return provider;
  }

  /**
   * The provider's id for the output (job id, file id).
   *
   * @return the id, or empty when the provider has none
   */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof MediaRef)) return false;
    MediaRef r = (MediaRef) o;
    return source.equals(r.source) && provider.equals(r.provider) && Objects.equals(id, r.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, provider, id);
  }

  @Override
  public String toString() {
    return "MediaRef{" + provider + (id != null ? ":" + id : "") + ", " + source + '}';
  }
}
