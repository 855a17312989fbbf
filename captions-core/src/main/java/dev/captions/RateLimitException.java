package dev.captions;

import java.time.Duration;
import java.util.Optional;

/** The provider asked us to slow down (HTTP 429). Retryable; {@link #retryAfter()} is the wait it asked for. */
public class RateLimitException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /** The provider's {@code Retry-After}, or {@code null}. */
  private final Duration retryAfter;

  /**
   * @param retryAfter the provider's {@code Retry-After}, or {@code null} when it gave none
   *
   * @param provider the provider's name
   * @param message what was limited
   * @param httpStatus the HTTP status (usually 429), or {@code 0}
   * @param requestId the provider's request id, or {@code null}
   */
  public RateLimitException(String provider, String message, int httpStatus, String requestId, Duration retryAfter) {
    super(provider, message, httpStatus, requestId, true, null);
    this.retryAfter = retryAfter;
  }

  /**
   * How long the provider asked to wait.
   *
   * @return the provider's {@code Retry-After}, or empty when it gave none
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
