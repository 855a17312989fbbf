package dev.captions.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link BurnInOptions#assColour}: the one place a {@code #RRGGBB} colour becomes ASS's {@code &HAABBGGRR}. */
class BurnInOptionsTest {
  @Test
  void assColourIsAlphaThenBlueGreenRed() {
    assertThat(BurnInOptions.assColour("#FFFF00", 0)).isEqualTo("&H0000FFFF");
    assertThat(BurnInOptions.assColour("#102030", 0)).isEqualTo("&H00302010");
    assertThat(BurnInOptions.assColour("#102030", 0x80)).isEqualTo("&H80302010");
    assertThat(BurnInOptions.assColour("#000000", 255)).isEqualTo("&HFF000000");
    assertThat(BurnInOptions.assColour("#a1b2c3", 1)).as("either case in, upper case out").isEqualTo("&H01C3B2A1");
  }

  @Test
  void assColourOfTheDefaultsIsOpaqueWhiteOnBlack() {
    BurnInOptions o = BurnInOptions.defaults();
    assertThat(BurnInOptions.assColour(o.primaryColour(), 0)).isEqualTo("&H00FFFFFF");
    assertThat(BurnInOptions.assColour(o.outlineColour(), 0)).isEqualTo("&H00000000");
  }

  @Test
  void assColourRejectsWhatIsNotAColour() {
    assertThatThrownBy(() -> BurnInOptions.assColour("FFFF00", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("#RRGGBB");
    assertThatThrownBy(() -> BurnInOptions.assColour("#FFF", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BurnInOptions.assColour("#GGGGGG", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BurnInOptions.assColour(null, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BurnInOptions.assColour("#FFFFFF", 256)).hasMessageContaining("0..255");
    assertThatThrownBy(() -> BurnInOptions.assColour("#FFFFFF", -1)).hasMessageContaining("0..255");
  }
}
