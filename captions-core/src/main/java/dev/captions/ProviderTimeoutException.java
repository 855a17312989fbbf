package dev.captions;

import java.time.Duration;

/** A provider call or an asynchronous provider job did not finish within its overall time limit. */
public class ProviderTimeoutException extends ProviderException {
  private static final long serialVersionUID = 1L;

  private final Duration limit;

  public ProviderTimeoutException(String provider, String message, String requestId, Duration limit, Throwable cause) {
    super(provider, message, 0, requestId, true, cause);
    this.limit = limit;
  }

  /** The time limit that was exceeded. */
  public Duration limit() {
    return limit;
  }
}
