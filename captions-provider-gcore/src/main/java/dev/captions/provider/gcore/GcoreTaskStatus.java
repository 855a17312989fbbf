package dev.captions.provider.gcore;

import java.util.Locale;

/**
 * The states of a Gcore AI task. A task may go from {@link #STARTED} back to {@link #PENDING} between sub-stages, and
 * {@link #RETRY} means Gcore re-queued it after an internal failure (up to 3 times); neither is an error.
 */
public enum GcoreTaskStatus {
  RECEIVED, PENDING, STARTED, RETRY, SUCCESS, FAILURE, REVOKED,
  /** A status this SDK does not know yet; treated as still running until the overall timeout. */
  UNKNOWN;

  /** Parses the wire value; unknown or missing values give {@link #UNKNOWN}, never an exception. */
  public static GcoreTaskStatus parse(String wire) {
    if (wire == null) return UNKNOWN;
    try {
      return valueOf(wire.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /** Whether the task will not change any more. */
  public boolean isTerminal() {
    return this == SUCCESS || this == FAILURE || this == REVOKED;
  }
}
