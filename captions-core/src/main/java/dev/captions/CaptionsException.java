package dev.captions;

/**
 * The root of every exception this SDK throws on purpose. Unchecked, so that a pipeline call reads as one line;
 * the subclasses say what went wrong and {@link #isRetryable()} says whether trying again could help.
 *
 * <p>Messages never contain an API key or any other secret.
 */
public class CaptionsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message that says what went wrong and how to fix it.
   *
   * @param message the message; should name the fix
   */
  public CaptionsException(String message) {
    super(message);
  }

  /**
   * An exception with a message and the failure that caused it.
   *
   * @param message the message; should name the fix
   * @param cause the underlying failure, may be null
   */
  public CaptionsException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@return true when the same call may succeed if made again later (rate limits, 5xx, dropped connections)} */
  public boolean isRetryable() {
    return false;
  }
}
