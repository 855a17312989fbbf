package dev.captions.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.captions.ConfigurationException;
import dev.captions.spi.Provider;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.ProviderFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ProviderFactory} keeps. A provider module extends it once per factory:
 *
 * <pre>{@code
 * class GcoreTranscriberFactoryContractTest extends ProviderFactoryContract<Transcriber> {
 *   GcoreTranscriberFactoryContractTest() {
 *     super(GcoreTranscriberFactory::new, TranscriberFactory.class, "GCORE_API_KEY");
 *   }
 * }
 * }</pre>
 *
 * Checked: registration in {@code META-INF/services}; a public no-arg constructor; a non-blank lower-case name; an
 * artifact in {@code groupId:artifactId} form; no network I/O when constructing, naming or asking
 * {@code isConfigured}, nor in {@code create}; {@code isConfigured} false without credentials and true with an API key
 * given directly or through the environment variable; {@code create} without credentials throws a
 * {@link ConfigurationException} naming the environment variable; no API key in any {@code toString()}.
 *
 * @param <P> the provider type the factory creates
 */
public abstract class ProviderFactoryContract<P extends Provider> {
  /** The API key the kit configures; it must never show up in a {@code toString()} or message. */
  public static final String API_KEY = ProviderContract.API_KEY;

  private final Supplier<? extends ProviderFactory<P>> factory;
  private final Class<?> serviceInterface;
  private final String apiKeyEnvVar;

  /**
   * @param factory makes a new instance of the factory under test
   * @param serviceInterface the service interface it is registered under, e.g. {@code TranscriberFactory.class}
   * @param apiKeyEnvVar the environment variable holding its API key, e.g. {@code "GCORE_API_KEY"}; {@code null} for
   *     embedded providers
   */
  protected ProviderFactoryContract(Supplier<? extends ProviderFactory<P>> factory, Class<?> serviceInterface,
      String apiKeyEnvVar) {
    this.factory = factory;
    this.serviceInterface = serviceInterface;
    this.apiKeyEnvVar = apiKeyEnvVar;
  }

  /** {@return a new instance of the factory under test} */
  protected ProviderFactory<P> factory() {
    return factory.get();
  }

  /** {@return the service interface it is registered under} */
  protected Class<?> serviceInterface() {
    return serviceInterface;
  }

  /** {@return the environment variable holding its API key; {@code null} for embedded providers} */
  protected String apiKeyEnvVar() {
    return apiKeyEnvVar;
  }

  /** {@return a configuration with nothing set and an empty environment and system properties} */
  protected ProviderConfig emptyConfig() {
    return ProviderConfig.builder(factory().name()).environment(k -> null).systemProperties(k -> null).build();
  }

  /**
   * A configuration with {@link #API_KEY} and a loopback base URL nothing listens on (port 9, discard), so a
   * {@code create} that wrongly connects fails fast. Override to add settings the provider requires.
   *
   * @return the configuration
   */
  protected ProviderConfig configuredConfig() {
    return emptyConfig().toBuilder().apiKey(API_KEY).baseUrl("http://127.0.0.1:9").build();
  }

  private boolean embedded() {
    return apiKeyEnvVar() == null;
  }

  @Test
  void isRegisteredWithServiceLoader() {
    List<Class<?>> found = new ArrayList<>();
    var it = ServiceLoader.load(serviceInterface()).iterator();
    while (true) {
      try {
        if (!it.hasNext()) break;
        found.add(it.next().getClass());
      } catch (ServiceConfigurationError e) {
        // another (deliberately) broken provider on the test class path is not this factory's problem
      }
    }
    assertThat(found).as("factories registered in META-INF/services/%s", serviceInterface().getName())
        .contains(factory().getClass());
  }

  @Test
  void hasAPublicNoArgConstructor() throws Exception {
    Class<?> type = factory().getClass();
    assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type.getName()).isTrue();
    Constructor<?> c = type.getConstructor();
    assertThat(Modifier.isPublic(c.getModifiers())).isTrue();
  }

  @Test
  void nameIsNonBlankLowerCase() {
    assertThat(factory().name()).matches("[a-z][a-z0-9-]*");
  }

  @Test
  void artifactIsMavenCoordinates() {
    assertThat(factory().artifact()).matches("[a-z0-9._-]+:[a-z0-9._-]+");
  }

  @Test
  void constructingNamingAndCheckingConfigurationDoNoNetworkIo() throws Exception {
    assertThat(NoNetwork.connectionsDuring(() -> {
      ProviderFactory<?> f = factory().getClass().getConstructor().newInstance();
      f.name();
      f.artifact();
      f.capabilities();
      f.isConfigured(emptyConfig());
      f.isConfigured(configuredConfig());
    })).isEmpty();
  }

  @Test
  void isConfiguredReflectsCredentials() {
    if (embedded()) {
      assertThat(factory().isConfigured(emptyConfig())).as("an embedded provider is always configured").isTrue();
      return;
    }
    assertThat(factory().isConfigured(emptyConfig())).as("configured without credentials").isFalse();
    assertThat(factory().isConfigured(configuredConfig())).as("configured with an API key").isTrue();
    String env = apiKeyEnvVar();
    ProviderConfig fromEnv = emptyConfig().toBuilder().environment(k -> k.equals(env) ? API_KEY : null).build();
    assertThat(factory().isConfigured(fromEnv)).as("configured through %s", env).isTrue();
  }

  @Test
  void creatingWithoutCredentialsNamesTheEnvironmentVariable() {
    assumeFalse(embedded(), "embedded providers need no credentials");
    assertThatThrownBy(() -> factory().create(emptyConfig()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(apiKeyEnvVar());
  }

  @Test
  void creatingDoesNoNetworkIoAndToStringHidesTheKey() throws Exception {
    List<Object> made = new ArrayList<>();
    assertThat(NoNetwork.connectionsDuring(() -> made.add(factory().create(configuredConfig())))).isEmpty();
    assertThat(made.get(0)).isNotNull();
    assertThat(made.get(0).toString()).doesNotContain(API_KEY);
    assertThat(factory().toString()).doesNotContain(API_KEY);
    assertThat(((Provider) made.get(0)).name()).isEqualTo(factory().name());
  }
}
