package dev.captions;

/** The account's quota or credit is used up. Waiting a few seconds will not help, so it is not retryable. */
public class QuotaExceededException extends ProviderException {
  private static final long serialVersionUID = 1L;

  public QuotaExceededException(String provider, String message, int httpStatus, String requestId) {
    super(provider, message, httpStatus, requestId, false, null);
  }
}
