package dev.captions.provider.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.ConfigurationException;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.TranscriptionOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoder settings reach Kaldi through an overlay of the model's configuration: written once, the model's own files
 * untouched, and the settings really used (a beam too narrow to hear anything changes what is recognised).
 */
class DecoderSettingsTest {
  @TempDir Path cache;

  static final String MODEL_CONF = "--min-active=200\n--max-active=3000\n--beam=10.0\n--lattice-beam=2.0\n"
      + "--frame-subsampling-factor=3\n";

  @Test
  void rewriteReplacesLinesInPlaceAndAddsMissingOnes() {
    String out = ModelOverlay.rewrite(MODEL_CONF, DecoderSettings.builder().beam(9.5).framesPerChunk(150).build()
        .kaldiOptions());
    assertThat(out).isEqualTo("--min-active=200\n--max-active=3000\n--beam=9.5\n--lattice-beam=2.0\n"
        + "--frame-subsampling-factor=3\n--frames-per-chunk=150\n");
  }

  @Test
  void modelAsIsLoadsTheModelDirectoryItself() throws Exception {
    Path model = fakeModel();
    assertThat(DecoderSettings.model().isModelAsIs()).isTrue();
    assertThat(ModelOverlay.of(model, DecoderSettings.model().kaldiOptions(), List.of(cache))).isEqualTo(model);
  }

  @Test
  void overlayLinksTheModelAndRewritesOnlyItsConfiguration() throws Exception {
    Path model = fakeModel();
    DecoderSettings settings = DecoderSettings.builder().maxActive(1500).build();
    Path overlay = ModelOverlay.of(model, settings.kaldiOptions(), List.of(cache));
    assertThat(overlay).startsWith(cache.resolve("overlays")).isNotEqualTo(model);
    assertThat(Files.readString(overlay.resolve("conf/model.conf"))).contains("--max-active=1500\n")
        .doesNotContain("3000");
    assertThat(Files.readString(overlay.resolve("conf/mfcc.conf"))).isEqualTo("--use-energy=false\n");
    assertThat(Files.readString(overlay.resolve("am/final.mdl"))).isEqualTo("weights");
    assertThat(Files.readString(model.resolve("conf/model.conf"))).isEqualTo(MODEL_CONF); // untouched
    // The same settings again: the same directory, not a second copy; other settings: another.
    assertThat(ModelOverlay.of(model, settings.kaldiOptions(), List.of(cache))).isEqualTo(overlay);
    Path other = ModelOverlay.of(model, DecoderSettings.builder().maxActive(1000).build().kaldiOptions(), List.of(cache));
    assertThat(other).isNotEqualTo(overlay);
    try (Stream<Path> entries = Files.list(cache.resolve("overlays"))) {
      assertThat(entries).containsExactlyInAnyOrder(overlay, other); // no temporary directories left
    }
  }

  @Test
  void aModelWithoutItsConfigurationIsAConfigurationError() throws Exception {
    Path model = fakeModel();
    Files.delete(model.resolve("conf/model.conf"));
    assertThatThrownBy(() -> ModelOverlay.of(model, Map.of("beam", "9.0"), List.of(cache)))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("model.conf")
        .hasMessageContaining("DecoderSettings.model()");
  }

  @Test
  void valuesAreChecked() {
    assertThatThrownBy(() -> DecoderSettings.builder().beam(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("beam");
    assertThatThrownBy(() -> DecoderSettings.builder().framesPerChunk(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DecoderSettings.builder().maxActive(-3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DecoderSettings.builder().latticeBeam(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFactoryReadsTheSettingsFromProperties() {
    DecoderSettings s = VoskTranscriberFactory.decoderSettings(ProviderConfig.builder("vosk").set("beam", "9")
        .set("maxActive", "2000").build());
    assertThat(s.kaldiOptions()).containsExactly(Map.entry("frames-per-chunk", "150"), Map.entry("beam", "9.0"),
        Map.entry("max-active", "2000"));
    assertThat(VoskTranscriberFactory.decoderSettings(ProviderConfig.builder("vosk").set("beam", "10").build())
        .kaldiOptions()).containsExactly(Map.entry("frames-per-chunk", "150"), Map.entry("beam", "10.0"));
    assertThat(VoskTranscriberFactory.decoderSettings(ProviderConfig.builder("vosk").set("decoder", "model").build())
        .isModelAsIs()).isTrue();
    assertThatThrownBy(() -> VoskTranscriberFactory.decoderSettings(ProviderConfig.builder("vosk").set("decoder", "model")
        .set("beam", "wide").build()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("wide");
  }

  @Test
  void kaldiUsesTheSettings() {
    Path sample = TestAudio.speechWav();
    Transcript normal = TestAudio.transcriber().build().transcribe(MediaSource.of(sample), TranscriptionOptions.defaults());
    // A beam of 0.01 leaves the decoder nearly deaf: what it hears must change.
    Transcript starved = TestAudio.transcriber()
        .decoderSettings(DecoderSettings.builder().beam(0.01).maxActive(200).latticeBeam(0.01).build()).build()
        .transcribe(MediaSource.of(sample), TranscriptionOptions.defaults());
    assertThat(normal.words()).isNotEmpty();
    assertThat(starved.text()).isNotEqualTo(normal.text());
  }

  @Test
  void settingsKaldiRefusesAreAConfigurationErrorNamingThem() {
    VoskTranscriber refused = TestAudio.transcriber()
        .decoderSettings(DecoderSettings.builder().maxActive(20).build()).build(); // under the model's min-active (200)
    assertThatThrownBy(() -> refused.transcribe(MediaSource.of(TestAudio.speechWav()), TranscriptionOptions.defaults()))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("max-active=20")
        .hasMessageContaining("min-active");
  }

  private Path fakeModel() throws Exception {
    Path model = Files.createDirectories(cache.getParent().resolve(cache.getFileName() + "-model").resolve("m"));
    Files.createDirectories(model.resolve("am"));
    Files.createDirectories(model.resolve("conf"));
    Files.writeString(model.resolve("am/final.mdl"), "weights", StandardCharsets.UTF_8);
    Files.writeString(model.resolve("conf/model.conf"), MODEL_CONF, StandardCharsets.UTF_8);
    Files.writeString(model.resolve("conf/mfcc.conf"), "--use-energy=false\n", StandardCharsets.UTF_8);
    return model;
  }
}
