package dev.captions.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.captions.AuthenticationException;
import dev.captions.ProviderException;
import dev.captions.RateLimitException;
import dev.captions.spi.Provider;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.ProviderFactory;
import dev.captions.http.HttpClients;
import dev.captions.http.JobPoller;
import dev.captions.http.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every provider call must do, whatever its kind; the base of {@link TranscriberContract},
 * {@link TranslatorContract}, {@link SummarizerContract} and {@link MediaProcessorContract}.
 *
 * <p>Cloud providers are tested against {@link #wireMock} (a WireMock server on 127.0.0.1, one per test). The kit
 * creates the provider through its factory with {@link #config} — the API key {@link #API_KEY}, the WireMock base URL,
 * one attempt ({@link RetryPolicy#CONFIG_MAX_ATTEMPTS}) and fast polling — so a provider must honour
 * {@link ProviderConfig#BASE_URL} and build its retry policy and poller with {@link RetryPolicy#fromConfig} and
 * {@link JobPoller#fromConfig}, with any SDK-internal retries turned off. The subclass stubs a success
 * ({@link #stubSuccess}) and may shape error bodies like its provider does ({@link #errorBody}).
 *
 * <p>Checked: a successful call passes the kind's invariants and the subclass's {@link #verifySuccess}; 401 →
 * {@link AuthenticationException}; 429 → {@link RateLimitException} with the {@code Retry-After} (when the provider's
 * client exposes headers) and exactly one request; 503 → retryable {@link ProviderException}; 400 → non-retryable
 * {@link ProviderException} carrying the provider's message; the API key never in a message or {@code toString()}; an
 * interrupted thread gets {@link CancellationException} with the flag kept, before any request is sent. Local
 * providers return {@code false} from {@link #usesHttp()} and the HTTP checks are skipped.
 *
 * @param <P> the provider type
 * @param <R> what the call under test returns
 */
public abstract class ProviderContract<P extends Provider, R> {
  /** The API key the kit configures; a recognisable string so a leak is easy to spot. */
  public static final String API_KEY = "test-key-CONTRACT-5ecr3t-0123456789";

  /** The provider's server, on loopback, fresh for each test. */
  @RegisterExtension
  protected final WireMockExtension wireMock = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  /** {@return the factory of the provider under test} */
  protected abstract ProviderFactory<? extends P> factory();

  /** Stubs {@link #wireMock} so that {@link #invoke} succeeds (local providers: no-op). */
  protected abstract void stubSuccess();

  /**
   * Makes the call under test, e.g. {@code transcriber.transcribe(sampleMedia(), options)}.
   *
   * @param provider the provider under test
   * @return the result to verify
   * @throws Exception whatever the call throws; the kit checks its type
   */
  protected abstract R invoke(P provider) throws Exception;

  /**
   * Provider-specific checks of a successful result (the kind's invariants are checked already).
   *
   * @param result the call's result
   */
  protected abstract void verifySuccess(R result);

  /**
   * The kind's invariants for any successful result, e.g. a translation keeps cue count and times.
   *
   * @param result the call's result
   */
  protected abstract void verifyInvariants(R result);

  /** {@return whether the provider talks HTTP to {@link #wireMock}; local providers (FFmpeg, Vosk) return false} */
  protected boolean usesHttp() {
    return true;
  }

  /**
   * The configuration the provider is created with. Override to add settings (call {@code super.config()} and
   * {@code toBuilder()}).
   *
   * @return the configuration
   */
  protected ProviderConfig config() {
    return ProviderConfig.builder(factory().name())
        .environment(k -> null)
        .systemProperties(k -> null)
        .apiKey(API_KEY)
        .baseUrl(wireMock.baseUrl())
        .set(RetryPolicy.CONFIG_MAX_ATTEMPTS, "1")
        .set(JobPoller.CONFIG_POLL_INTERVAL_MS, "10")
        .set(JobPoller.CONFIG_POLL_MAX_INTERVAL_MS, "20")
        .set(JobPoller.CONFIG_JOB_TIMEOUT_MS, "10000")
        .set(HttpClients.CONFIG_READ_TIMEOUT_MS, "10000")
        .build();
  }

  /** {@return a new provider from {@link #factory()} and {@link #config()}} */
  protected P provider() {
    return factory().create(config());
  }

  /**
   * The provider's error body for {@code status}; the default is the common {@code {"error":{"message":…}}}.
   * Override to follow the provider's documented error format.
   *
   * @param status the HTTP status
   * @param message the error message
   * @return the body
   */
  protected String errorBody(int status, String message) {
    return "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\"}}";
  }

  /**
   * Makes every request fail with {@code status}, {@link #errorBody} and the given header name/value pairs.
   *
   * @param status the HTTP status
   * @param message the error message put in {@link #errorBody}
   * @param headers header names and values, alternating
   */
  protected void stubFailure(int status, String message, String... headers) {
    ResponseDefinitionBuilder response = aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withHeader("x-request-id", "req-contract-1")
        .withBody(errorBody(status, message));
    for (int i = 0; i + 1 < headers.length; i += 2) response = response.withHeader(headers[i], headers[i + 1]);
    wireMock.stubFor(any(anyUrl()).atPriority(1).willReturn(response));
  }

  private Throwable failure() {
    Throwable t = catchThrowable(() -> invoke(provider()));
    assertThat(t).as("the call should have failed").isNotNull();
    assertThat(t.getMessage()).doesNotContain(API_KEY);
    return t;
  }

  @Test
  void successfulCallGivesAValidResult() throws Exception {
    stubSuccess();
    P provider = provider();
    assertThat(provider.name()).isEqualTo(factory().name());
    R result = invoke(provider);
    assertThat(result).isNotNull();
    verifyInvariants(result);
    verifySuccess(result);
  }

  @Test
  void unauthorizedBecomesAuthenticationException() {
    assumeTrue(usesHttp(), "local provider");
    stubFailure(401, "Invalid API key");
    assertThat(failure()).isInstanceOfSatisfying(AuthenticationException.class, e -> {
      assertThat(e.provider()).isEqualTo(factory().name());
      assertThat(e.httpStatus()).isEqualTo(401);
      assertThat(e.isRetryable()).isFalse();
    });
  }

  @Test
  void rateLimitBecomesRateLimitExceptionAfterOneAttempt() {
    assumeTrue(usesHttp(), "local provider");
    stubFailure(429, "Rate limit reached, slow down", "Retry-After", "7");
    assertThat(failure()).isInstanceOfSatisfying(RateLimitException.class, e -> {
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.httpStatus()).isEqualTo(429);
      e.retryAfter().ifPresent(d -> assertThat(d).isEqualTo(Duration.ofSeconds(7)));
    });
    // maxAttempts=1: a second request means hidden retries (e.g. an SDK's own) that ignore the configured policy
    wireMock.verify(1, anyRequestedFor(anyUrl()));
  }

  @Test
  void serverErrorIsRetryable() {
    assumeTrue(usesHttp(), "local provider");
    stubFailure(503, "The service is temporarily overloaded");
    assertThat(failure()).isInstanceOfSatisfying(ProviderException.class, e -> {
      assertThat(e.isRetryable()).isTrue();
      assertThat(e.httpStatus()).isEqualTo(503);
      assertThat(e.provider()).isEqualTo(factory().name());
    });
  }

  @Test
  void badRequestIsNotRetryableAndCarriesTheProvidersMessage() {
    assumeTrue(usesHttp(), "local provider");
    stubFailure(400, "Unsupported value for field xyz");
    assertThat(failure()).isInstanceOfSatisfying(ProviderException.class, e -> {
      assertThat(e).isNotInstanceOf(AuthenticationException.class);
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.httpStatus()).isEqualTo(400);
      assertThat(e.getMessage()).contains("Unsupported value for field xyz");
    });
  }

  @Test
  void interruptedThreadIsCancelledBeforeAnyRequest() {
    stubSuccess();
    P provider = provider();
    Thread.currentThread().interrupt();
    Throwable t;
    boolean flagKept;
    try {
      t = catchThrowable(() -> invoke(provider));
    } finally {
      flagKept = Thread.interrupted();
    }
    assertThat(t).isInstanceOf(CancellationException.class);
    assertThat(flagKept).as("interrupt flag kept").isTrue();
    if (usesHttp()) wireMock.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void toStringHidesTheApiKey() {
    assertThat(provider().toString()).doesNotContain(API_KEY);
  }
}
