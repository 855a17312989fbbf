package dev.captions.provider.gcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GcoreLanguagesTest {
  @Test
  void bcp47ToBibliographicCodes() {
    assertThat(GcoreLanguages.toGcore("en")).isEqualTo("eng");
    assertThat(GcoreLanguages.toGcore("de-AT")).isEqualTo("ger");
    assertThat(GcoreLanguages.toGcore("fr")).isEqualTo("fre");
    assertThat(GcoreLanguages.toGcore("zh-Hans")).isEqualTo("chi");
    assertThat(GcoreLanguages.toGcore("cs")).isEqualTo("cze");
    assertThat(GcoreLanguages.toGcore("nl")).isEqualTo("dut");
    assertThat(GcoreLanguages.toGcore("deu")).isEqualTo("ger");
    assertThat(GcoreLanguages.toGcore("uz")).isEqualTo("uzb");
  }

  @Test
  void bothIso6392FormsBackToBcp47() {
    assertThat(GcoreLanguages.toBcp47("ger")).hasValue("de");
    assertThat(GcoreLanguages.toBcp47("deu")).hasValue("de");
    assertThat(GcoreLanguages.toBcp47("fre")).hasValue("fr");
    assertThat(GcoreLanguages.toBcp47("fra")).hasValue("fr");
    assertThat(GcoreLanguages.toBcp47("chi")).hasValue("zh");
    assertThat(GcoreLanguages.toBcp47("ENG")).hasValue("en");
    assertThat(GcoreLanguages.toBcp47("yue")).hasValue("yue");
    assertThat(GcoreLanguages.toBcp47(" ")).isEmpty();
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> GcoreLanguages.toGcore("english")).isInstanceOf(IllegalArgumentException.class);
  }
}
