package dev.captions.http;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs HTTP exchanges through SLF4J (logger {@code dev.captions.http}) with every secret hidden.
 *
 * <ul>
 *   <li>DEBUG: one line per request and per response: method, URL (credential query parameters such as {@code key=}
 *       and {@code api_key=} shown as {@code ****}), status, duration in ms.</li>
 *   <li>TRACE: also the headers, with the values of {@code Authorization}, {@code x-goog-api-key}, {@code api-key},
 *       {@code x-api-key} (and cookies) shown as {@code ****}.</li>
 * </ul>
 * Bodies are never logged (they hold users' media and transcripts). Nothing is logged at INFO or above.
 * Stateless and thread-safe.
 */
public final class RedactingLoggingInterceptor implements Interceptor {
  /** The logger name; set it to DEBUG to see HTTP traffic. */
  public static final String LOGGER_NAME = "dev.captions.http";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isDebugEnabled()) return chain.proceed(request);
    String url = Redaction.url(request.url());
    LOG.debug("--> {} {}", request.method(), url);
    if (LOG.isTraceEnabled()) LOG.trace("--> headers:{}", headers(request.headers()));
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      LOG.debug("<-- {} {} failed after {} ms: {}", request.method(), url, elapsedMs(start), e.toString());
      throw e;
    }
    LOG.debug("<-- {} {} {} ({} ms)", response.code(), request.method(), url, elapsedMs(start));
    if (LOG.isTraceEnabled()) LOG.trace("<-- headers:{}", headers(response.headers()));
    return response;
  }

  private static long elapsedMs(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }

  static String headers(Headers headers) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      sb.append(' ').append(name).append('=')
          .append(Redaction.isSecretHeader(name) ? Redaction.MASK : headers.value(i)).append(';');
    }
    return sb.toString();
  }
}
