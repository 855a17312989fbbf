package dev.captions.http;

import dev.captions.CaptionsException;
import dev.captions.ProviderException;
import dev.captions.RateLimitException;
import dev.captions.spi.Async;
import dev.failsafe.Execution;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When and how long to wait before trying a failed call again; built on Failsafe's retry policy (which decides
 * whether to retry and computes the delay) with the waiting done through an injectable {@link Sleeper}.
 *
 * <p><b>Delay.</b> The wait before retry {@code n} (1-based) is the provider's {@code Retry-After-Ms} /
 * {@code Retry-After} (seconds or HTTP date) or {@link RateLimitException#retryAfter()} when given, used as is;
 * otherwise {@code min(initialDelay × 2^(n-1), maxDelay)} reduced by a random jitter of up to {@code jitter} of itself
 * (so many clients hitting the same limit spread out). When the next wait would take the sum of waits past
 * {@code maxTotalDelay}, the policy gives up at once and reports the last failure.
 *
 * <p><b>What is retried (HTTP).</b> Only responses 408, 429 and 5xx and I/O failures, and only for requests that are
 * safe to repeat ({@link #isSafeToRepeat}): GET, HEAD, PUT, DELETE, OPTIONS, a request carrying an
 * {@value #IDEMPOTENCY_KEY} header, or one marked with {@link #markSafeToRepeat}. A failure to connect
 * ({@link ConnectException}) is retried for any method, since the request never reached the server.
 *
 * <p><b>What is retried (any call).</b> {@link #call(Callable)} retries exceptions whose
 * {@link CaptionsException#isRetryable()} is true; {@link #call(Callable, Predicate)} takes your own test, for SDK
 * exceptions.
 *
 * <p><b>Cancellation.</b> An interrupt before or during an attempt or a wait ends the call with
 * {@link java.util.concurrent.CancellationException}, the interrupt flag kept.
 *
 * <p>Immutable and thread-safe; each call keeps its own attempt count, so one policy may serve many threads.
 */
public final class RetryPolicy {
  /** The header that makes a POST safe to repeat. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);
  private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Duration maxTotalDelay;
  private final Duration deadline;
  private final double jitter;
  private final Sleeper sleeper;
  private final Clock clock;
  private final DoubleSupplier random;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialDelay = b.initialDelay;
    this.maxDelay = b.maxDelay;
    this.maxTotalDelay = b.maxTotalDelay;
    this.deadline = b.deadline;
    this.jitter = b.jitter;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
    this.random = b.random;
  }

  /** {@link dev.captions.spi.ProviderConfig} key: attempts in total, e.g. {@code captions.gcore.maxAttempts=1}. */
  public static final String CONFIG_MAX_ATTEMPTS = "maxAttempts";
  /** {@link dev.captions.spi.ProviderConfig} key: the first backoff wait in milliseconds. */
  public static final String CONFIG_INITIAL_DELAY_MS = "retryInitialDelayMs";
  /** {@link dev.captions.spi.ProviderConfig} key: the cap on one backoff wait in milliseconds. */
  public static final String CONFIG_MAX_DELAY_MS = "retryMaxDelayMs";
  /** {@link dev.captions.spi.ProviderConfig} key: the cap on all waits of one call in milliseconds. */
  public static final String CONFIG_MAX_TOTAL_DELAY_MS = "retryMaxTotalDelayMs";
  /**
   * {@link dev.captions.spi.ProviderConfig} key: the overall deadline of one provider call in milliseconds, every
   * attempt and wait included, e.g. {@code captions.openai.deadlineMs=600000}.
   */
  public static final String CONFIG_DEADLINE_MS = "deadlineMs";

  /**
   * The defaults, overridden by whichever of {@link #CONFIG_MAX_ATTEMPTS}, {@link #CONFIG_INITIAL_DELAY_MS},
   * {@link #CONFIG_MAX_DELAY_MS} and {@link #CONFIG_MAX_TOTAL_DELAY_MS} {@code config} sets (builder or system
   * property {@code captions.<provider>.<key>}). Providers build their policy with this so users and the contract
   * test kit can tune retries without code.
   *
   * @param config the provider's configuration
   * @throws dev.captions.ConfigurationException when a value is not a whole number or out of range
   * @return the policy
   */
  public static RetryPolicy fromConfig(dev.captions.spi.ProviderConfig config) {
    Builder b = builder();
    return Backoff.fromConfig(config, () -> {
      b.maxAttempts((int) config.getLong(CONFIG_MAX_ATTEMPTS, b.maxAttempts));
      b.initialDelay(Duration.ofMillis(config.getLong(CONFIG_INITIAL_DELAY_MS, b.initialDelay.toMillis())));
      b.maxDelay(Duration.ofMillis(config.getLong(CONFIG_MAX_DELAY_MS, b.maxDelay.toMillis())));
      b.maxTotalDelay(Duration.ofMillis(config.getLong(CONFIG_MAX_TOTAL_DELAY_MS, b.maxTotalDelay.toMillis())));
      b.deadline(Duration.ofMillis(config.getLong(CONFIG_DEADLINE_MS, b.deadline.toMillis())));
      if (b.maxDelay.compareTo(b.initialDelay) < 0) b.maxDelay(b.initialDelay);
      return b.build();
    });
  }

  /**
   * 4 attempts, 500 ms initial delay doubling up to 30 s, at most 2 min of waiting in total, 20 % jitter, and an
   * overall deadline of 15 min per call.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this policy's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Attempts in total, including the first.
   *
   * @return the attempt count, at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * The first backoff wait.
   *
   * @return the wait; never null
   */
  public Duration initialDelay() {
    return initialDelay;
  }

  /**
   * The cap on one backoff wait.
   *
   * @return the cap; never null
   */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * The cap on the sum of all waits of one call.
   *
   * @return the cap; never null
   */
  public Duration maxTotalDelay() {
    return maxTotalDelay;
  }

  /** {@return the share of each backoff wait randomly taken off, in [0, 1]} */
  public double jitter() {
    return jitter;
  }

  /**
   * The overall limit on one call: every attempt and every wait between attempts counts. No retry starts when its wait
   * would end past it, and each attempt of {@link #execute}, {@link #send} and {@link #callWithin} is given at most the
   * time that is left.
   *
   * @return the deadline; never null
   */
  public Duration deadline() {
    return deadline;
  }

  /**
   * {@return whether {@code request} may be sent twice without harm; see the class comment}
   *
   * @param request the request
   */
  public static boolean isSafeToRepeat(Request request) {
    return IDEMPOTENT_METHODS.contains(request.method().toUpperCase(Locale.ROOT))
        || request.header(IDEMPOTENCY_KEY) != null
        || request.tag(SafeToRepeat.class) != null;
  }

  /**
   * A copy of {@code request} that this policy may retry whatever its method, for provider endpoints documented as
   * idempotent (e.g. a POST that only reads).
   *
   * @param request the request
   * @return the marked copy
   */
  public static Request markSafeToRepeat(Request request) {
    return request.newBuilder().tag(SafeToRepeat.class, SafeToRepeat.INSTANCE).build();
  }

  /**
   * {@return whether an HTTP status is worth retrying: 408, 429 or 5xx}
   *
   * @param status the HTTP status code
   */
  public static boolean isRetryableStatus(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /**
   * Sends {@code request}, retrying as described in the class comment. Blocks. Prefer {@link #send}, which also reads
   * the body inside the retry: a connection reset while this method's caller reads the body is not retried.
   *
   * @param provider the provider's name, for log lines and exceptions
   * @param client the client that sends it, usually an {@code OkHttpClient}
   * @param request the request; retried only when {@link #isSafeToRepeat} allows
   * @return the final response, successful or not (the caller maps a failure with
   *     {@link HttpErrors#toException(String, Response)} and closes the response)
   * @throws ProviderException for an I/O failure after the last attempt ({@link dev.captions.ProviderTimeoutException}
   *     for a time-out)
   * @throws java.util.concurrent.CancellationException when interrupted
   */
  public Response execute(String provider, Call.Factory client, Request request) {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(request, "request == null");
    boolean safe = isSafeToRepeat(request);
    String target = request.method() + " " + Redaction.url(request.url());
    TimedAttempt<Response> attempt = budget -> send(client.newCall(request), budget);
    Outcome<Response> outcome = run(provider, target, attempt,
        (r, e) -> r != null
            ? safe && isRetryableStatus(r.code())
            : e instanceof IOException && !isInterrupt(e) && (safe || neverReachedServer(e)),
        r -> HttpErrors.retryAfter(r::header, clock));
    if (outcome.failure == null) return outcome.result;
    Throwable e = outcome.failure;
    if (e instanceof IOException) throw mapIo(provider, request, safe, (IOException) e, limitFor(client, e, outcome));
    throw sneaky(e);
  }

  /**
   * Reads a successful response inside the attempt that received it, so that a failure while the body streams in
   * (a reset, a time-out, a body that is not what was expected) is retried like a failed exchange.
   *
   * @param <T> what the body becomes
   */
  @FunctionalInterface
  public interface BodyReader<T> {
    /**
     * Reads {@code response}, a 2xx, whose body is still open; the caller closes the response afterwards.
     *
     * @param response the successful response
     * @throws IOException when the body cannot be read (retried for requests safe to repeat)
     * @return the value read from the body
     */
    T read(Response response) throws IOException;
  }

  /**
   * Sends {@code request} and reads its successful response with {@code reader}, both inside each attempt, retrying
   * as described in the class comment: an I/O failure while the body is read is retried for requests that are safe to
   * repeat, and so is a {@link ProviderException} the reader throws whose {@link ProviderException#isRetryable()} is
   * true. A non-2xx response becomes the exception {@link HttpErrors#toException(String, Response)} maps it to. Each
   * attempt gets at most the time left before {@link #deadline()}. Blocks; the response is always closed.
   *
   * @param provider the provider's name, for log lines and exceptions
   * @param <T> what the body becomes
   * @param client the client that sends it, usually an {@code OkHttpClient}
   * @param request the request; retried only when it is safe to repeat
   * @param reader reads a successful response inside the attempt
   * @return what {@code reader} returned for the final, successful response
   * @throws ProviderException for an HTTP error or an I/O failure after the last attempt
   *     ({@link dev.captions.ProviderTimeoutException} for a time-out); for a request that is not safe to repeat the
   *     message says that it was not repeated and why
   * @throws java.util.concurrent.CancellationException when interrupted
   */
  public <T> T send(String provider, Call.Factory client, Request request, BodyReader<T> reader) {
    Objects.requireNonNull(provider, "provider == null");
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(request, "request == null");
    Objects.requireNonNull(reader, "reader == null");
    boolean safe = isSafeToRepeat(request);
    boolean refusalsRetryable = safe || request.tag(RefusalsRetryable.class) != null;
    String target = request.method() + " " + Redaction.url(request.url());
    TimedAttempt<Exchange<T>> attempt = budget -> {
      Response response = send(client.newCall(request), budget);
      if (!response.isSuccessful()) return new Exchange<>(null, response); // closed by run() or below
      try (Response r = response) {
        return new Exchange<>(reader.read(r), null);
      }
    };
    Outcome<Exchange<T>> outcome = run(provider, target, attempt, (r, e) -> {
      if (r != null) {
        int code = r.failed.code();
        return isRetryableStatus(code) && (safe || refusalsRetryable && isRefusal(code));
      }
      if (isInterrupt(e)) return false;
      if (e instanceof ProviderException) return ((ProviderException) e).isRetryable() && safe;
      return e instanceof IOException && (safe || neverReachedServer(e));
    }, r -> r.failed == null ? null : HttpErrors.retryAfter(r.failed::header, clock));
    if (outcome.failure == null) {
      Exchange<T> x = outcome.result;
      if (x.failed == null) return x.value;
      try (Response failed = x.failed) {
        throw HttpErrors.toException(provider, failed);
      }
    }
    Throwable e = outcome.failure;
    if (e instanceof IOException) throw mapIo(provider, request, safe, (IOException) e, limitFor(client, e, outcome));
    throw sneaky(e);
  }

  /** 429, 502, 503: answers by which a server refuses a request without doing its work. */
  private static boolean isRefusal(int status) {
    return status == 429 || status == 502 || status == 503;
  }

  /**
   * A copy of {@code request} (a create that is not safe to repeat) that this policy may still send again after a
   * refusal, 429, 502 or 503, which says the server did no work; other failures are not retried.
   *
   * @param request the request
   * @return the marked copy
   */
  public static Request markRefusalsRetryable(Request request) {
    return request.newBuilder().tag(RefusalsRetryable.class, RefusalsRetryable.INSTANCE).build();
  }

  /** The tag {@link #markRefusalsRetryable} puts on a request. */
  private enum RefusalsRetryable { INSTANCE }

  /** One attempt's outcome in {@link #send}: the value read, or a non-2xx response kept open for its headers. */
  private static final class Exchange<T> implements java.io.Closeable {
    final T value;
    final Response failed;

    Exchange(T value, Response failed) {
      this.value = value;
      this.failed = failed;
    }

    @Override
    public void close() {
      if (failed != null) failed.close();
    }
  }

  /** An I/O failure after the last attempt, saying when an unsafe request was deliberately not repeated. */
  private static ProviderException mapIo(String provider, Request request, boolean safe, IOException e, Duration limit) {
    ProviderException mapped = HttpErrors.fromIOException(provider, e, limit);
    if (safe || neverReachedServer(e)) return mapped;
    String message = mapped.getMessage().startsWith(provider + ": ")
        ? mapped.getMessage().substring(provider.length() + 2) : mapped.getMessage();
    message = message + "; " + request.method() + " " + Redaction.url(request.url()).replaceAll("\\?.*", "")
        + " was not sent again because it may have reached " + provider + " and started paid work: check for it at "
        + provider + " before trying again";
    if (mapped instanceof dev.captions.ProviderTimeoutException) {
      return new dev.captions.ProviderTimeoutException(provider, message, null,
          ((dev.captions.ProviderTimeoutException) mapped).limit(), false, e);
    }
    return new ProviderException(provider, message, 0, null, false, e);
  }

  /**
   * Whether an I/O failure happened before the request could reach the server (no connection, unknown host), so that
   * sending it again cannot do the work twice.
   *
   * @param e the failure
   * @return true when the request cannot have reached the server
   */
  public static boolean neverReachedServer(Throwable e) {
    return e instanceof ConnectException || e instanceof java.net.UnknownHostException
        || e instanceof java.net.NoRouteToHostException;
  }

  /**
   * Runs {@code call} on OkHttp's dispatcher and waits for it interruptibly: a blocking {@code execute()} would not
   * notice an interrupt until its read time-out, so cancelling an {@link Async} future could not stop a long upload or
   * a slow response. On interrupt the call is cancelled (closing its socket) and a late response is closed. The call's
   * own time-out is shortened to {@code budget} when that is less.
   */
  private static Response send(Call call, Duration budget) throws IOException, InterruptedException {
    long current = call.timeout().timeoutNanos();
    long allowed = Math.max(1, budget.toNanos());
    if (current == 0 || allowed < current) call.timeout().timeout(allowed, java.util.concurrent.TimeUnit.NANOSECONDS);
    java.util.concurrent.CompletableFuture<Response> done = new java.util.concurrent.CompletableFuture<>();
    call.enqueue(new okhttp3.Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        done.completeExceptionally(e);
      }

      @Override
      public void onResponse(Call c, Response response) {
        if (!done.complete(response)) response.close();
      }
    });
    try {
      return done.get();
    } catch (InterruptedException e) {
      call.cancel();
      if (!done.completeExceptionally(e)) done.thenAccept(Response::close);
      throw e;
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException) {
        // keep the caller's stack in the trace; OkHttp's is the dispatcher thread's
        cause.addSuppressed(new Exception("called from here"));
        throw (IOException) cause;
      }
      throw sneaky(cause);
    }
  }

  /**
   * Runs {@code call}, retrying while it throws a {@link CaptionsException} that {@linkplain
   * CaptionsException#isRetryable() is retryable}, within {@link #deadline()}. Blocks.
   *
   * @param <T> the call's result
   * @param call the work; called once per attempt on this thread
   * @return what the last attempt returned
   * @throws java.util.concurrent.CancellationException when interrupted
   */
  public <T> T call(Callable<T> call) {
    return call(call, e -> e instanceof CaptionsException && ((CaptionsException) e).isRetryable());
  }

  /**
   * A call that is told how long it may take: the smaller of its own time-out and the time left before the policy's
   * deadline. SDK-based providers pass it on as the SDK's per-request time-out.
   *
   * @param <T> the call's result
   */
  @FunctionalInterface
  public interface TimedAttempt<T> {
    /**
     * Makes one attempt.
     *
     * @param budget how long this attempt may take; positive
     * @throws Exception anything; the policy's test decides whether it is retried
     * @return the attempt's result
     */
    T run(Duration budget) throws Exception;
  }

  /**
   * Runs {@code call} like {@link #call(Callable)}, telling each attempt its time budget: at most
   * {@code requestTimeout}, and never more than what is left of {@link #deadline()}. When the deadline passes
   * without a result the last failure is thrown (a time-out if that is what it was).
   *
   * @param requestTimeout the limit on one attempt; positive
   * @param <T> the call's result
   * @param call the work; called once per attempt on this thread with its time budget
   * @return what the last attempt returned
   * @throws java.util.concurrent.CancellationException when interrupted
   */
  public <T> T callWithin(Duration requestTimeout, TimedAttempt<T> call) {
    Objects.requireNonNull(requestTimeout, "requestTimeout == null");
    Objects.requireNonNull(call, "call == null");
    Outcome<T> outcome = run(null, "call", budget -> call.run(min(budget, requestTimeout)),
        (r, e) -> e != null && !isInterrupt(e) && e instanceof CaptionsException && ((CaptionsException) e).isRetryable(),
        r -> null);
    if (outcome.failure == null) return outcome.result;
    Throwable e = outcome.failure;
    if (e instanceof IOException) throw new UncheckedIOException((IOException) e);
    throw sneaky(e);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * Runs {@code call}, retrying while {@code retryable} accepts what it threw (for SDK-based providers, whose SDKs
   * throw their own exceptions). A {@link RateLimitException}'s {@code retryAfter} sets the wait. The last exception
   * is rethrown as is when unchecked; a checked one is wrapped ({@link UncheckedIOException} for I/O).
   *
   * <p>The simplest way for an SDK-based provider is to map the SDK's exception inside the call, so that the default
   * test and {@code Retry-After} handling apply (turn the SDK's own retries off):
   * <pre>{@code
   * return policy.call(() -> {
   *   try {
   *     return client.models().generateContent(model, contents, config);
   *   } catch (ApiException e) {   // the SDK's HTTP error
   *     throw HttpErrors.toException("gemini", e.code(), HttpErrors.headerLookup(Map.of()), e.getMessage());
   *   }
   * });
   * }</pre>
   *
   * @param <T> the call's result
   * @param call the work; called once per attempt on this thread
   * @param retryable whether a failure is worth another attempt
   * @return what the last attempt returned
   * @throws java.util.concurrent.CancellationException when interrupted
   */
  public <T> T call(Callable<T> call, Predicate<? super Throwable> retryable) {
    Objects.requireNonNull(call, "call == null");
    Objects.requireNonNull(retryable, "retryable == null");
    Outcome<T> outcome = run(null, "call", budget -> call.call(),
        (r, e) -> e != null && !isInterrupt(e) && retryable.test(e), r -> null);
    if (outcome.failure == null) return outcome.result;
    Throwable e = outcome.failure;
    if (e instanceof IOException) throw new UncheckedIOException((IOException) e);
    throw sneaky(e);
  }

  /** The wait before retry number {@code retry} (1-based) when the provider gave no Retry-After. */
  Duration backoff(int retry) {
    return Backoff.delay(retry, initialDelay, maxDelay, jitter, random, 0);
  }

  private <T> Outcome<T> run(String provider, String target, TimedAttempt<T> attempt,
      dev.failsafe.function.CheckedBiPredicate<T, Throwable> retryIf, java.util.function.Function<T, Duration> retryAfterOf) {
    dev.failsafe.RetryPolicy<T> policy = dev.failsafe.RetryPolicy.<T>builder()
        .handleIf(retryIf)
        .withMaxAttempts(maxAttempts)
        .withDelayFn(ctx -> {
          Duration asked = null;
          Throwable e = ctx.getLastException();
          if (e instanceof RateLimitException) asked = ((RateLimitException) e).retryAfter().orElse(null);
          T r = ctx.getLastResult();
          if (asked == null && r != null) asked = retryAfterOf.apply(r);
          return asked != null ? asked : backoff(ctx.getAttemptCount());
        })
        .build();
    Execution<T> execution = Execution.of(policy);
    Duration waited = Duration.ZERO;
    // Time spent is real time outside waits plus the waits as asked for, so that an injected sleeper that does not
    // really sleep still counts its waits against the deadline.
    long started = System.nanoTime();
    long sleptNanos = 0;
    String who = provider == null ? "" : provider + ": ";
    while (true) {
      Async.checkCancelled();
      Duration spent = Duration.ofNanos(System.nanoTime() - started - sleptNanos).plus(waited);
      Duration left = deadline.minus(spent);
      T result = null;
      Throwable failure = null;
      try {
        result = attempt.run(left.isNegative() || left.isZero() ? Duration.ofMillis(1) : left);
      } catch (Throwable t) {
        failure = t;
      }
      if (failure != null && isInterrupt(failure)) {
        if (failure instanceof InterruptedException) throw Async.cancelled((InterruptedException) failure);
        Thread.currentThread().interrupt();
        java.util.concurrent.CancellationException c = new java.util.concurrent.CancellationException("cancelled");
        c.initCause(failure);
        throw c;
      }
      execution.record(result, failure);
      if (execution.isComplete()) return new Outcome<>(result, failure, false);
      int attempts = execution.getAttemptCount();
      Duration delay = execution.getDelay();
      String why = failure != null ? describe(failure) : "HTTP " + (result instanceof Exchange
          ? ((Exchange<?>) result).failed.code() : ((Response) result).code());
      if (waited.plus(delay).compareTo(maxTotalDelay) > 0) {
        LOG.info("{}{} failed ({}) after {} attempt(s); not retrying: waiting {} ms more would exceed the {} ms limit",
            who, target, why, attempts, delay.toMillis(), maxTotalDelay.toMillis());
        return new Outcome<>(result, failure, false);
      }
      spent = Duration.ofNanos(System.nanoTime() - started - sleptNanos).plus(waited);
      if (spent.plus(delay).compareTo(deadline) >= 0) {
        LOG.info("{}{} failed ({}) after {} attempt(s); not retrying: the {} ms deadline would pass", who, target, why,
            attempts, deadline.toMillis());
        return new Outcome<>(result, failure, true);
      }
      LOG.info("{}{} failed ({}), attempt {} of {}; retrying in {} ms", who, target, why, attempts, maxAttempts,
          delay.toMillis());
      if (result instanceof Response) ((Response) result).close();
      if (result instanceof Exchange) ((Exchange<?>) result).close();
      long before = System.nanoTime();
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        throw Async.cancelled(e);
      }
      sleptNanos += System.nanoTime() - before;
      waited = waited.plus(delay);
    }
  }

  private static String describe(Throwable e) {
    // Our exceptions' messages are free of secrets; a foreign one's message is not ours to vouch for.
    return e instanceof CaptionsException ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** An interrupt, as opposed to a time-out (both are InterruptedIOExceptions in OkHttp). */
  private static boolean isInterrupt(Throwable e) {
    if (e instanceof InterruptedException) return true;
    if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
      return !"timeout".equals(e.getMessage()) || Thread.currentThread().isInterrupted();
    }
    return Thread.currentThread().isInterrupted() && e instanceof IOException;
  }

  private Duration limitFor(Call.Factory client, Throwable e, Outcome<?> outcome) {
    if (outcome.deadlinePassed) return deadline;
    if (!(client instanceof OkHttpClient)) return null;
    OkHttpClient c = (OkHttpClient) client;
    int ms = e instanceof SocketTimeoutException ? c.readTimeoutMillis() : c.callTimeoutMillis();
    return ms > 0 ? Duration.ofMillis(ms) : null;
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable e) throws E {
    if (e instanceof RuntimeException) throw (RuntimeException) e;
    if (e instanceof Error) throw (Error) e;
    throw new CaptionsException("call failed: " + e.getClass().getSimpleName(), e);
  }

  @Override
  public String toString() {
    return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
        + ", maxTotalDelay=" + maxTotalDelay + ", deadline=" + deadline + ", jitter=" + jitter + '}';
  }

  private static final class Outcome<T> {
    final T result;
    final Throwable failure;
    final boolean deadlinePassed;

    Outcome(T result, Throwable failure, boolean deadlinePassed) {
      this.result = result;
      this.failure = failure;
      this.deadlinePassed = deadlinePassed;
    }
  }

  /** The tag {@link #markSafeToRepeat} puts on a request. */
  private enum SafeToRepeat { INSTANCE }

  /** Builds a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration initialDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(30);
    private Duration maxTotalDelay = Duration.ofMinutes(2);
    private Duration deadline = Duration.ofMinutes(15);
    private double jitter = Backoff.DEFAULT_JITTER;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private DoubleSupplier random = Backoff.RANDOM;

    private Builder() {}

    private Builder(RetryPolicy p) {
      maxAttempts = p.maxAttempts;
      initialDelay = p.initialDelay;
      maxDelay = p.maxDelay;
      maxTotalDelay = p.maxTotalDelay;
      deadline = p.deadline;
      jitter = p.jitter;
      sleeper = p.sleeper;
      clock = p.clock;
      random = p.random;
    }

    /**
     * Attempts in total, including the first; 1 disables retries. Default 4.
     *
     * @param maxAttempts at least 1
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be >= 1, but is " + maxAttempts);
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The first backoff wait, doubled on each retry. Default 500 ms.
     *
     * @param initialDelay a positive duration
     * @return this builder
     */
    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = Backoff.nonNegative(initialDelay, "initialDelay");
      return this;
    }

    /**
     * The cap on one backoff wait (a provider's Retry-After is honoured even when longer). Default 30 s.
     *
     * @param maxDelay a duration at least {@code initialDelay}
     * @return this builder
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = Backoff.nonNegative(maxDelay, "maxDelay");
      return this;
    }

    /**
     * The cap on the sum of all waits of one call; beyond it the policy gives up. Default 2 min.
     *
     * @param maxTotalDelay a non-negative duration
     * @return this builder
     */
    public Builder maxTotalDelay(Duration maxTotalDelay) {
      this.maxTotalDelay = Backoff.nonNegative(maxTotalDelay, "maxTotalDelay");
      return this;
    }

    /**
     * The overall limit on one call, every attempt and wait included ({@link RetryPolicy#deadline()}); must be
     * positive. Default 15 min.
     *
     * @param deadline a positive duration
     * @return this builder
     */
    public Builder deadline(Duration deadline) {
      this.deadline = Backoff.positive(deadline, "deadline");
      return this;
    }

    /**
     * The share of each backoff wait randomly taken off, in [0, 1]. Default 0.2; 0 for exact waits.
     *
     * @param jitter in [0, 1]
     * @return this builder
     */
    public Builder jitter(double jitter) {
      this.jitter = Backoff.checkJitter(jitter);
      return this;
    }

    /**
     * How to wait (tests inject a recording one). Default {@link Sleeper#SYSTEM}.
     *
     * @param sleeper the sleeper; not null
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
      return this;
    }

    /**
     * The clock an HTTP-date {@code Retry-After} is measured against. Default UTC system clock.
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
     * Builds the policy.
     *
     * @return the policy
     * @throws IllegalArgumentException when {@code initialDelay} is longer than {@code maxDelay}
     */
    public RetryPolicy build() {
      Backoff.checkOrder("initialDelay", initialDelay, "maxDelay", maxDelay);
      return new RetryPolicy(this);
    }
  }
}
