package dev.captions.ttml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.Diagnostic;
import dev.captions.formats.Golden;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker passes what the writer writes and names each broken IMSC 1.1 Text rule in documents that break one. */
class ImscTextCheckerTest {
  private static final String HEAD = "<tt xmlns=\"http://www.w3.org/ns/ttml\" xmlns:ttp=\"http://www.w3.org/ns/ttml#parameter\""
      + " xmlns:tts=\"http://www.w3.org/ns/ttml#styling\" xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\"";
  private static final String OK_ROOT = HEAD + " xml:lang=\"en\" ttp:contentProfiles=\"" + TtmlCodec.IMSC_1_1_TEXT + "\">";

  private static List<String> check(String doc) throws Exception {
    return ImscTextChecker.check(new StringReader(doc)).stream().map(Diagnostic::message).toList();
  }

  private static String body(String content) {
    return OK_ROOT + "<head><layout><region xml:id=\"r\"/></layout></head><body><div>" + content + "</div></body></tt>";
  }

  @Test
  void writerOutputPasses() throws Exception {
    assertThat(check(Golden.text("typical.ttml"))).isEmpty();
    assertThat(check(Golden.text("highlight.ttml"))).isEmpty();
    assertThat(check(body("<p begin=\"1s\" end=\"2s\" region=\"r\">ok</p>"))).isEmpty();
  }

  @Test
  void rootNeedsLanguageAndTheProfile() throws Exception {
    assertThat(check(HEAD + "><body/></tt>")).containsExactly(
        "tt must have xml:lang (empty when the language is unknown)",
        "tt must designate the IMSC 1.1 Text profile: ttp:contentProfiles=\"" + TtmlCodec.IMSC_1_1_TEXT + "\"");
    assertThat(check(HEAD + " xml:lang=\"\" ttp:profile=\"http://www.w3.org/ns/ttml/profile/imsc1/text\"><body/></tt>"))
        .isEmpty();
    assertThat(check(OK_ROOT.replace(">", " ttp:timeBase=\"smpte\">") + "<body/></tt>"))
        .anyMatch(m -> m.contains("timeBase must be media"));
    assertThat(check("<html/>")).anyMatch(m -> m.contains("root element must be tt"));
  }

  @Test
  void elementsOutsideTheTextProfileOrOutOfPlace() throws Exception {
    assertThat(check(body("<p begin=\"1s\" end=\"2s\"><image/></p>")))
        .containsExactly("<image> is not an element of the IMSC 1.1 Text profile");
    assertThat(check(body("<span>loose</span>"))).containsExactly("<span> is not allowed inside <div>");
    assertThat(check(body("stray text"))).containsExactly("text is only allowed in p and span, not in <div>");
    assertThat(check(body("<x:foo xmlns:x=\"urn:x\"/>"))).containsExactly("<x:foo> (urn:x) is only allowed inside metadata");
    assertThat(check(body("<metadata><x:foo xmlns:x=\"urn:x\">any</x:foo></metadata>"))).isEmpty();
  }

  @Test
  void attributesPerNamespace() throws Exception {
    assertThat(check(body("<p begin=\"1s\" end=\"2s\" tts:blink=\"yes\">t</p>")))
        .containsExactly("tts:blink is not an IMSC 1.1 Text styling attribute");
    assertThat(check(body("<p begin=\"1s\" end=\"2s\" ttp:frameRate=\"25\">t</p>")))
        .containsExactly("ttp:frameRate is only allowed on tt");
    assertThat(check(body("<p begin=\"1s\" end=\"2s\" color=\"red\">t</p>")))
        .containsExactly("attribute color is not allowed on <p>");
    assertThat(check(body("<p begin=\"1s\" end=\"2s\" xml:space=\"keep\">t</p>")))
        .containsExactly("xml:space must be default or preserve, not keep");
  }

  @Test
  void timing() throws Exception {
    assertThat(check(body("<p begin=\"soon\" end=\"2s\">t</p>")))
        .containsExactly("begin=\"soon\" is not a time expression");
    assertThat(check(body("<p begin=\"3s\" end=\"2s\">t</p>")))
        .containsExactly("<p> ends (2s) at or before it begins (3s)");
    assertThat(check(body("<p begin=\"00:00:01:12\" end=\"2s\">t</p>")))
        .containsExactly("begin=\"00:00:01:12\" counts frames but tt has no ttp:frameRate");
  }

  @Test
  void referencesAndIds() throws Exception {
    assertThat(check(body("<p begin=\"1s\" end=\"2s\" region=\"nowhere\" style=\"none\" ttm:agent=\"nobody\">t</p>")))
        .containsExactly("region reference 'nowhere' does not resolve to a region element",
            "style reference 'none' does not resolve to a style element",
            "ttm:agent reference 'nobody' does not resolve to a ttm:agent element");
    assertThat(check(body("<p xml:id=\"a\" begin=\"1s\" end=\"2s\">t</p><p xml:id=\"a\" begin=\"2s\" end=\"3s\">u</p>")))
        .containsExactly("xml:id 'a' is not unique");
  }

  @Test
  void malformedXmlIsOneErrorWithItsPosition() throws Exception {
    List<Diagnostic> d = ImscTextChecker.check(new StringReader(OK_ROOT + "\n<body><div></body></tt>"));
    assertThat(d).hasSize(1);
    assertThat(d.get(0).line()).isEqualTo(2);
    assertThat(d.get(0).severity()).isEqualTo(Diagnostic.Severity.ERROR);
  }
}
