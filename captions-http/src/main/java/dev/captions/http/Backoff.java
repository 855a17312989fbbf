package dev.captions.http;

import dev.captions.ConfigurationException;
import dev.captions.spi.ProviderConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * The exponential backoff with jitter that {@link RetryPolicy} (between attempts) and {@link JobPoller} (between status
 * checks) share, and the argument checks of their builders, so both wait and validate the same way. Stateless.
 */
final class Backoff {
  /** The default share of each wait randomly taken off. */
  static final double DEFAULT_JITTER = 0.2;
  /** The default source of jitter, uniform in [0, 1); thread-safe. */
  static final DoubleSupplier RANDOM = () -> ThreadLocalRandom.current().nextDouble();

  private Backoff() {}

  /**
   * Wait number {@code n} (1-based): {@code min(initial × 2^(n-1), max)} less a random share of up to {@code jitter}
   * of itself, rounded to whole milliseconds and at least {@code minMs}.
   */
  static Duration delay(int n, Duration initial, Duration max, double jitter, DoubleSupplier random, long minMs) {
    double base = initial.toMillis() * Math.pow(2, Math.min(n - 1, 30));
    double capped = Math.min(base, max.toMillis());
    double jittered = capped * (1 - jitter * random.getAsDouble());
    return Duration.ofMillis(Math.max(minMs, Math.round(jittered)));
  }

  /** @throws IllegalArgumentException unless {@code jitter} is in [0, 1] */
  static double checkJitter(double jitter) {
    if (!(jitter >= 0 && jitter <= 1)) throw new IllegalArgumentException("jitter must be in [0, 1], but is " + jitter);
    return jitter;
  }

  /** @throws IllegalArgumentException when {@code max} is shorter than {@code initial} */
  static void checkOrder(String initialName, Duration initial, String maxName, Duration max) {
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(maxName + " (" + max + ") must be >= " + initialName + " (" + initial + ")");
    }
  }

  static Duration nonNegative(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative()) throw new IllegalArgumentException(name + " must not be negative, but is " + d);
    return d;
  }

  static Duration positive(Duration d, String name) {
    Objects.requireNonNull(d, name + " == null");
    if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive, but is " + d);
    return d;
  }

  /**
   * Runs {@code read}, which sets builder values from {@code config}, turning a rejected value into a
   * {@link ConfigurationException} that names the provider's configuration.
   */
  static <T> T fromConfig(ProviderConfig config, Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("captions." + config.provider() + ": " + e.getMessage());
    }
  }
}
