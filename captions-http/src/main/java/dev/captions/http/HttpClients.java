package dev.captions.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import okhttp3.OkHttpClient;

/**
 * Creates the OkHttp clients providers use: sensible time-outs, a {@code captions-java/<version>} user agent and the
 * {@link RedactingLoggingInterceptor}.
 *
 * <pre>{@code
 * OkHttpClient http = HttpClients.builder().readTimeout(Duration.ofMinutes(5)).build();
 * }</pre>
 *
 * <p>OkHttp clients are thread-safe and meant to be shared: a provider creates one in its constructor (no I/O happens
 * there) and reuses it. {@link #shared()} is one with the defaults; derive variants with
 * {@code shared().newBuilder()} to share its connection pool.
 */
public final class HttpClients {
  /** The default request time-out: 2 min. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);

  private static final String VERSION = readVersion();
  private static final OkHttpClient SHARED = builder().build();

  private HttpClients() {}

  /**
   * A process-wide client with the default settings.
   *
   * @return the shared client; never null. Thread-safe; do not shut it down
   */
  public static OkHttpClient shared() {
    return SHARED;
  }

  /**
   * A builder with the default time-outs and no base client: unless {@link Builder#base} is set,
   * {@link Builder#build()} makes a client with its own connection pool and dispatcher (daemon threads).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@link dev.captions.spi.ProviderConfig} key: connect time-out in milliseconds. */
  public static final String CONFIG_CONNECT_TIMEOUT_MS = "connectTimeoutMs";
  /** {@link dev.captions.spi.ProviderConfig} key: read time-out in milliseconds. */
  public static final String CONFIG_READ_TIMEOUT_MS = "readTimeoutMs";
  /** {@link dev.captions.spi.ProviderConfig} key: whole-call time-out in milliseconds ({@code 0}: none). */
  public static final String CONFIG_CALL_TIMEOUT_MS = "callTimeoutMs";
  /**
   * {@link dev.captions.spi.ProviderConfig} key: the provider's request time-out in milliseconds, the one limit on a
   * single request (connect, send, wait, read), e.g. {@code captions.gcore.requestTimeoutMs=120000}; also read from
   * the environment variable {@code <PROVIDER>_REQUEST_TIMEOUT_MS} ({@link #requestTimeoutEnvVar}).
   */
  public static final String CONFIG_REQUEST_TIMEOUT_MS = "requestTimeoutMs";

  /**
   * {@return the environment variable for a provider's request time-out, e.g. {@code GCORE_REQUEST_TIMEOUT_MS}}
   *
   * @param provider the provider's name, e.g. {@code "gcore"}
   */
  public static String requestTimeoutEnvVar(String provider) {
    return provider.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_REQUEST_TIMEOUT_MS";
  }

