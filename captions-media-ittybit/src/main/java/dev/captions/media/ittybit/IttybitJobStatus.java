package dev.captions.media.ittybit;

import java.util.Locale;

/**
 * The states of an Ittybit job: {@code queued → processing → succeeded | failed | cancelled}. {@link #CANCELLED} also
 * covers "a sibling task failed". A create response may show the task status {@code waiting}, read as {@link #QUEUED}.
 */
public enum IttybitJobStatus {
  QUEUED, PROCESSING, SUCCEEDED, FAILED, CANCELLED,
  /** A status this SDK does not know; treated as still running until the overall timeout. */
  UNKNOWN;

  /** Parses the wire value; unknown or missing values give {@link #UNKNOWN}, never an exception. */
  public static IttybitJobStatus parse(String wire) {
    if (wire == null) return UNKNOWN;
    switch (wire.strip().toLowerCase(Locale.ROOT)) {
      case "queued":
      case "waiting":
      case "pending": // legacy /tasks API
        return QUEUED;
      case "processing":
      case "running":
        return PROCESSING;
      case "succeeded":
      case "completed": // legacy /tasks API
      case "ready":
        return SUCCEEDED;
      case "failed":
        return FAILED;
      case "cancelled":
      case "canceled":
        return CANCELLED;
      default:
        return UNKNOWN;
    }
  }

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
