package dev.captions;

/** The account's quota or credit is used up. Waiting a few seconds will not help, so it is not retryable. */
public class QuotaExceededException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * The account's quota or credit is used up; not retryable (waiting does not help).
   *
   * @param provider the provider's name
   * @param message what ran out and where to check it
   * @param httpStatus the HTTP status, or {@code 0}
   * @param requestId the provider's request id, or {@code null}
   */
  public QuotaExceededException(String provider, String message, int httpStatus, String requestId) {
    super(provider, message, httpStatus, requestId, false, null);
  }
}
