package dev.captions.fakes;

import dev.captions.ConfigurationException;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;

/** Factories registered by discovery tests through {@link ServiceFixture}. */
public final class FakeFactories {
  private FakeFactories() {}

  /** An embedded provider: always configured. */
  public static final class Embedded implements TranscriberFactory {
    @Override
    public String name() {
      return "fake-embedded";
    }

    @Override
    public String artifact() {
      return "dev.captions:fake-embedded";
    }

    @Override
    public boolean isEmbedded() {
      return true;
    }

    @Override
    public boolean isConfigured(ProviderConfig config) {
      return true;
    }

    @Override
    public Transcriber create(ProviderConfig config) {
      return new FakeTranscriber(name());
    }
  }

  /** A cloud provider: configured when {@code captions.<name>.apiKey} or its env var is set. */
  public abstract static class Cloud implements TranscriberFactory {
    private final String name;
    private final int priority;

    Cloud(String name, int priority) {
      this.name = name;
      this.priority = priority;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String artifact() {
      return "dev.captions:" + name;
    }

    @Override
    public int priority() {
      return priority;
    }

    @Override
    public boolean isConfigured(ProviderConfig config) {
      return config.get(ProviderConfig.API_KEY, name.toUpperCase(java.util.Locale.ROOT) + "_API_KEY").isPresent();
    }

    @Override
    public Transcriber create(ProviderConfig config) {
      if (!isConfigured(config)) {
        throw new ConfigurationException(name + " needs an API key: set captions." + name + ".apiKey");
      }
      return new FakeTranscriber(name);
    }
  }

  public static final class CloudA extends Cloud {
    public CloudA() {
      super("cloud-a", 50);
    }
  }

  public static final class CloudB extends Cloud {
    public CloudB() {
      super("cloud-b", 10);
    }
  }

  /** A configured-when-keyed cloud provider that, like Gcore, takes URLs only; ranked first when configured. */
  public static final class CloudUrlOnly extends Cloud {
    public CloudUrlOnly() {
      super("cloud-url", 5);
    }

    @Override
    public Transcriber create(ProviderConfig config) {
      super.create(config);
      return new FakeTranscriber(name(), java.util.List.of(), java.util.EnumSet.of(dev.captions.model.MediaSource.Kind.URL));
    }
  }

  /** Fails while being instantiated, as a provider jar with a missing dependency does. */
  public static final class Broken implements TranscriberFactory {
    public Broken() {
      throw new IllegalStateException("broken on purpose");
    }

    @Override
    public String name() {
      return "broken";
    }

    @Override
    public String artifact() {
      return "x";
    }

    @Override
    public boolean isConfigured(ProviderConfig config) {
      return true;
    }

    @Override
    public Transcriber create(ProviderConfig config) {
      throw new AssertionError();
    }
  }
}
