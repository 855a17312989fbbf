package dev.captions.fakes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Registers service implementations for one test only: writes META-INF/services files into a temporary directory and
 * makes a class loader over it the thread's context class loader, which discovery consults first.
 */
public final class ServiceFixture {
  private ServiceFixture() {}

  public static <T> T with(Path dir, Map<Class<?>, List<String>> services, Callable<T> body) throws Exception {
    for (Map.Entry<Class<?>, List<String>> e : services.entrySet()) {
      Path file = dir.resolve("META-INF/services/" + e.getKey().getName());
      Files.createDirectories(file.getParent());
      Files.write(file, e.getValue());
    }
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {toUrl(dir)}, ServiceFixture.class.getClassLoader())) {
      t.setContextClassLoader(loader);
      return body.call();
    } finally {
      t.setContextClassLoader(previous);
    }
  }

  private static URL toUrl(Path dir) {
    try {
      return dir.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
