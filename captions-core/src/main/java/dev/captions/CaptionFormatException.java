package dev.captions;

/**
 * A caption file (or a model's caption output) could not be read. {@link #line()} and {@link #column()} are 1-based;
 * {@code 0} means unknown.
 */
public class CaptionFormatException extends CaptionsException {
  private static final long serialVersionUID = 1L;

  /** The 1-based line, 0 when unknown. */
  private final int line;
  /** The 1-based column, 0 when unknown. */
  private final int column;

  /**
   * A caption file that cannot be read as its format.
   *
   * @param message what is wrong and how to fix it
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   */
  public CaptionFormatException(String message, int line, int column) {
    super(position(line, column) + message);
    this.line = line;
    this.column = column;
  }

  /**
   * A caption file that cannot be read as its format, with the failure that caused it.
   *
   * @param message what is wrong and how to fix it
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column, or 0 when unknown
   * @param cause the underlying failure, may be null
   */
  public CaptionFormatException(String message, int line, int column, Throwable cause) {
    super(position(line, column) + message, cause);
    this.line = line;
    this.column = column;
  }

  private static String position(int line, int column) {
    if (line <= 0) return "";
    return column > 0 ? "line " + line + ", col " + column + ": " : "line " + line + ": ";
  }

  /**
   * Where in the file the problem is.
   *
   * @return the 1-based line, or 0 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * Where in the line the problem is.
   *
   * @return the 1-based column, or 0 when unknown
   */
  public int column() {
    return column;
  }
}
