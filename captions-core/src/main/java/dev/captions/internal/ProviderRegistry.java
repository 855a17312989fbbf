package dev.captions.internal;

import dev.captions.ProviderNotFoundException;
import dev.captions.spi.Provider;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.ProviderFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Selects a provider of one kind. The rule, in order: a name asked for explicitly; the system property
 * {@code captions.<kind>} (e.g. {@code captions.transcriber=openai}); the configured cloud provider with the lowest
 * {@link ProviderFactory#priority()} (then by name); the embedded default. Stateless: each call looks again, so a jar
 * added at run time (plugins) is seen.
 */
public final class ProviderRegistry<T extends Provider, F extends ProviderFactory<T>> {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

  private final Class<F> factoryType;
  private final String kind;
  private final Function<String, String> systemProperties;

  public ProviderRegistry(Class<F> factoryType, String kind, Function<String, String> systemProperties) {
    this.factoryType = factoryType;
    this.kind = kind;
    this.systemProperties = systemProperties;
  }

  /** Every factory of this kind on the class path, sorted by name. */
  public List<F> factories() {
    List<F> all = new ArrayList<>(Services.load(factoryType));
    all.sort(Comparator.comparing(ProviderFactory::name));
    return all;
  }

  /** The provider named {@code name}, configured from {@code config} (or the environment when null). */
  public T byName(String name, ProviderConfig config) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    List<F> all = factories();
    for (F f : all) {
      if (f.name().equals(wanted)) return f.create(config != null ? config : ProviderConfig.fromEnvironment(f.name()));
    }
    throw new ProviderNotFoundException("No " + display() + " named '" + wanted + "'. Available: " + names(all) + ". "
        + hintFor(wanted));
  }

  /** The provider the documented rule picks. */
  public T select() {
    T chosen = ranked().get(0).get();
    LOG.debug("{} chosen by discovery: {}", display(), chosen.name());
    return chosen;
  }

  /**
   * Every provider the rule may pick, best first, each created on demand: the one named by the system property
   * {@code captions.<kind>} alone; else the configured cloud providers (by priority, then name), then the embedded
   * ones. Callers that must pair providers (a media processor whose audio the transcriber can read) take the first
   * that fits.
   *
   * @throws ProviderNotFoundException when there is none, naming what to add
   */
  public List<Supplier<T>> ranked() {
    String forced = systemProperties.apply("captions." + kind);
    if (forced != null && !forced.isBlank()) {
      LOG.debug("{} chosen by system property captions.{}={}", display(), kind, forced);
      return List.of(memoized(() -> byName(forced, null)));
    }
    List<F> all = factories();
    List<F> order = new ArrayList<>();
    all.stream().filter(f -> !f.isEmbedded()).filter(f -> f.isConfigured(ProviderConfig.fromEnvironment(f.name())))
        .sorted(Comparator.comparingInt((F f) -> f.priority()).thenComparing(ProviderFactory::name))
        .forEach(order::add);
    all.stream().filter(ProviderFactory::isEmbedded).forEach(order::add);
    if (order.isEmpty()) {
      throw new ProviderNotFoundException("No " + display() + " is configured. "
          + (all.isEmpty() ? "None is on the class path" : "Available: " + names(all) + " (none has credentials)")
          + ". " + missingHint());
    }
    List<Supplier<T>> out = new ArrayList<>();
    for (F f : order) {
      out.add(memoized(() -> f.create(ProviderConfig.fromEnvironment(f.name()))));
    }
    return out;
  }

  private static <T> Supplier<T> memoized(Supplier<T> create) {
    return new Supplier<T>() {
      private T made;

      @Override
      public T get() {
        if (made == null) made = create.get();
        return made;
      }
    };
  }

  private String display() {
    return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
  }

  private static String names(List<? extends ProviderFactory<?>> all) {
    return all.stream().map(ProviderFactory::name).collect(Collectors.toList()).toString();
  }

  // What to add when nothing of this kind can be chosen; only the modules that really provide the kind are named.
  private String missingHint() {
    switch (kind) {
      case "media":
        return "Add dev.captions:captions-media-ffmpeg (embedded, runs locally) to the class path, or "
            + "dev.captions:captions-media-ittybit and set ITTYBIT_API_KEY.";
      case "transcriber":
        return "Add dev.captions:captions-provider-vosk (embedded, offline) to the class path, or a cloud provider "
            + "(dev.captions:captions-provider-openai, -gemini or -gcore) and set its API key (e.g. OPENAI_API_KEY).";
      case "translator":
      case "summarizer":
        return "There is no embedded " + kind + ": add dev.captions:captions-provider-openai or "
            + "dev.captions:captions-provider-gemini to the class path and set OPENAI_API_KEY or GEMINI_API_KEY.";
      default:
        return "Add a module that provides a " + kind + " to the class path.";
    }
  }

  private String hintFor(String name) {
    switch (name) {
      case "gemini":
      case "openai":
      case "gcore":
      case "vosk":
        return "Add dev.captions:captions-provider-" + name + " to the class path.";
      case "ittybit":
      case "ffmpeg":
        return "Add dev.captions:captions-media-" + name + " to the class path.";
      default:
        return "Add the module that provides it to the class path.";
    }
  }
}
