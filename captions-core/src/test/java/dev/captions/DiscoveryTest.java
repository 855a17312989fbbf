package dev.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.fakes.FakeFactories;
import dev.captions.fakes.FakeTranscriber;
import dev.captions.fakes.ServiceFixture;
import dev.captions.model.MediaSource;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.MediaProcessorFactory;
import dev.captions.spi.SummarizerFactory;
import dev.captions.spi.TranscriberFactory;
import dev.captions.spi.TranslatorFactory;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryTest {
  @TempDir Path dir;

  private static final List<String> ALL = List.of(
      FakeFactories.Embedded.class.getName(),
      FakeFactories.CloudA.class.getName(),
      FakeFactories.CloudB.class.getName(),
      FakeFactories.CloudUrlOnly.class.getName(),
      FakeFactories.Broken.class.getName(),
      "dev.captions.fakes.DoesNotExist");

  @AfterEach
  void clearProperties() {
    System.clearProperty("captions.transcriber");
    System.clearProperty("captions.cloud-a.apiKey");
    System.clearProperty("captions.cloud-b.apiKey");
    System.clearProperty("captions.cloud-url.apiKey");
  }

  private <T> T withProviders(Callable<T> body) throws Exception {
    return ServiceFixture.with(dir, Map.of(TranscriberFactory.class, ALL), body);
  }

  @Test
  void byNameDespiteBrokenProviders() throws Exception {
    System.setProperty("captions.cloud-a.apiKey", "k");
    assertThat(withProviders(() -> Captions.transcriber("cloud-a").name())).isEqualTo("cloud-a");
    assertThat(withProviders(() -> Captions.transcriber("FAKE-EMBEDDED").name())).isEqualTo("fake-embedded");
  }

  @Test
  void byNameWithoutCredentialsSaysWhatToSet() {
    assertThatThrownBy(() -> withProviders(() -> Captions.transcriber("cloud-a")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("cloud-a needs an API key: set captions.cloud-a.apiKey");
  }

  @Test
  void unknownNameListsWhatIsAvailable() {
    assertThatThrownBy(() -> withProviders(() -> Captions.transcriber("gcore")))
        .isInstanceOf(ProviderNotFoundException.class)
        .hasMessage("No Transcriber named 'gcore'. Available: [cloud-a, cloud-b, cloud-url, fake-embedded]. "
            + "Add dev.captions:captions-provider-gcore to the class path.");
  }

  @Test
  void embeddedDefaultWhenNothingIsConfigured() throws Exception {
    assertThat(withProviders(() -> Captions.transcriber().name())).isEqualTo("fake-embedded");
  }

  @Test
  void configuredCloudProviderBeatsEmbeddedAndLowestPriorityWins() throws Exception {
    System.setProperty("captions.cloud-a.apiKey", "k");
    assertThat(withProviders(() -> Captions.transcriber().name())).isEqualTo("cloud-a");
    System.setProperty("captions.cloud-b.apiKey", "k");
    assertThat(withProviders(() -> Captions.transcriber().name())).isEqualTo("cloud-b");
  }

  @Test
  void systemPropertyBeatsConfiguredProviders() throws Exception {
    System.setProperty("captions.cloud-b.apiKey", "k");
    System.setProperty("captions.transcriber", "fake-embedded");
    assertThat(withProviders(() -> Captions.transcriber().name())).isEqualTo("fake-embedded");
  }

  /** A media processor that, like FFmpeg, hands the transcriber a local file. */
  private static MediaProcessor localAudio() {
    return new MediaProcessor() {
      @Override
      public String name() {
        return "local-media";
      }

      @Override
      public Set<MediaSource.Kind> audioOutputKinds() {
        return EnumSet.of(MediaSource.Kind.FILE);
      }

      @Override
      public Set<MediaOperation> operations() {
        return EnumSet.of(MediaOperation.EXTRACT_AUDIO);
      }
    };
  }

  @Test
  void theBestDiscoveredProviderThatCanWorkWithTheOthersIsTaken() throws Exception {
    // cloud-url ranks first (configured, lowest priority value) but cannot read the local file the media hands on.
    System.setProperty("captions.cloud-url.apiKey", "k");
    assertThat(withProviders(() -> Captions.transcriber().name())).isEqualTo("cloud-url");
    assertThat(withProviders(() -> Captions.pipeline().mediaProcessor(localAudio()).build().transcriber().name()))
        .isEqualTo("fake-embedded");
    // Without media the transcriber gets the source itself: for URL sources cloud-url is right, for files it is not.
    assertThat(withProviders(() -> Captions.pipeline().withoutMediaProcessor().expectedSource(MediaSource.Kind.URL).build()
        .transcriber().name())).isEqualTo("cloud-url");
    assertThat(withProviders(() -> Captions.pipeline().withoutMediaProcessor().expectedSource(MediaSource.Kind.FILE).build()
        .transcriber().name())).isEqualTo("fake-embedded");
    // A provider set explicitly is never swapped: a mismatch is an error that says what to do.
    assertThatThrownBy(() -> withProviders(() -> Captions.pipeline().withoutMediaProcessor()
        .transcriber(Captions.transcriber("cloud-url")).expectedSource(MediaSource.Kind.FILE).build()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("'cloud-url' needs a url as input, but this pipeline is for a file. Use providers that take local"
            + " files (ffmpeg, vosk), or upload the file and pass its URL.");
  }

  @Test
  void explicitInstanceNeverTouchesDiscovery() throws Exception {
    FakeTranscriber mine = new FakeTranscriber("mine");
    // No provider registered at all, and one that would blow up if instantiated: the builder must not care.
    CaptionPipeline p = ServiceFixture.with(dir, Map.of(TranscriberFactory.class, List.of(FakeFactories.Broken.class.getName())),
        () -> Captions.pipeline().withoutMediaProcessor().transcriber(mine).build());
    assertThat(p.transcriber()).isSameAs(mine);
  }

  @Test
  void nothingAtAllGivesAnActionableError() {
    assertThatThrownBy(() -> ServiceFixture.with(dir, Map.of(TranscriberFactory.class, List.of("x.Missing")),
            Captions::transcriber))
        .isInstanceOf(ProviderNotFoundException.class)
        .hasMessageContaining("No Transcriber is configured. None is on the class path.")
        .hasMessageEndingWith("Add dev.captions:captions-provider-vosk (embedded, offline) to the class path, or a "
            + "cloud provider (dev.captions:captions-provider-openai, -gemini or -gcore) and set its API key "
            + "(e.g. OPENAI_API_KEY).");
  }

  @Test
  void missingMediaProcessorPointsToTheMediaModules() {
    assertThatThrownBy(() -> ServiceFixture.with(dir, Map.of(MediaProcessorFactory.class, List.of("x.Missing")),
            Captions::mediaProcessor))
        .isInstanceOf(ProviderNotFoundException.class)
        .hasMessage("No Media is configured. None is on the class path. Add dev.captions:captions-media-ffmpeg (embedded, runs "
            + "locally) to the class path, or dev.captions:captions-media-ittybit and set ITTYBIT_API_KEY.")
        .message().doesNotContain("vosk");
  }

  @Test
  void missingTranslatorOrSummarizerPointsToTheCloudModulesOnly() {
    assertThatThrownBy(() -> ServiceFixture.with(dir, Map.of(TranslatorFactory.class, List.of("x.Missing")),
            Captions::translator))
        .isInstanceOf(ProviderNotFoundException.class)
        .hasMessage("No Translator is configured. None is on the class path. There is no embedded translator: add "
            + "dev.captions:captions-provider-openai or dev.captions:captions-provider-gemini to the class path and "
            + "set OPENAI_API_KEY or GEMINI_API_KEY.");
    assertThatThrownBy(() -> ServiceFixture.with(dir, Map.of(SummarizerFactory.class, List.of("x.Missing")),
            Captions::summarizer))
        .isInstanceOf(ProviderNotFoundException.class)
        .hasMessage("No Summarizer is configured. None is on the class path. There is no embedded summarizer: add "
            + "dev.captions:captions-provider-openai or dev.captions:captions-provider-gemini to the class path and "
            + "set OPENAI_API_KEY or GEMINI_API_KEY.");
  }

  @Test
  void providerListingSaysWhatIsConfigured() throws Exception {
    System.setProperty("captions.cloud-a.apiKey", "k");
    List<ProviderInfo> infos = withProviders(Captions::providers);
    assertThat(infos).extracting(ProviderInfo::name, ProviderInfo::configured)
        .contains(org.assertj.core.groups.Tuple.tuple("cloud-a", true), org.assertj.core.groups.Tuple.tuple("cloud-b", false),
            org.assertj.core.groups.Tuple.tuple("fake-embedded", true));
  }
}
