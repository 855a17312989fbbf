package dev.captions;

/**
 * A caption file (or a model's caption output) could not be read. {@link #line()} and {@link #column()} are 1-based;
 * {@code 0} means unknown.
 */
public class CaptionFormatException extends CaptionsException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public CaptionFormatException(String message, int line, int column) {
    super(position(line, column) + message);
    this.line = line;
    this.column = column;
  }

  public CaptionFormatException(String message, int line, int column, Throwable cause) {
    super(position(line, column) + message, cause);
    this.line = line;
    this.column = column;
  }

  private static String position(int line, int column) {
    if (line <= 0) return "";
    return column > 0 ? "line " + line + ", col " + column + ": " : "line " + line + ": ";
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
