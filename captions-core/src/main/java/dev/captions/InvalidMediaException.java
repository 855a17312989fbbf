package dev.captions;

/**
 * The input media cannot be used: missing, empty, not a media file, no audio stream, a local file given to a provider
 * that needs a URL, and so on. The message says what was wrong and how to fix it.
 */
public class InvalidMediaException extends CaptionsException {
  private static final long serialVersionUID = 1L;

  public InvalidMediaException(String message) {
    super(message);
  }

  public InvalidMediaException(String message, Throwable cause) {
    super(message, cause);
  }
}
