package dev.captions;

/** The output location cannot be written (read-only, or a file where a directory is needed). Checked at build time. */
public class OutputNotWritableException extends ConfigurationException {
  private static final long serialVersionUID = 1L;

  /**
   * An output that cannot be written.
   *
   * @param message which path and why, and how to fix it
   */
  public OutputNotWritableException(String message) {
    super(message);
  }
}
