package dev.captions;

import java.time.Duration;

/** A provider call or an asynchronous provider job did not finish within its overall time limit. */
public class ProviderTimeoutException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /** The time limit that was exceeded. */
  private final Duration limit;

  /**
   * A time-out that is worth retrying.
   *
   * @param provider the provider's name
   * @param message what timed out, and how to give it more time
   * @param requestId the provider's request or job id, or {@code null}
   * @param limit the limit that was exceeded, or {@code null} when unknown
   * @param cause the underlying failure, or {@code null}
   */
  public ProviderTimeoutException(String provider, String message, String requestId, Duration limit, Throwable cause) {
    this(provider, message, requestId, limit, true, cause);
  }

  /**
   * A time-out whose request may or may not be repeated: {@code retryable} is {@code false} for a request that may
   * have reached the provider and started paid work, so that repeating it blindly could pay twice.
   *
   * @param provider the provider's name
   * @param message what timed out, and how to give it more time
   * @param requestId the provider's request or job id, or {@code null}
   * @param limit the limit that was exceeded, or {@code null} when unknown
   * @param retryable whether repeating the request is safe
   * @param cause the underlying failure, or {@code null}
   */
  public ProviderTimeoutException(String provider, String message, String requestId, Duration limit, boolean retryable,
      Throwable cause) {
    super(provider, message, 0, requestId, retryable, cause);
    this.limit = limit;
  }

  /** {@return the time limit that was exceeded, or {@code null} when unknown} */
  public Duration limit() {
    return limit;
  }
}
