package dev.captions;

/** The provider rejected the credentials (HTTP 401/403), or none were configured. Not retryable. */
public class AuthenticationException extends ProviderException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String provider, String message, int httpStatus, String requestId) {
    super(provider, message, httpStatus, requestId, false, null);
  }
}
