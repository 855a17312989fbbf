package dev.captions.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.DoubleAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * One finished catalogue run: the result rows and the run's counters. The counters are Spark accumulators (also shown
 * on the stage page of the Spark UI); they count the run that {@link CaptionCatalog#run} performed, and — as with any
 * accumulator updated in a transformation — grow again if Spark recomputes lost result partitions.
 *
 * <p>Thread-safe for reading once returned.
 */
public final class CatalogRun {
  private final Dataset<Row> results;
  private final LongAccumulator done;
  private final LongAccumulator failed;
  private final LongAccumulator skipped;
  private final DoubleAccumulator mediaMinutes;

  CatalogRun(Dataset<Row> results, LongAccumulator done, LongAccumulator failed, LongAccumulator skipped,
      DoubleAccumulator mediaMinutes) {
    this.results = results;
    this.done = done;
    this.failed = failed;
    this.skipped = skipped;
    this.mediaMinutes = mediaMinutes;
  }

  /**
   * {@return one row per distinct source, with the columns of {@link CaptionCatalog#RESULT_SCHEMA}} Already computed
   * and persisted (memory and disk): further actions read it without captioning again; call {@code unpersist()} when
   * done.
   */
  public Dataset<Row> results() {
    return results;
  }

  /** {@return the number of videos captioned and written by this run} */
  public long done() {
    return done.value();
  }

  /** {@return the number of videos whose row says {@code failed}} */
  public long failed() {
    return failed.value();
  }

  /** {@return the number of videos skipped because their outputs were there for the same configuration} */
  public long skipped() {
    return skipped.value();
  }

  /** {@return the minutes of media captioned by this run (the {@code done} videos; skipped ones are not counted)} */
  public double mediaMinutes() {
    return mediaMinutes.value();
  }

  /** The counters, for logs. */
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "CatalogRun{done=%d, skipped=%d, failed=%d, mediaMinutes=%.2f}",
        done(), skipped(), failed(), mediaMinutes());
  }
}
