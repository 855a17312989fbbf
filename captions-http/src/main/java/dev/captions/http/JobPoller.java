package dev.captions.http;

import dev.captions.CaptionsException;
import dev.captions.PipelineStage;
import dev.captions.ProgressEvent;
import dev.captions.ProgressListener;
import dev.captions.ProviderException;
import dev.captions.ProviderTimeoutException;
import dev.captions.spi.Async;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a provider's asynchronous job by calling a status check until the job ends.
 *
 * <ul>
 *   <li><b>Backoff:</b> the wait between checks starts at {@code initialInterval} and doubles up to
 *       {@code maxInterval}, minus a random jitter of up to {@code jitter} of itself.</li>
 *   <li><b>Overall timeout:</b> measured from the first check on the injected {@link Clock}; the last wait is
 *       shortened to end at the deadline and a final check is made there. Past it, the cancel hook runs and
 *       {@link ProviderTimeoutException} is thrown with the job id.</li>
 *   <li><b>Cancellation:</b> an interrupt (e.g. {@code future.cancel(true)} on an {@link Async} future) stops polling
 *       at once: no further check is made, the cancel hook runs (with the interrupt flag briefly cleared so its own
 *       HTTP call can go through), and {@link CancellationException} is thrown with the flag set again.</li>
 *   <li><b>Outcome:</b> {@link JobStatus.State#SUCCEEDED} returns the result; {@link JobStatus.State#FAILED} and
 *       {@link JobStatus.State#CANCELLED} throw a non-retryable {@link ProviderException} carrying the provider's reason
 *       and the job id as request id; {@link JobStatus.State#UNKNOWN} is logged (once per raw value) and waited on.</li>
 *   <li><b>Progress:</b> every check reports a {@link ProgressEvent} for the configured stage to the listener.</li>
 * </ul>
 * Exceptions from the status check itself (already retried by the {@link RetryPolicy} inside it) end the polling: the
 * cancel hook runs (the job may still be running, and nobody is waiting for it any more) and the exception propagates. Immutable and thread-safe; {@link #poll} blocks the calling thread.
 */
public final class JobPoller {
  private static final Logger LOG = LoggerFactory.getLogger(JobPoller.class);

  private final String provider;
  private final PipelineStage stage;
  private final Duration initialInterval;
  private final Duration maxInterval;
  private final Duration timeout;
  private final double jitter;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;

  private JobPoller(Builder b) {
    this.provider = b.provider;
    this.stage = b.stage;
    this.initialInterval = b.initialInterval;
    this.maxInterval = b.maxInterval;
    this.timeout = b.timeout;
    this.jitter = b.jitter;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
    this.random = b.random;
  }

  /** {@link dev.captions.spi.ProviderConfig} key: the first wait between status checks in milliseconds. */
  public static final String CONFIG_POLL_INTERVAL_MS = "pollIntervalMs";
  /** {@link dev.captions.spi.ProviderConfig} key: the longest wait between status checks in milliseconds. */
  public static final String CONFIG_POLL_MAX_INTERVAL_MS = "pollMaxIntervalMs";
  /** {@link dev.captions.spi.ProviderConfig} key: how long a job may take in all, in milliseconds. */
  public static final String CONFIG_JOB_TIMEOUT_MS = "jobTimeoutMs";

  /**
   * A builder with the defaults overridden by whichever of {@link #CONFIG_POLL_INTERVAL_MS},
   * {@link #CONFIG_POLL_MAX_INTERVAL_MS} and {@link #CONFIG_JOB_TIMEOUT_MS} {@code config} sets; the provider name is
   * the config's.
   *
   * @param config the provider's configuration
   * @throws dev.captions.ConfigurationException when a value is not a positive whole number
   * @return a builder holding those settings
   */
  public static Builder fromConfig(dev.captions.spi.ProviderConfig config) {
    return fromConfig(config, builder(config.provider()));
  }

  /**
   * {@link #fromConfig(dev.captions.spi.ProviderConfig)} on top of a provider's own defaults ({@code defaults}, which
   * this changes and returns), for a poller whose job is shorter or longer than the usual.
   *
   * @param config the provider's configuration
   * @param defaults the provider's own defaults; changed and returned
   * @return {@code defaults}
   */
  public static Builder fromConfig(dev.captions.spi.ProviderConfig config, Builder defaults) {
    Builder b = defaults;
    return Backoff.fromConfig(config, () -> {
      b.initialInterval(Duration.ofMillis(config.getLong(CONFIG_POLL_INTERVAL_MS, b.initialInterval.toMillis())));
      b.maxInterval(Duration.ofMillis(config.getLong(CONFIG_POLL_MAX_INTERVAL_MS, b.maxInterval.toMillis())));
      if (b.maxInterval.compareTo(b.initialInterval) < 0) b.maxInterval(b.initialInterval);
      return b.timeout(Duration.ofMillis(config.getLong(CONFIG_JOB_TIMEOUT_MS, b.timeout.toMillis())));
    });
  }

  /**
   * @param provider the provider's name, for exceptions and log lines
   *
   * @return a new builder with the defaults
   */
  public static Builder builder(String provider) {
    return new Builder(provider);
  }

  /**
   * A builder holding this poller's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * How long a job may take in all.
   *
   * @return the time-out; never null
   */
  public Duration timeout() {
    return timeout;
  }

  /**
   * Like {@link #poll(String, Callable, Runnable, ProgressListener)} with no cancel hook and no listener.
   *
   * @param <T> the job's result type
   * @param jobId the provider's job id, for messages
   * @param check fetches the job's current status; called on this thread
   * @return the job's result
   */
  public <T> T poll(String jobId, Callable<JobStatus<T>> check) {
    return poll(jobId, check, null, null);
  }

  /**
   * Polls until the job ends. Blocks.
   *
   * @param jobId the provider's job id, for messages
   * @param check fetches the job's current status; called on this thread
   * @param cancelHook called once when polling is abandoned (interrupt, timeout, or a status check that failed),
   *     e.g. to call the provider's cancel endpoint; may be {@code null}; its failures are logged and ignored
   * @param listener receives progress, whose fraction never goes backwards; may be {@code null}
   * @param <T> the job's result type
   * @return the job's result
   * @throws ProviderException when the job failed or was cancelled at the provider
   * @throws ProviderTimeoutException when it did not end within the timeout
   * @throws CancellationException when the thread was interrupted
   */
  public <T> T poll(String jobId, Callable<JobStatus<T>> check, Runnable cancelHook, ProgressListener listener) {
    Objects.requireNonNull(jobId, "jobId == null");
    Objects.requireNonNull(check, "check == null");
    ProgressListener progress = listener == null ? ProgressListener.NONE : listener;
    Instant deadline = clock.instant().plus(timeout);
    Set<String> unknownSeen = new HashSet<>();
    JobStatus<T> last = null;
    // The highest fraction the provider has reported: a job that starts over (Gcore's RETRY) says so in the message,
    // while the fraction shown does not go backwards.
    double shown = Double.NaN;
    for (int checks = 0; ; checks++) {
      if (Thread.currentThread().isInterrupted()) throw abandon(jobId, cancelHook, null);
      try {
        last = Objects.requireNonNull(check.call(), "the status check returned null");
      } catch (InterruptedException e) {
        throw abandon(jobId, cancelHook, e);
      } catch (CancellationException e) {
        runCancelHook(jobId, cancelHook);
        throw e;
      } catch (RuntimeException e) {
        // We give up on a job that may still be running: cancel it, so that it does not run (and bill) for nothing.
        runCancelHook(jobId, cancelHook);
        throw e;
      } catch (Exception e) {
        runCancelHook(jobId, cancelHook);
        throw new ProviderException(provider, "checking job " + jobId + " failed: " + e, 0, jobId, false, e);
      }
      switch (last.state()) {
        case SUCCEEDED:
          report(progress, 1, "job " + jobId + " done");
          return last.result();
        case FAILED:
          throw new ProviderException(provider, "job " + jobId + " failed"
              + (last.reason() != null ? ": " + last.reason() : " (status '" + last.raw() + "', no reason given)"),
              0, jobId, false, null);
        case CANCELLED:
          throw new ProviderException(provider, "job " + jobId + " was cancelled at the provider"
              + (last.reason() != null ? ": " + last.reason() : ""), 0, jobId, false, null);
        case UNKNOWN:
          if (unknownSeen.add(last.raw())) {
            LOG.warn("{}: job {} has status '{}', which this SDK does not know; still waiting", provider, jobId, last.raw());
          }
          break;
        default:
          break;
      }
      double reported = last.progress();
      if (!Double.isNaN(reported)) shown = Double.isNaN(shown) ? reported : Math.max(shown, reported);
      report(progress, shown, "job " + jobId + " " + last.raw());
      Duration remaining = Duration.between(clock.instant(), deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        runCancelHook(jobId, cancelHook);
        throw new ProviderTimeoutException(provider, "job " + jobId + " did not finish within " + timeout.toMillis()
            + " ms (last status '" + last.raw() + "'); raise the timeout or check the job at the provider",
            jobId, timeout, null);
      }
      Duration wait = interval(checks + 1);
      if (wait.compareTo(remaining) > 0) wait = remaining;
      LOG.debug("{}: job {} is {}; checking again in {} ms", provider, jobId, last.raw(), wait.toMillis());
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        throw abandon(jobId, cancelHook, e);
      }
    }
  }

  /** The wait after check number {@code n} (1-based). */
  Duration interval(int n) {
    return Backoff.delay(n, initialInterval, maxInterval, jitter, random, 1);
  }

  private CancellationException abandon(String jobId, Runnable cancelHook, InterruptedException cause) {
    runCancelHook(jobId, cancelHook);
    CancellationException c = new CancellationException("polling job " + jobId + " was cancelled");
    if (cause != null) c.initCause(cause);
    Thread.currentThread().interrupt();
    return c;
  }

  private void runCancelHook(String jobId, Runnable cancelHook) {
    if (cancelHook == null) return;
    boolean interrupted = Thread.interrupted();
    try {
      cancelHook.run();
      LOG.info("{}: cancelled job {}", provider, jobId);
    } catch (RuntimeException e) {
      LOG.warn("{}: could not cancel job {}: {}", provider, jobId,
          e instanceof CaptionsException ? e.getMessage() : e.getClass().getName());
    } finally {
      if (interrupted) Thread.currentThread().interrupt();
    }
  }

  private void report(ProgressListener listener, double fraction, String message) {
    try {
      listener.onProgress(ProgressEvent.of(stage, fraction, message));
    } catch (RuntimeException e) {
      LOG.warn("progress listener failed; ignored", e);
    }
  }

  @Override
  public String toString() {
    return "JobPoller{provider=" + provider + ", initialInterval=" + initialInterval + ", maxInterval=" + maxInterval
        + ", timeout=" + timeout + '}';
  }

  /** Builds a {@link JobPoller}. Not thread-safe. */
  public static final class Builder {
    private final String provider;
    private PipelineStage stage = PipelineStage.TRANSCRIBE;
    private Duration initialInterval = Duration.ofSeconds(1);
    private Duration maxInterval = Duration.ofSeconds(15);
    private Duration timeout = Duration.ofMinutes(30);
    private double jitter = Backoff.DEFAULT_JITTER;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = Backoff.RANDOM;

    private Builder(String provider) {
      this.provider = Objects.requireNonNull(provider, "provider == null");
    }

    private Builder(JobPoller p) {
      this(p.provider);
      stage = p.stage;
      initialInterval = p.initialInterval;
      maxInterval = p.maxInterval;
      timeout = p.timeout;
      jitter = p.jitter;
      sleeper = p.sleeper;
      clock = p.clock;
      random = p.random;
    }

    /**
     * The {@link ProgressEvent#stage()} reported while polling; default {@link PipelineStage#TRANSCRIBE}.
     *
     * @param stage the stage of the work the polled job does; not null
     * @return this builder
     */
    public Builder stage(PipelineStage stage) {
      this.stage = Objects.requireNonNull(stage, "stage == null");
      return this;
    }

    /**
     * The first wait between checks. Default 1 s.
     *
     * @param interval a positive duration
     * @return this builder
     */
    public Builder initialInterval(Duration interval) {
      this.initialInterval = Backoff.positive(interval, "initialInterval");
      return this;
    }

    /**
     * The longest wait between checks. Default 15 s.
     *
     * @param interval a duration at least the initial interval
     * @return this builder
     */
    public Builder maxInterval(Duration interval) {
      this.maxInterval = Backoff.positive(interval, "maxInterval");
      return this;
    }

    /**
     * How long the job may take in all. Default 30 min.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Backoff.positive(timeout, "timeout");
      return this;
    }

    /**
     * The share of each wait randomly taken off, in [0, 1]. Default 0.2.
     *
     * @param jitter in [0, 1]
     * @return this builder
     */
    public Builder jitter(double jitter) {
      this.jitter = Backoff.checkJitter(jitter);
      return this;
    }

    /**
     * How to wait between checks (tests inject a recording one). Default {@link Sleeper#SYSTEM}.
     *
     * @param sleeper the sleeper; not null
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * The clock the timeout is measured on; tests pass one that the sleeper advances.
     *
     * @param clock the clock; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * The source of jitter, returning values in [0, 1).
     *
     * @param random returns values in [0, 1); not null
     * @return this builder
     */
    public Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Builds the poller.
     *
     * @return the poller
     * @throws IllegalArgumentException when the initial interval is longer than the maximum
     */
    public JobPoller build() {
      Backoff.checkOrder("initialInterval", initialInterval, "maxInterval", maxInterval);
      return new JobPoller(this);
    }
  }
}
