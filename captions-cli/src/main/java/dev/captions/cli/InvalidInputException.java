package dev.captions.cli;

import dev.captions.CaptionsException;

/** A CLI input (a caption or transcript file) is unusable; exits with {@link ExitCodes#INVALID_INPUT}. */
class InvalidInputException extends CaptionsException {
  private static final long serialVersionUID = 1L;

  /**
   * A file named on the command line does not exist (or is a directory): exits with {@link ExitCodes#FILE_NOT_FOUND},
   * the code a missing media file gets in {@code caption}, so that one cause has one code in every command.
   */
  static final class FileNotFound extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    FileNotFound(String message, Throwable cause) {
      super(message, cause);
    }
  }

  InvalidInputException(String message) {
    super(message);
  }

  InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
