package dev.captions.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One Spark session on the embedded {@code local[2]} master for every test class in the JVM (starting Spark costs
 * seconds): no UI, bound to loopback. Its configuration carries a Spark-conf secret for {@link ProbeTranscriber}.
 */
final class LocalSpark {
  /** The value of {@code spark.captions.secret.CAPTIONS_SPARK_PROBE_KEY} in the test session. */
  static final String PROBE_SECRET = "sk-probe-7f3a9c2e41d8";

  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("captions-spark tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .config(ExecutorResources.SECRET_PREFIX + ProbeTranscriber.KEY_VARIABLE, PROBE_SECRET)
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
