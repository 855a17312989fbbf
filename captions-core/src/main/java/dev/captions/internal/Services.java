package dev.captions.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ServiceLoader with the failure handling discovery needs: the context class loader first, then ours; one broken
 * provider ({@link ServiceConfigurationError}) is logged and skipped instead of ending the whole lookup; the same
 * implementation class seen by both loaders counts once.
 */
public final class Services {
  private static final Logger LOG = LoggerFactory.getLogger(Services.class);

  private Services() {}

  public static <S> List<S> load(Class<S> type) {
    Map<String, S> found = new LinkedHashMap<>();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) loadFrom(type, context, found);
    ClassLoader own = Services.class.getClassLoader();
    if (own != context) loadFrom(type, own, found);
    return new ArrayList<>(found.values());
  }

  private static <S> void loadFrom(Class<S> type, ClassLoader loader, Map<String, S> found) {
    Iterator<S> it;
    try {
      it = ServiceLoader.load(type, loader).iterator();
    } catch (ServiceConfigurationError e) {
      LOG.warn("Cannot list {} providers: {}", type.getSimpleName(), e.getMessage());
      return;
    }
    while (true) {
      try {
        if (!it.hasNext()) return;
        S s = it.next();
        found.putIfAbsent(s.getClass().getName(), s);
      } catch (ServiceConfigurationError | LinkageError e) {
        // One bad jar must not hide the good ones; ServiceLoader's iterator moves past the failed entry.
        LOG.warn("Skipping a broken {} provider: {}", type.getSimpleName(), e.getMessage());
      }
    }
  }
}
