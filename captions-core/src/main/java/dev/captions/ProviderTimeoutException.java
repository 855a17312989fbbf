package dev.captions;

import java.time.Duration;

/** A provider call or an asynchronous provider job did not finish within its overall time limit. */
public class ProviderTimeoutException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /** The time limit that was exceeded. */
  private final Duration limit;

  /**
   * A provider call that did not finish within {@code limit}; retryable.
   *
   * @param provider the provider's name
   * @param message what timed out
   * @param requestId the provider's request or job id, or {@code null}
   * @param limit the time limit exceeded
   * @param cause the underlying failure, or {@code null}
   */
  public ProviderTimeoutException(String provider, String message, String requestId, Duration limit, Throwable cause) {
    super(provider, message, 0, requestId, true, cause);
    this.limit = limit;
  }

  /** {@return the time limit that was exceeded} */
  public Duration limit() {
    return limit;
  }
}
