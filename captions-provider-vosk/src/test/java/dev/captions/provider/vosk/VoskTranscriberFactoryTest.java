package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.ConfigurationException;
import dev.captions.model.MediaSource;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.TranscriberFactory;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskTranscriberFactoryTest {
  @TempDir Path dir;

  private static ProviderConfig config(Map<String, String> props, Map<String, String> env) {
    return ProviderConfig.builder("vosk").systemProperties(props::get).environment(env::get).build();
  }

  @Test
  void isDiscoveredAsTheEmbeddedVoskTranscriber() {
    TranscriberFactory f = ServiceLoader.load(TranscriberFactory.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals("vosk")).collect(Collectors.toList()).get(0);
    assertThat(f).isInstanceOf(VoskTranscriberFactory.class);
    assertThat(f.isEmbedded()).isTrue();
    assertThat(f.isConfigured(config(Map.of(), Map.of()))).isTrue();
    assertThat(f.capabilities()).contains("words", "offline");
    assertThat(f.artifact()).isEqualTo("dev.captions:captions-provider-vosk");
  }

  @Test
  void defaultsToTheBundledEnglishModel() {
    VoskTranscriber t = (VoskTranscriber) new VoskTranscriberFactory().create(config(Map.of(), Map.of()));
    assertThat(t.modelDirectory()).isEmpty();
    assertThat(t.language()).isEqualTo("en");
    assertThat(t.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(t.acceptedSources()).containsExactlyInAnyOrder(MediaSource.Kind.FILE, MediaSource.Kind.STREAM);
  }

  @Test
  void modelComesFromTheSystemPropertyThenTheEnvironment() {
    VoskTranscriber fromEnv = (VoskTranscriber) new VoskTranscriberFactory()
        .create(config(Map.of(), Map.of("VOSK_MODEL", "/models/vosk-model-small-fr-0.22")));
    assertThat(fromEnv.modelDirectory()).contains(Path.of("/models/vosk-model-small-fr-0.22"));
    assertThat(fromEnv.language()).isEqualTo("fr");

    VoskTranscriber fromProperty = (VoskTranscriber) new VoskTranscriberFactory().create(config(
        Map.of("captions.vosk.model", "/m/de", "captions.vosk.language", "de", "captions.vosk.threads", "3"),
        Map.of("VOSK_MODEL", "/models/other")));
    assertThat(fromProperty.modelDirectory()).contains(Path.of("/m/de"));
    assertThat(fromProperty.language()).isEqualTo("de");
    assertThat(fromProperty.threads()).isEqualTo(3);
  }

  @Test
  void badSettingsAreConfigurationErrors() {
    assertThatThrownBy(() -> new VoskTranscriberFactory().create(config(Map.of("captions.vosk.threads", "-1"), Map.of())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("captions.vosk.threads");
    assertThatThrownBy(() -> new VoskTranscriberFactory().create(config(Map.of("captions.vosk.language", "english!"), Map.of())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("captions.vosk.language");
  }

  @Test
  void aMissingOrWrongModelDirectoryIsExplained() throws Exception {
    VoskTranscriber missing = VoskTranscriber.builder().modelDirectory(dir.resolve("nowhere")).build();
    assertThatThrownBy(() -> missing.transcribe(MediaSource.of(TestAudio.speechWav()), TranscriptionOptions.defaults()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not exist")
        .hasMessageContaining("VOSK_MODEL");
    Files.createDirectories(dir.resolve("notamodel"));
    VoskTranscriber wrong = VoskTranscriber.builder().modelDirectory(dir.resolve("notamodel")).build();
    assertThatThrownBy(() -> wrong.transcribe(MediaSource.of(TestAudio.speechWav()), TranscriptionOptions.defaults()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("am/final.mdl");
  }

  @Test
  void checkReadyFindsTheModelAndTheNativeLibraryWithoutTranscribing() {
    VoskTranscriber t = VoskTranscriber.builder().cacheDirectory(dir).build();
    t.checkReady();
    assertThat(dir.resolve("vosk-model-en-us-0.3.45").resolve("am/final.mdl")).hasSize(15_962_575L);

    VoskTranscriber missing = VoskTranscriber.builder().modelDirectory(dir.resolve("nowhere")).build();
    assertThatThrownBy(missing::checkReady).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("does not exist").hasMessageContaining("VOSK_MODEL");
  }

  @Test
  void languageIsReadFromVoskModelNames() {
    assertThat(VoskTranscriber.languageFromModelName(Path.of("vosk-model-en-us-0.22"))).isEqualTo("en");
    assertThat(VoskTranscriber.languageFromModelName(Path.of("/x/vosk-model-small-cn-0.22"))).isEqualTo("zh");
    assertThat(VoskTranscriber.languageFromModelName(Path.of("/x/my-model"))).isEqualTo("und");
  }

  @Test
  void declaresChunksOfTheChunkDurationOnePerThreadWithALeadIn() {
    VoskTranscriber two = VoskTranscriber.builder().threads(2).build();
    assertThat(two.chunkLimits().splittable()).isTrue();
    assertThat(two.chunkLimits().preferredChunkMs()).isEqualTo(600_000);
    assertThat(two.chunkLimits().maxConcurrency()).isEqualTo(2);
    assertThat(two.chunkLimits().leadInMs()).isEqualTo(3_000);
    assertThat(two.newBuilder().chunkDuration(java.time.Duration.ZERO).build().chunkLimits().splittable()).isFalse();
  }
}
