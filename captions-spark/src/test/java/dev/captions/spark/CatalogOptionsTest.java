package dev.captions.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.ConfigurationException;
import dev.captions.codec.CaptionFormat;
import org.junit.jupiter.api.Test;

class CatalogOptionsTest {
  @Test
  void theHashCoversWhatChangesTheOutputsAndNothingElse() {
    String base = CatalogOptions.builder("out").build().configurationHash();
    assertThat(base).hasSize(64).matches("[0-9a-f]+");
    assertThat(CatalogOptions.builder("elsewhere").partitions(7).maxConcurrentPerExecutor(5).build().configurationHash())
        .as("where and how the work is spread").isEqualTo(base);
    assertThat(CatalogOptions.builder("out").formats(CaptionFormat.WEBVTT).build().configurationHash()).isNotEqualTo(base);
    assertThat(CatalogOptions.builder("out").spokenLanguage("en").build().configurationHash()).isNotEqualTo(base);
    assertThat(CatalogOptions.builder("out").translateTo("es").build().configurationHash()).isNotEqualTo(base);
    assertThat(CatalogOptions.builder("out").transcriber("vosk").build().configurationHash()).isNotEqualTo(base);
    assertThat(CatalogOptions.builder("out").media("none").build().configurationHash()).isNotEqualTo(base);
    assertThat(CatalogOptions.builder("out").profile("bbc").build().configurationHash()).isNotEqualTo(base);
  }

  @Test
  void badValuesAreConfigurationErrorsSayingWhatIsValid() {
    assertThatThrownBy(() -> CatalogOptions.builder(" ")).isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> CatalogOptions.builder("out").formats()).isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> CatalogOptions.builder("out").profile("fancy"))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("netflix, netflix-children, bbc or dcmp");
    assertThatThrownBy(() -> CatalogOptions.builder("out").partitions(-1)).isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> CatalogOptions.builder("out").maxConcurrentPerExecutor(0)).isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> CatalogOptions.builder("out").spokenLanguage("english!").build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("BCP-47");
    assertThatThrownBy(() -> CatalogOptions.builder("out").translateTo("es", "x y").build())
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'x y'");
  }

  @Test
  void blankProviderNamesMeanDiscoveryAndDuplicateFormatsAreDropped() {
    CatalogOptions o = CatalogOptions.builder("out").transcriber(" ").media(null)
        .formats(CaptionFormat.SRT, CaptionFormat.WEBVTT, CaptionFormat.SRT).build();
    assertThat(o.transcriber()).isEmpty();
    assertThat(o.media()).isEmpty();
    assertThat(o.formats()).containsExactly(CaptionFormat.SRT, CaptionFormat.WEBVTT);
    assertThat(o).isEqualTo(CatalogOptions.builder("out").formats(CaptionFormat.SRT, CaptionFormat.WEBVTT).build());
  }
}
