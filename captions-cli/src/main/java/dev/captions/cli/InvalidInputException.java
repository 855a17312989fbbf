package dev.captions.cli;

import dev.captions.CaptionsException;

/** A CLI input (a caption or transcript file) is unusable; exits with {@link ExitCodes#INVALID_INPUT}. */
final class InvalidInputException extends CaptionsException {
  private static final long serialVersionUID = 1L;

  InvalidInputException(String message) {
    super(message);
  }

  InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
