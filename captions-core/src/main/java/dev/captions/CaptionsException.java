package dev.captions;

/**
 * The root of every exception this SDK throws on purpose. Unchecked, so that a pipeline call reads as one line;
 * the subclasses say what went wrong and {@link #isRetryable()} says whether trying again could help.
 *
 * <p>Messages never contain an API key or any other secret.
 */
public class CaptionsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CaptionsException(String message) {
    super(message);
  }

  public CaptionsException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when the same call may succeed if made again later (rate limits, 5xx, dropped connections). */
  public boolean isRetryable() {
    return false;
  }
}
