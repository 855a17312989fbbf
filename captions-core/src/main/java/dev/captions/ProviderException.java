package dev.captions;

/**
 * A provider (a cloud API, FFmpeg, Vosk…) failed. Carries the provider's name, the HTTP status and request id when
 * there was an HTTP exchange, and whether the call is worth retrying.
 */
public class ProviderException extends CaptionsException {
  private static final long serialVersionUID = 1L;

  /** The provider's name. */
  private final String provider;
  /** The HTTP status, {@code 0} without an HTTP response. */
  private final int httpStatus;
  /** The provider's request or job id, or {@code null}. */
  private final String requestId;
  /** Whether the call may succeed if made again. */
  private final boolean retryable;

  /**
   * @param provider the provider's name, e.g. {@code "gemini"}
   * @param httpStatus the HTTP status, or {@code 0} when there was no HTTP response
   * @param requestId the provider's request or job id, or {@code null}
   * @param message what failed, without any credential
   * @param retryable whether the same call may succeed later (see {@link #isRetryable()})
   * @param cause the underlying failure, or {@code null}
   */
  public ProviderException(String provider, String message, int httpStatus, String requestId, boolean retryable, Throwable cause) {
    super(format(provider, message, httpStatus, requestId), cause);
    this.provider = provider;
    this.httpStatus = httpStatus;
    this.requestId = requestId;
    this.retryable = retryable;
  }

  /**
   * A non-retryable failure with no HTTP status and no request id.
   *
   * @param provider the provider's name, e.g. {@code "gemini"}
   * @param message what failed, without any credential
   */
  public ProviderException(String provider, String message) {
    this(provider, message, 0, null, false, null);
  }

  /**
   * A non-retryable failure with no HTTP status and no request id, caused by {@code cause}.
   *
   * @param provider the provider's name, e.g. {@code "gemini"}
   * @param message what failed, without any credential
   * @param cause the underlying failure, or {@code null}
   */
  public ProviderException(String provider, String message, Throwable cause) {
    this(provider, message, 0, null, false, cause);
  }

  private static String format(String provider, String message, int httpStatus, String requestId) {
    StringBuilder sb = new StringBuilder().append(provider).append(": ").append(message);
    if (httpStatus > 0 || requestId != null) {
      sb.append(" (");
      if (httpStatus > 0) sb.append("HTTP ").append(httpStatus);
      if (httpStatus > 0 && requestId != null) sb.append(", ");
      if (requestId != null) sb.append("request id ").append(requestId);
      sb.append(')');
    }
    return sb.toString();
  }

  /**
   * The provider's name, e.g. {@code "openai"}.
   *
   * @return the provider's name, e.g. {@code "openai"}; never null
   */
  public String provider() {
    return provider;
  }

  /** {@return the HTTP status, or {@code 0} when the failure had no HTTP response} */
  public int httpStatus() {
    return httpStatus;
  }

  /** {@return the provider's request or job id when known, else {@code null}} */
  public String requestId() {
    return requestId;
  }

  @Override
  public boolean isRetryable() {
    return retryable;
  }
}
