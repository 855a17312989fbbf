package dev.captions.http;

import java.time.Duration;

/**
 * Waits. {@link RetryPolicy} and {@link JobPoller} wait through a {@code Sleeper} so that tests can inject one that
 * records the waits and advances a fake clock instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps on the current thread with {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = duration -> {
    long ms = duration.toMillis();
    if (ms > 0) Thread.sleep(ms);
  };

  /**
   * Blocks for {@code duration}.
   *
   * @param duration how long to wait; not negative
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