  /**
   * The request time-out {@code config} sets ({@link #CONFIG_REQUEST_TIMEOUT_MS}, else the environment variable
   * {@link #requestTimeoutEnvVar}), else {@code defaultTimeout}.
   *
   * @param config the provider's configuration
   * @param defaultTimeout the time-out when neither is set
   * @throws dev.captions.ConfigurationException when the value is not a positive whole number of milliseconds
   * @return the time-out
   */
  public static Duration requestTimeout(dev.captions.spi.ProviderConfig config, Duration defaultTimeout) {
    java.util.Optional<String> v = config.get(CONFIG_REQUEST_TIMEOUT_MS, requestTimeoutEnvVar(config.provider()));
    if (v.isEmpty()) return defaultTimeout;
    try {
      long ms = Long.parseLong(v.get().strip());
      if (ms > 0) return Duration.ofMillis(ms);
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new dev.captions.ConfigurationException("captions." + config.provider() + "." + CONFIG_REQUEST_TIMEOUT_MS
        + " (or " + requestTimeoutEnvVar(config.provider()) + ") must be a positive number of milliseconds, but is '"
        + v.get() + "'");
  }

  /**
   * A builder derived from {@link #shared()} (sharing its connection pool) with the time-outs {@code config} sets via
   * {@link #CONFIG_REQUEST_TIMEOUT_MS} (or its environment variable), then the finer {@link #CONFIG_CONNECT_TIMEOUT_MS},
   * {@link #CONFIG_READ_TIMEOUT_MS}, {@link #CONFIG_CALL_TIMEOUT_MS}, and the
   * provider's name as user agent suffix.
   *
   * @param config the provider's configuration
   * @throws dev.captions.ConfigurationException when a value is not a whole number or negative
   * @return a builder holding those settings
   */
  public static Builder fromConfig(dev.captions.spi.ProviderConfig config) {
    Builder b = builder().base(SHARED).userAgentSuffix(config.provider());
    b.requestTimeout(requestTimeout(config, b.callTimeout));
    try {
      b.connectTimeout(Duration.ofMillis(config.getLong(CONFIG_CONNECT_TIMEOUT_MS, b.connectTimeout.toMillis())));
      b.readTimeout(Duration.ofMillis(config.getLong(CONFIG_READ_TIMEOUT_MS, b.readTimeout.toMillis())));
      b.callTimeout(Duration.ofMillis(config.getLong(CONFIG_CALL_TIMEOUT_MS, b.callTimeout.toMillis())));
      return b;
    } catch (IllegalArgumentException e) {
      throw new dev.captions.ConfigurationException("captions." + config.provider() + ": " + e.getMessage());
    }
  }

  /** {@return {@code captions-java/<version>}, e.g. {@code captions-java/0.1.0}} */
  public static String userAgent() {
    return "captions-java/" + VERSION;
  }

  /** {@return the SDK's version, from the build; {@code "dev"} when run from an IDE without resources} */
  public static String version() {
    return VERSION;
  }

  private static String readVersion() {
    try (InputStream in = HttpClients.class.getResourceAsStream("captions-version.properties")) {
      if (in == null) return "dev";
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "dev").trim();
      return v.isEmpty() || v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }

  /** Builds an {@link OkHttpClient}. Not thread-safe. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(60);
    private Duration writeTimeout = Duration.ofSeconds(60);
    private Duration callTimeout = DEFAULT_REQUEST_TIMEOUT;
    private String userAgent = userAgent();
    private OkHttpClient base;

    private Builder() {}

    /**
     * Time to establish a connection. Default 10 s.
     *
     * @param timeout a non-negative duration
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = check(timeout, "connectTimeout");
      return this;
    }

    /**
     * Longest silence while reading a response. Default 60 s; raise it for endpoints that think before answering.
     *
     * @param timeout a non-negative duration
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = check(timeout, "readTimeout");
      return this;
    }

    /**
     * Longest stall while sending a request body. Default 60 s.
     *
     * @param timeout a non-negative duration
     * @return this builder
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = check(timeout, "writeTimeout");
      return this;
    }

    /**
     * The request time-out: the limit on one whole request (connect, send, wait, read). Sets the call time-out, and
     * the connect, read and write time-outs too where they were longer. Must be positive.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      Duration t = check(timeout, "requestTimeout");
      if (t.isZero()) throw new IllegalArgumentException("requestTimeout must be positive");
      callTimeout = t;
      if (connectTimeout.compareTo(t) > 0) connectTimeout = t;
      if (readTimeout.compareTo(t) > 0) readTimeout = t;
      if (writeTimeout.compareTo(t) > 0) writeTimeout = t;
      return this;
    }

    /**
     * Limit for one whole call (connect, send, wait, read); {@link Duration#ZERO} for none. Default 2 min.
     *
     * @param timeout a non-negative duration, {@link Duration#ZERO} for none
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = check(timeout, "callTimeout");
      return this;
    }

    /**
     * Appends a product token, e.g. {@code "gcore"}, giving {@code captions-java/0.1.0 gcore}.
     *
     * @param suffix a product token without spaces, e.g. the provider's name
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      Objects.requireNonNull(suffix, "suffix == null");
      this.userAgent = userAgent() + (suffix.isBlank() ? "" : " " + suffix.strip());
      return this;
    }

    /**
     * Derives from an existing client, sharing its connection pool and dispatcher.
     *
     * @param base the client to derive from; not null
     * @return this builder
     */
    public Builder base(OkHttpClient base) {
      this.base = Objects.requireNonNull(base, "base == null");
      return this;
    }

    /**
     * Builds the client. With a {@linkplain #base base} it shares that client's connection pool and dispatcher;
     * without one it gets its own, whose threads are daemon threads.
     *
     * @return the client
     */
    public OkHttpClient build() {
      String ua = userAgent;
      OkHttpClient.Builder b;
      if (base != null) {
        b = base.newBuilder();
      } else {
        // RetryPolicy runs calls on the dispatcher (so an interrupt can cancel them); OkHttp's default of 5 calls per
        // host would queue parallel translation or upload calls to one API behind each other.
        // Daemon threads: an idle dispatcher must not keep a command-line JVM alive.
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        okhttp3.Dispatcher dispatcher = new okhttp3.Dispatcher(new java.util.concurrent.ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 60, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "captions-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            }));
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(64);
        b = new OkHttpClient.Builder().dispatcher(dispatcher);
      }
      b.interceptors().removeIf(i -> i instanceof UserAgentInterceptor);
      b.networkInterceptors().removeIf(i -> i instanceof RedactingLoggingInterceptor);
      return b.connectTimeout(connectTimeout)
          .readTimeout(readTimeout)
          .writeTimeout(writeTimeout)
          .callTimeout(callTimeout)
          .retryOnConnectionFailure(true)
          .addInterceptor(new UserAgentInterceptor(ua))
          // a network interceptor sees each real exchange, including ones the RetryPolicy repeats
          .addNetworkInterceptor(new RedactingLoggingInterceptor())
          .build();
    }

    private static Duration check(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative()) throw new IllegalArgumentException(name + " must not be negative, but is " + d);
      return d;
    }
  }

  /** Sets the User-Agent unless the request already has one. */
  private static final class UserAgentInterceptor implements okhttp3.Interceptor {
    private final String userAgent;

    UserAgentInterceptor(String userAgent) {
      this.userAgent = userAgent;
    }

    @Override
    public okhttp3.Response intercept(Chain chain) throws IOException {
      okhttp3.Request r = chain.request();
      if (r.header("User-Agent") != null) return chain.proceed(r);
      return chain.proceed(r.newBuilder().header("User-Agent", userAgent).build());
    }
  }
}
