package dev.captions.http;

import dev.captions.CaptionFormatException;

/**
 * A model's JSON reply stops before its end (an unclosed object, array or string), typically because the reply hit
 * the model's output-token limit. Asking again with a larger limit or a shorter input may help, so providers usually
 * retry once with a smaller chunk.
 */
public class TruncatedJsonException extends CaptionFormatException {
  private static final long serialVersionUID = 1L;

  /**
   * @param line 1-based line where the reply ends, {@code 0} when unknown
   *
   * @param message what was cut off and what to try (e.g. a larger output limit)
   * @param column 1-based column where the reply ends, {@code 0} when unknown
   */
  public TruncatedJsonException(String message, int line, int column) {
    super(message, line, column);
  }
}
