package dev.captions;

import java.time.Duration;
import java.util.Optional;

/** The provider asked us to slow down (HTTP 429). Retryable; {@link #retryAfter()} is the wait it asked for. */
public class RateLimitException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** @param retryAfter the provider's {@code Retry-After}, or {@code null} when it gave none */
  public RateLimitException(String provider, String message, int httpStatus, String requestId, Duration retryAfter) {
    super(provider, message, httpStatus, requestId, true, null);
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
