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

  /** What kind of problem it is. */
  private final Reason reason;

  /**
   * A failure of a known kind.
   *
   * @param reason what kind of problem it is; not null
   * @param message what is wrong with the media and how to fix it
   */
  public InvalidMediaException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * A failure of a known kind with the failure that caused it.
   *
   * @param reason what kind of problem it is; not null
   * @param message what is wrong with the media and how to fix it
   * @param cause the underlying failure, may be null
   */
  public InvalidMediaException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * An {@link Reason#OTHER} failure.
   *
   * @param message what is wrong with the media and how to fix it
   */
  public InvalidMediaException(String message) {
    this(Reason.OTHER, message);
  }

  /**
   * An {@link Reason#OTHER} failure.
   *
   * @param message what is wrong with the media and how to fix it
   * @param cause the underlying failure, may be null
   */
  public InvalidMediaException(String message, Throwable cause) {
    this(Reason.OTHER, message, cause);
  }

  /**
   * What kind of problem it is, for code that reacts to it.
   *
   * @return the reason; never null
   */
  public Reason reason() {
    return reason;
  }
}
