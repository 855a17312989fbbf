package dev.captions.spark;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.apache.spark.SparkEnv;
import scala.Tuple2;

/**
 * What one executor JVM shares between its tasks: the bound on concurrent captioning, and the secrets read from the
 * executor's own Spark configuration. Thread-safe.
 */
final class ExecutorResources {
  /** Spark configuration entries {@code spark.captions.secret.<VARIABLE>} stand in for environment variables. */
  static final String SECRET_PREFIX = "spark.captions.secret.";

  /** One semaphore per bound, for the life of the JVM: every task of a job (same options) shares it. */
  private static final Map<Integer, Semaphore> PERMITS = new ConcurrentHashMap<>();

  private ExecutorResources() {}

  /** The JVM-wide semaphore bounding concurrent videos at {@code max}. */
  static Semaphore permits(int max) {
    return PERMITS.computeIfAbsent(max, m -> new Semaphore(m, true));
  }

  /**
   * The environment the providers see on this executor: {@code spark.captions.secret.<NAME>} from the executor's
   * Spark configuration when set, else the process environment. Read here, on the executor, so a key never travels
   * in a task; Spark's UI and logs redact configuration keys containing "secret" (spark.redaction.regex).
   */
  static Function<String, String> environment() {
    Map<String, String> secrets = new HashMap<>();
    SparkEnv env = SparkEnv.get();
    if (env != null) {
      for (Tuple2<String, String> entry : env.conf().getAllWithPrefix(SECRET_PREFIX)) secrets.put(entry._1(), entry._2());
    }
    return name -> {
      String v = secrets.get(name);
      return v != null && !v.isBlank() ? v : System.getenv(name);
    };
  }
}
