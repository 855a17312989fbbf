package dev.captions;

/** The provider rejected the credentials (HTTP 401/403), or none were configured. Not retryable. */
public class AuthenticationException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * The provider rejected the credentials (HTTP 401/403 or the SDK's equivalent); not retryable.
   *
   * @param provider the provider's name
   * @param message what was rejected and which key or variable to check; never the key itself
   * @param httpStatus the HTTP status, or {@code 0}
   * @param requestId the provider's request id, or {@code null}
   */
  public AuthenticationException(String provider, String message, int httpStatus, String requestId) {
    super(provider, message, httpStatus, requestId, false, null);
  }
}
