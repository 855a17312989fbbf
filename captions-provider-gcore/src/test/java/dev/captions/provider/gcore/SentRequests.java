package dev.captions.provider.gcore;

import dev.captions.http.HttpClients;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Records, on the client, every request the SDK sends ({@code "GET /path"}), in the order it sends them. Unlike
 * WireMock's journal it cannot log a request late, so tests can tell what was sent before and after a given moment.
 * Thread-safe.
 */
final class SentRequests {
  private final List<String> sent = new ArrayList<>();

  /** A client that records through this (to pass to a builder's {@code httpClient}). */
  OkHttpClient client() {
    return HttpClients.shared().newBuilder().addInterceptor(chain -> {
      Request r = chain.request();
      synchronized (this) {
        sent.add(r.method() + " " + r.url().encodedPath());
      }
      return chain.proceed(r);
    }).build();
  }

  synchronized List<String> all() {
    return List.copyOf(sent);
  }

  synchronized long count(String methodAndPath) {
    return sent.stream().filter(methodAndPath::equals).count();
  }
}
