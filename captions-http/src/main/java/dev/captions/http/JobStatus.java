package dev.captions.http;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One observation of a provider's asynchronous job, as returned by the status check a {@link JobPoller} calls.
 * Immutable.
 *
 * <p>Providers map their own status strings onto {@link State} with {@link State#classify}; a string they did not know
 * about when this SDK was built becomes {@link State#UNKNOWN} and keeps its raw value, so a provider adding a status
 * does not break polling.
 *
 * @param <T> the job's result type
 */
public final class JobStatus<T> {
  /** Where a job is. */
  public enum State {
    /** Accepted, not started. */
    PENDING,
    /** Working. */
    RUNNING,
    /** Done; {@link #result()} holds the result. Terminal. */
    SUCCEEDED,
    /** Failed; {@link #reason()} says why. Terminal. */
    FAILED,
    /** Cancelled at the provider. Terminal. */
    CANCELLED,
    /** A status this SDK does not know; treated as still working. {@link #raw()} holds it. */
    UNKNOWN;

    /**
     * Whether the job has ended (succeeded, failed or cancelled).
     *
     * @return true for a terminal state
     */
    public boolean isTerminal() {
      return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /**
     * Looks up a provider's status string (case-insensitively) in {@code known}, whose keys are lower case; anything
     * else, including {@code null}, is {@link #UNKNOWN}.
     *
     * @param raw the provider's status string, or {@code null}
     * @param known lower-case status strings and their states
     * @return the state; {@link State#UNKNOWN} when not in {@code known}
     */
    public static State classify(String raw, Map<String, State> known) {
      if (raw == null) return UNKNOWN;
      State s = known.get(raw.strip().toLowerCase(Locale.ROOT));
      return s == null ? UNKNOWN : s;
    }
  }

  private final State state;
  private final String raw;
  private final double progress;
  private final T result;
  private final String reason;

  private JobStatus(State state, String raw, double progress, T result, String reason) {
    this.state = Objects.requireNonNull(state, "state == null");
    this.raw = raw == null ? state.name().toLowerCase(Locale.ROOT) : raw;
    this.progress = Double.isNaN(progress) ? Double.NaN : Math.max(0, Math.min(1, progress));
    this.result = result;
    this.reason = reason;
  }

  /**
   * A job waiting to start.
   *
   * @param <T> the job's result type
   * @param raw the provider's status string
   * @return a {@link State#PENDING} status
   */
  public static <T> JobStatus<T> pending(String raw) {
    return new JobStatus<>(State.PENDING, raw, Double.NaN, null, null);
  }

  /**
   * @param progress done so far in [0, 1] (clamped), or {@code Double.NaN} when the provider does not say
   *
   * @param <T> the job's result type
   * @param raw the provider's status string
   * @return a {@link State#RUNNING} status
   */
  public static <T> JobStatus<T> running(String raw, double progress) {
    return new JobStatus<>(State.RUNNING, raw, progress, null, null);
  }

  /**
   * A finished job.
   *
   * @param <T> the job's result type
   * @param raw the provider's status string
   * @param result the job's result
   * @return a {@link State#SUCCEEDED} status
   */
  public static <T> JobStatus<T> succeeded(String raw, T result) {
    return new JobStatus<>(State.SUCCEEDED, raw, 1, result, null);
  }

  /**
   * @param reason the provider's own explanation, or {@code null}
   *
   * @param <T> the job's result type
   * @param raw the provider's status string
   * @return a {@link State#FAILED} status
   */
  public static <T> JobStatus<T> failed(String raw, String reason) {
    return new JobStatus<>(State.FAILED, raw, Double.NaN, null, reason);
  }

  /**
   * A cancelled job.
   *
   * @param <T> the job's result type
   * @param raw the provider's status string
   * @param reason the provider's explanation, or {@code null}
   * @return a {@link State#CANCELLED} status
   */
  public static <T> JobStatus<T> cancelled(String raw, String reason) {
    return new JobStatus<>(State.CANCELLED, raw, Double.NaN, null, reason);
  }

  /**
   * A status string the provider did not document; the poller keeps polling.
   *
   * @param <T> the job's result type
   * @param raw the provider's status string
   * @return a {@link State#UNKNOWN} status
   */
  public static <T> JobStatus<T> unknown(String raw) {
    return new JobStatus<>(State.UNKNOWN, raw, Double.NaN, null, null);
  }

  /**
   * A status from a provider's string: {@code classify}, then {@link #succeeded} with {@code result},
   * {@link #failed} / {@link #cancelled} with {@code reason}, or the in-progress states with {@code progress}.
   *
   * @param <T> the job's result type
   * @param raw the provider's status string, or {@code null}
   * @param known the provider's status strings (lower case) and their states
   * @param progress done so far in [0, 1], or {@code Double.NaN}
   * @param result the result, used only when the state is {@link State#SUCCEEDED}
   * @param reason the provider's explanation, used only for a failure or cancellation
   * @return the status
   */
  public static <T> JobStatus<T> of(String raw, Map<String, State> known, double progress, T result, String reason) {
    State s = State.classify(raw, known);
    return new JobStatus<>(s, raw, s == State.SUCCEEDED ? 1 : progress, s == State.SUCCEEDED ? result : null, reason);
  }

  /**
   * Where the job is.
   *
   * @return the state; never null
   */
  public State state() {
    return state;
  }

  /** {@return the provider's status string as received (or the state's name when built without one)} */
  public String raw() {
    return raw;
  }

  /**
   * In [0, 1], or {@code NaN} when unknown.
   *
   * @return the progress
   */
  public double progress() {
    return progress;
  }

  /** {@return the result when {@link State#SUCCEEDED}, else {@code null}} */
  public T result() {
    return result;
  }

  /** {@return the provider's reason for a failure or cancellation, or {@code null}} */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "JobStatus{" + state + (raw.equalsIgnoreCase(state.name()) ? "" : " '" + raw + "'")
        + (Double.isNaN(progress) ? "" : ", progress=" + progress) + (reason == null ? "" : ", reason=" + reason) + '}';
  }
}
