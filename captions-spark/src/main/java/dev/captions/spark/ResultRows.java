package dev.captions.spark;

import dev.captions.InvalidMediaException;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/** The result rows of {@link CaptionCatalog}, in the order of {@link #SCHEMA}'s columns. */
final class ResultRows {
  static final String DONE = "done";
  static final String SKIPPED = "skipped";
  static final String FAILED = "failed";

  static final StructType SCHEMA = new StructType()
      .add("source", DataTypes.StringType, false)
      .add("status", DataTypes.StringType, false)
      .add("spoken_language", DataTypes.StringType, true)
      .add("outputs", DataTypes.createArrayType(DataTypes.StringType, false), true)
      .add("cue_count", DataTypes.IntegerType, true)
      .add("quality", DataTypes.StringType, true)
      .add("media_seconds", DataTypes.DoubleType, true)
      .add("wall_seconds", DataTypes.DoubleType, false)
      .add("providers", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), true)
      .add("error_type", DataTypes.StringType, true)
      .add("error_reason", DataTypes.StringType, true)
      .add("error_message", DataTypes.StringType, true)
      .add("retryable", DataTypes.BooleanType, true);

  private ResultRows() {}

  static Row finished(String source, String status, Manifest m, List<String> uris, double wallSeconds) {
    return RowFactory.create(source, status, m.spokenLanguage, CollectionConverters.asScala(uris).toSeq(), m.cueCount,
        m.quality, m.mediaSeconds, wallSeconds, scalaMap(m.providers), null, null, null, null);
  }

  static Row failed(String source, Throwable e, double wallSeconds) {
    String reason = e instanceof InvalidMediaException ? ((InvalidMediaException) e).reason().name() : null;
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return RowFactory.create(source == null ? "" : source, FAILED, null, null, null, null, null, wallSeconds, null,
        e.getClass().getName(), reason, message, VideoCaptioner.retryable(e));
  }

  private static scala.collection.Map<String, String> scalaMap(Map<String, String> m) {
    return CollectionConverters.asScala(m);
  }
}
