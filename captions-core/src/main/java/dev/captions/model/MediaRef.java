package dev.captions.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The result of a media operation: where the output is now (a local file or a URL at the provider) and, for
 * provider-side outputs, the provider's id for it. {@link #source()} can be fed to the next operation. Immutable.
 */
public final class MediaRef {
  private final MediaSource source;
  private final String provider;
  private final String id;
  private final long durationMs;

  private MediaRef(MediaSource source, String provider, String id, long durationMs) {
    this.source = Objects.requireNonNull(source, "source == null");
    this.provider = Objects.requireNonNull(provider, "provider == null");
    this.id = id;
    this.durationMs = durationMs;
  }

  /**
   * @param id the provider's id for the output (job id, file id), or null
   *
   * @param source where the output is: a local file or a URL
   * @param provider the name of the provider that made it
   * @return the reference
   */
  public static MediaRef of(MediaSource source, String provider, String id) {
    return new MediaRef(source, provider, id, -1);
  }

  /**
   * A copy that also carries the output's length as the provider reported it (e.g. Ittybit's task output
   * {@code duration}), so that a pipeline knows the media's length without probing.
   *
   * @param durationMs the length in milliseconds, {@code >= 0}
   * @return a new reference with the length; this one is unchanged
   * @throws IllegalArgumentException when {@code durationMs} is negative
   */
  public MediaRef withDurationMs(long durationMs) {
    if (durationMs < 0) throw new IllegalArgumentException("durationMs (" + durationMs + ") must be >= 0");
    return new MediaRef(source, provider, id, durationMs);
  }

  /** {@return the output's length in milliseconds as the provider reported it; empty when it did not say} */
  public OptionalLong durationMs() {
    return durationMs < 0 ? OptionalLong.empty() : OptionalLong.of(durationMs);
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
    return source.equals(r.source) && provider.equals(r.provider) && Objects.equals(id, r.id)
        && durationMs == r.durationMs;
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, provider, id, durationMs);
  }

  @Override
  public String toString() {
    return "MediaRef{" + provider + (id != null ? ":" + id : "") + ", " + source + '}';
  }
}
