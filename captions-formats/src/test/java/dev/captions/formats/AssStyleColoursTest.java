package dev.captions.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.ass.AssCodec;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.spi.BurnInOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link AssCodec#withStyle}: the {@code Default} style's colours are the burn-in's, in the same {@code &HAABBGGRR}
 * form the FFmpeg burn-in gives libass ({@link BurnInOptions#assColour}), so a {@code .ass} file looks like the
 * burned-in captions. Colours whose bytes differ, so a swapped red and blue would show.
 */
class AssStyleColoursTest {
  @Test
  void defaultStyleCarriesTheBurnInColoursBlueGreenRed() {
    BurnInOptions style = BurnInOptions.builder().primaryColour("#FFFF00").outlineColour("#102030").build();
    String ass = AssCodec.withStyle(style)
        .writeToString(CaptionTrack.of("und", TrackKind.CAPTIONS, List.of(Cue.ofPlainText(0, 1000, "Hi"))));
    // Primary opaque yellow, karaoke's unsung (secondary) the primary at half opacity, outline opaque.
    assertThat(ass).contains("Style: Default,Arial,18,&H0000FFFF,&H8000FFFF,&H00302010,&H80000000,");
  }
}
