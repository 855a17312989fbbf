package dev.captions.http;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition in tests, failing (not hanging) when it does not hold in time. Awaitility is not on the test
 * class path; this is the small part of it the concurrency tests need.
 */
final class Deadline {
  private Deadline() {}

  /** Polls {@code condition} every 5 ms until it holds; throws {@link AssertionError} naming {@code what} after {@code timeout}. */
  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      Thread.sleep(5);
    }
  }
}
