package dev.captions.http;

import dev.captions.PipelineStage;
import dev.captions.spi.ProviderConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * An {@link HttpProviderBuilder} for providers that start jobs and poll them: adds the poll interval and the overall
 * job time-out, with the provider's own defaults, and reads {@link JobPoller}'s configuration keys in {@link #config}.
 * Not thread-safe.
 *
 * @param <B> the concrete builder
 */
public abstract class PollingProviderBuilder<B extends PollingProviderBuilder<B>> extends HttpProviderBuilder<B> {
  /**
   * {@link ProviderConfig} key read for compatibility: the job time-out in whole seconds; {@link
   * JobPoller#CONFIG_JOB_TIMEOUT_MS} wins when both are set.
   */
  public static final String CONFIG_TIMEOUT_SECONDS = "timeoutSeconds";

  private final Duration defaultInitialInterval;
  private final Duration defaultMaxInterval;
  private final Duration defaultTimeout;
  private JobPoller.Builder poller;

  /**
   * @param initialInterval the provider's default first wait between status checks
   * @param maxInterval the provider's default longest wait
   * @param timeout the provider's default overall job time-out
   * @param endpoint the provider's names, default URL and environment variables
   */
  protected PollingProviderBuilder(Endpoint endpoint, Duration initialInterval, Duration maxInterval,
      Duration timeout) {
    super(endpoint);
    this.defaultInitialInterval = Objects.requireNonNull(initialInterval, "initialInterval == null");
    this.defaultMaxInterval = Objects.requireNonNull(maxInterval, "maxInterval == null");
    this.defaultTimeout = Objects.requireNonNull(timeout, "timeout == null");
    this.poller = JobPoller.builder(endpoint.provider()).initialInterval(initialInterval).maxInterval(maxInterval)
        .timeout(timeout);
  }

  /**
   * Polling starts at {@code initial} and backs off to {@code max}.
   *
   * @param initial the first wait between status checks
   * @param max the longest wait
   * @return this builder
   */
  public B pollInterval(Duration initial, Duration max) {
    poller.initialInterval(Objects.requireNonNull(initial, "initial == null"))
        .maxInterval(Objects.requireNonNull(max, "max == null"));
    return self();
  }

  /**
   * Overall limit for one job, unless the call's options set one.
   *
   * @param timeout a positive duration
   * @return this builder
   */
  public B timeout(Duration timeout) {
    poller.timeout(Objects.requireNonNull(timeout, "timeout == null"));
    return self();
  }

  /**
   * Also takes {@link JobPoller#CONFIG_POLL_INTERVAL_MS}, {@link JobPoller#CONFIG_POLL_MAX_INTERVAL_MS} and
   * {@link JobPoller#CONFIG_JOB_TIMEOUT_MS} (or {@link #CONFIG_TIMEOUT_SECONDS}) through {@link JobPoller#fromConfig};
   * what {@code config} leaves out gets the provider's defaults.
   */
  @Override
  public B config(ProviderConfig config) {
    super.config(config);
    ProviderConfig.Builder withDefaults = config.toBuilder();
    defaultIfAbsent(config, withDefaults, JobPoller.CONFIG_POLL_INTERVAL_MS, defaultInitialInterval.toMillis());
    defaultIfAbsent(config, withDefaults, JobPoller.CONFIG_POLL_MAX_INTERVAL_MS, defaultMaxInterval.toMillis());
    long timeoutMs = config.get(CONFIG_TIMEOUT_SECONDS).isPresent()
        ? Math.multiplyExact(config.getLong(CONFIG_TIMEOUT_SECONDS, 0), 1000L) : defaultTimeout.toMillis();
    defaultIfAbsent(config, withDefaults, JobPoller.CONFIG_JOB_TIMEOUT_MS, timeoutMs);
    this.poller = JobPoller.fromConfig(withDefaults.build());
    return self();
  }

  // Only fills gaps: a value from a system property must keep beating the provider's default, so it is not shadowed
  // by a builder value.
  private static void defaultIfAbsent(ProviderConfig config, ProviderConfig.Builder b, String key, long value) {
    if (config.get(key).isEmpty()) b.set(key, Long.toString(value));
  }

  /**
   * The poller for the provider's calls.
   *
   * @param stage the stage its progress is reported under
   * @return a poller configured from the builder and {@link ProviderConfig}
   */
  protected final JobPoller poller(PipelineStage stage) {
    return poller.stage(stage).build();
  }
}
