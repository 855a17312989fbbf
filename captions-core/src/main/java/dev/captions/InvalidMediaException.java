package dev.captions;

import java.util.Objects;

/**
 * The input media cannot be used: missing, empty, not a media file, no audio stream, a local file given to a provider
 * that needs a URL, and so on. The message says what was wrong and how to fix it; {@link #reason()} says which of
 * these it was, for code that handles them differently (the CLI gives each its own exit code).
 */
public class InvalidMediaException extends CaptionsException {
  private static final long serialVersionUID = 1L;

  /** What was wrong with the input. */
  public enum Reason {
    /** The file does not exist, or the path is a directory. */
    NOT_FOUND,
    /** The file or stream holds no bytes. */
    EMPTY,
    /** The file exists but cannot be read (permissions, an I/O error). */
    UNREADABLE,
    /** Not a media file, or a corrupt or truncated one. */
    NOT_MEDIA,
    /** Media without the stream the step needs: a video without audio (or, for burn-in, audio without video). */
    NO_STREAM,
    /** A source of a kind the provider cannot take, e.g. a local file given to a provider that fetches URLs. */
    UNSUPPORTED_SOURCE,
    /** Anything else; the message says what. */
    OTHER
  }

  private final Reason reason;

  public InvalidMediaException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  public InvalidMediaException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /** An {@link Reason#OTHER} failure. */
  public InvalidMediaException(String message) {
    this(Reason.OTHER, message);
  }

  /** An {@link Reason#OTHER} failure. */
  public InvalidMediaException(String message, Throwable cause) {
    this(Reason.OTHER, message, cause);
  }

  public Reason reason() {
    return reason;
  }
}
