package dev.captions.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.ass.AssCodec;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.ttml.TtmlCodec;
import org.junit.jupiter.api.Test;

class CodecRegistrationTest {
  @Test
  void serviceLoaderFindsBothCodecs() {
    assertThat(CaptionCodecs.forFormat(CaptionFormat.TTML)).isInstanceOf(TtmlCodec.class);
    assertThat(CaptionCodecs.forFormat(CaptionFormat.ASS)).isInstanceOf(AssCodec.class);
    assertThat(CaptionCodecs.all()).containsKeys(CaptionFormat.values());
  }

  @Test
  void formatNamesAndExtensions() {
    assertThat(CaptionFormat.from("ttml")).isEqualTo(CaptionFormat.TTML);
    assertThat(CaptionFormat.from("movie.dfxp")).isEqualTo(CaptionFormat.TTML);
    assertThat(CaptionFormat.from("ass")).isEqualTo(CaptionFormat.ASS);
    assertThat(CaptionFormat.from("old.SSA")).isEqualTo(CaptionFormat.ASS);
    assertThat(CaptionFormat.TTML.extension()).isEqualTo("ttml");
    assertThat(CaptionFormat.ASS.extension()).isEqualTo("ass");
  }
}
