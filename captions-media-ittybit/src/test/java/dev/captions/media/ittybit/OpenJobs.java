package dev.captions.media.ittybit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.http.HttpClients;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Watches, on the client, the jobs the SDK has open: a job opens when {@code POST /jobs} returns its id and closes when
 * a {@code GET /jobs/{id}} returns a final status. Records every request sent ({@code "GET /jobs/job_x"}) in order,
 * and the most jobs ever open at once.
 *
 * <p>With {@link #holdEachJobOpen()}, the thread that created a job is held right after the create until
 * {@link #release()} (or 30 s), so jobs stay open and overlap for as long as the test needs: parallelism and the bound
 * are then seen from counted events, not from timing. Thread-safe.
 */
final class OpenJobs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled");

  private final List<String> sent = new ArrayList<>();
  private final Set<String> open = new HashSet<>();
  private int maxOpen;
  private boolean hold;
  private final CountDownLatch released = new CountDownLatch(1);

  OkHttpClient client() {
    return HttpClients.shared().newBuilder().addInterceptor(chain -> {
      Request r = chain.request();
      String path = r.url().encodedPath();
      synchronized (this) {
        sent.add(r.method() + " " + path);
      }
      Response response = chain.proceed(r);
      if (!response.isSuccessful()) return response;
      JsonNode job = parse(response);
      String id = job.path("id").asText("");
      if (r.method().equals("POST") && path.equals("/jobs") && !id.isEmpty()) {
        boolean wait;
        synchronized (this) {
          open.add(id);
          maxOpen = Math.max(maxOpen, open.size());
          notifyAll();
          wait = hold;
        }
        if (wait) awaitRelease();
      } else if (r.method().equals("GET") && FINAL.contains(job.path("status").asText())) {
        synchronized (this) {
          open.remove(path.substring(path.lastIndexOf('/') + 1));
        }
      }
      return response;
    }).build();
  }

  synchronized OpenJobs holdEachJobOpen() {
    hold = true;
    return this;
  }

  void release() {
    synchronized (this) {
      hold = false;
    }
    released.countDown();
  }

  /** Waits until {@code n} jobs are open at once; false when that does not happen within {@code ms}. */
  synchronized boolean awaitOpen(int n, long ms) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    while (open.size() < n) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) return false;
      wait(left);
    }
    return true;
  }

  synchronized int maxOpen() {
    return maxOpen;
  }

  synchronized List<String> sent() {
    return List.copyOf(sent);
  }

  synchronized long count(String methodAndPath) {
    return sent.stream().filter(methodAndPath::equals).count();
  }

  private void awaitRelease() throws IOException {
    try {
      released.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while held open by the test");
    }
  }

  private static JsonNode parse(Response response) throws IOException {
    try {
      return JSON.readTree(response.peekBody(1 << 20).string());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return JSON.missingNode();
    }
  }
}
