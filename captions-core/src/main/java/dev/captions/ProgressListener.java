package dev.captions;

/**
 * Receives progress from a pipeline run or a provider call. Called from the thread doing the work, so an
 * implementation must be quick and thread-safe; an exception it throws is logged and ignored.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = event -> {};

  /**
   * Called for each report.
   *
   * @param event the report; never null
   */
  void onProgress(ProgressEvent event);
}
