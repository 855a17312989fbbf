package dev.captions.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.CaptionFormatException;
import dev.captions.ass.AssCodec;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.ttml.TtmlCodec;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input made to hurt: entity expansion and external entities are refused with a typed exception, deep nesting is
 * refused (TTML) or read without recursion (ASS, and writing either from deep WebVTT markup), long lines are read.
 * No {@link Error} escapes.
 */
class HostileInputTest {
  private static final String TT = "<tt xmlns=\"http://www.w3.org/ns/ttml\" xml:lang=\"en\"><body><div>";
  private static final String END = "</div></body></tt>";

  @Test
  void billionLaughsIsRefused() throws Exception {
    StringBuilder doc = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE tt [\n <!ENTITY lol \"lol\">\n");
    for (int i = 1; i <= 9; i++) {
      doc.append(" <!ENTITY lol").append(i).append(" \"");
      for (int k = 0; k < 10; k++) doc.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      doc.append("\">\n");
    }
    doc.append("]>\n").append(TT).append("<p begin=\"0s\" end=\"1s\">&lol9;</p>").append(END);
    assertThatThrownBy(() -> new TtmlCodec().read(new StringReader(doc.toString())))
        .isInstanceOf(CaptionFormatException.class).hasMessageContaining("DOCTYPE");
    assertThat(new TtmlCodec().validate(new StringReader(doc.toString()))).hasSize(1);
  }

  @Test
  void externalEntitiesAreNotRead(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP SECRET");
    String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE tt [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n" + TT
        + "<p begin=\"0s\" end=\"1s\">&xxe;</p>" + END;
    assertThatThrownBy(() -> new TtmlCodec().read(new StringReader(doc)))
        .isInstanceOf(CaptionFormatException.class).hasMessageNotContaining("TOP SECRET");
    String external = "<?xml version=\"1.0\"?>\n<!DOCTYPE tt SYSTEM \"" + secret.toUri() + "\">\n" + TT + END;
    assertThatThrownBy(() -> new TtmlCodec().read(new StringReader(external)))
        .isInstanceOf(CaptionFormatException.class);
  }

  @Test
  void deepTtmlNestingIsRefusedWithATypedError() {
    StringBuilder doc = new StringBuilder(TT).append("<p begin=\"0s\" end=\"1s\">");
    for (int i = 0; i < 100_000; i++) doc.append("<span>");
    doc.append("deep");
    for (int i = 0; i < 100_000; i++) doc.append("</span>");
    doc.append("</p>").append(END);
    assertThatThrownBy(() -> new TtmlCodec().read(new StringReader(doc.toString())))
        .isInstanceOf(CaptionFormatException.class).hasMessageContaining("nest deeper");
  }

  @Test
  void nestingUpToTheLimitIsRead() throws Exception {
    StringBuilder doc = new StringBuilder(TT).append("<p begin=\"0s\" end=\"1s\">");
    for (int i = 0; i < 200; i++) doc.append("<span>");
    doc.append("deep");
    for (int i = 0; i < 200; i++) doc.append("</span>");
    doc.append("</p>").append(END);
    assertThat(new TtmlCodec().read(new StringReader(doc.toString())).track().cues().get(0).text()).isEqualTo("deep");
  }

  @Test
  void deepWebVttMarkupIsWrittenWithoutRecursion() {
    String markup = "<b>".repeat(50_000) + "deep" + "</b>".repeat(50_000);
    CaptionTrack t = CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(Cue.builder().startMs(0).endMs(1000)
        .text(markup).build()));
    assertThat(new AssCodec().writeToString(t)).contains("{\\b1}deep{\\b0}");
    assertThat(new TtmlCodec().writeToString(t)).contains("deep");
  }

  @Test
  void manyOverrideBlocksAndLongLinesAreRead() throws Exception {
    String head = "[Script Info]\nScriptType: v4.00+\n\n[Events]\n";
    String tags = "{\\i1}".repeat(200_000) + "x";
    String brace = "{".repeat(500_000);
    String ass = head + "Dialogue: 0,0:00:00.00,0:00:01.00,Default,,0,0,0,," + tags + "\n"
        + "Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,," + brace + "\n";
    List<Cue> cues = new AssCodec().read(new StringReader(ass)).track().cues();
    assertThat(cues.get(0).text()).isEqualTo("<i>x</i>");
    assertThat(cues.get(1).text()).hasSize(500_000);
  }

  @Test
  void notTtmlOrNotAssIsATypedErrorWithAPosition() {
    assertThatThrownBy(() -> new TtmlCodec().read(new StringReader("<html><body/></html>")))
        .isInstanceOf(CaptionFormatException.class).hasMessageContaining("root element");
    assertThatThrownBy(() -> new TtmlCodec().read(new StringReader("<tt><p>unclosed</tt>")))
        .isInstanceOf(CaptionFormatException.class)
        .satisfies(e -> assertThat(((CaptionFormatException) e).line()).isEqualTo(1));
    assertThatThrownBy(() -> new AssCodec().read(new StringReader("WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n")))
        .isInstanceOf(CaptionFormatException.class).hasMessageContaining("SSA/ASS");
  }
}
