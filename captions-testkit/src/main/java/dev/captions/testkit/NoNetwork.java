package dev.captions.testkit;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records network connections attempted while a block runs, by installing a {@link ProxySelector}: plain sockets,
 * {@code HttpURLConnection}, OkHttp clients built inside the block and {@code java.net.http} all consult it before
 * connecting. DNS-only lookups are not seen. Not thread-safe across concurrent uses (it swaps a JVM-wide default).
 */
public final class NoNetwork {
  private NoNetwork() {}

  /** A block that may throw. */
  @FunctionalInterface
  public interface Block {
    /**
     * Runs the code under test.
     *
     * @throws Exception whatever the code throws
     */
    void run() throws Exception;
  }

  /**
   * Runs {@code block} and returns the URIs it tried to connect to (empty when it did no network I/O).
   *
   * @param block the code to run
   * @return the URIs, in the order tried; empty when none
   * @throws Exception whatever {@code block} throws
   */
  public static List<URI> connectionsDuring(Block block) throws Exception {
    ProxySelector saved = ProxySelector.getDefault();
    List<URI> seen = new CopyOnWriteArrayList<>();
    ProxySelector.setDefault(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        seen.add(uri);
        return saved != null ? saved.select(uri) : List.of(Proxy.NO_PROXY);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        if (saved != null) saved.connectFailed(uri, sa, ioe);
      }
    });
    try {
      block.run();
    } finally {
      ProxySelector.setDefault(saved);
    }
    return seen;
  }
}
