package dev.captions.codec;

import java.util.Objects;

/**
 * Something a reader noticed: a skipped cue, a repaired timestamp, a broken syntax rule. Line and column are 1-based,
 * 0 when unknown. Immutable.
 */
public final class Diagnostic {
  /** How bad it is. */
  public enum Severity {
    /** The input broke a rule and something was skipped or repaired. */
    WARNING,
    /** The input broke a rule that strict validation rejects. */
    ERROR
  }

  private final Severity severity;
  private final int line;
  private final int column;
  private final String message;

  private Diagnostic(Severity severity, int line, int column, String message) {
    this.severity = Objects.requireNonNull(severity, "severity == null");
    this.line = line;
    this.column = column;
    this.message = Objects.requireNonNull(message, "message == null");
  }

  /**
   * A warning: valid but questionable input.
   *
   * @param line the 1-based line
   * @param column the 1-based column, or 0
   * @param message what is questionable
   * @return the diagnostic
   */
  public static Diagnostic warning(int line, int column, String message) {
    return new Diagnostic(Severity.WARNING, line, column, message);
  }

  /**
   * An error: the input breaks the format's rules.
   *
   * @param line the 1-based line
   * @param column the 1-based column, or 0
   * @param message what is wrong
   * @return the diagnostic
   */
  public static Diagnostic error(int line, int column, String message) {
    return new Diagnostic(Severity.ERROR, line, column, message);
  }

  /**
   * How serious the problem is.
   *
   * @return the severity; never null
   */
  public Severity severity() {
    return severity;
  }

  /**
   * Where in the input the problem is.
   *
   * @return the 1-based line
   */
  public int line() {
    return line;
  }

  /**
   * Where in the line the problem is.
   *
   * @return the 1-based column, or 0 when it concerns the whole line
   */
  public int column() {
    return column;
  }

  /**
   * What is wrong, for people.
   *
   * @return the message; never null
   */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Diagnostic)) return false;
    Diagnostic d = (Diagnostic) o;
    return severity == d.severity && line == d.line && column == d.column && message.equals(d.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, line, column, message);
  }

  /** {@code "line 7, col 14: expected '-->' after the start timestamp"}. */
  @Override
  public String toString() {
    return "line " + line + (column > 0 ? ", col " + column : "") + ": " + message;
  }
}
