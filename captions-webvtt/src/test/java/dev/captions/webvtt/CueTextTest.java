package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.webvtt.CueText.Node;
import dev.captions.webvtt.CueText.Type;
import org.junit.jupiter.api.Test;

class CueTextTest {
  @Test
  void parsesTagsClassesAnnotationsAndTimestamps() {
    Node root = CueText.parse("<v.loud.red   Ann  Lee >Hi <i>there</i></v><00:00:01.500><b>bold <u>u</u></b>");
    assertThat(root.type()).isEqualTo(Type.ROOT);
    Node voice = root.children().get(0);
    assertThat(voice.type()).isEqualTo(Type.VOICE);
    assertThat(voice.classes()).containsExactly("loud", "red");
    assertThat(voice.annotation()).isEqualTo("Ann Lee");
    assertThat(voice.children()).hasSize(2);
    assertThat(voice.children().get(1).type()).isEqualTo(Type.ITALIC);
    assertThat(root.children().get(1).type()).isEqualTo(Type.TIMESTAMP);
    assertThat(root.children().get(1).timestampMs()).isEqualTo(1500);
    assertThat(root.children().get(2).children().get(1).type()).isEqualTo(Type.UNDERLINE);
  }

  @Test
  void decodesCharacterReferences() {
    // WebVTT's tokenizer consumes references with HTML's algorithm: a legacy name such as "amp" counts without ';'.
    assertThat(CueText.plainText("a &amp; b &lt;c&gt; &lrm;&rlm;&nbsp;&#65;&#x42; &bogus; &amp"))
        .isEqualTo("a & b <c> \u200E\u200F\u00A0AB &bogus; &");
  }

  @Test
  void decodesEveryHtmlNamedReference() {
    assertThat(CueText.plainText("&Eacute;t&eacute; &frac12; &ne; &CounterClockwiseContourIntegral; &fjlig; &acE;"))
        .isEqualTo("\u00C9t\u00E9 \u00BD \u2260 \u2233 fj \u223E\u0333");
    assertThat(CueText.plainText("&NewLine;&Tab;&excl;&Afr;")).isEqualTo("\n\t!\uD835\uDD04");
    // names are case-sensitive; a name the table lacks stays literal
    assertThat(CueText.plainText("&AMP; &Amp; &NE;")).isEqualTo("& &Amp; &NE;");
  }

  @Test
  void legacyNamesWithoutSemicolonTakeTheLongestMatch() {
    assertThat(CueText.plainText("&eacute &copy2024 &notit; &notin; &not &ne")).isEqualTo("\u00E9 \u00A92024 \u00ACit; \u2209 \u00AC &ne");
    assertThat(CueText.plainText("AT&T &; & &")).isEqualTo("AT&T &; & &");
  }

  @Test
  void numericReferencesFollowHtml() {
    assertThat(CueText.plainText("&#65&#x42 &#00000000065; &#x000000041;")).isEqualTo("AB A A");
    // 0x80-0x9F are read as windows-1252, except the five holes it leaves
    assertThat(CueText.plainText("&#150;&#x80;&#x9F;&#x81;")).isEqualTo("\u2013\u20AC\u0178\u0081");
    assertThat(CueText.plainText("&#0;&#xD800;&#x110000;&#99999999999999999999;")).isEqualTo("\uFFFD\uFFFD\uFFFD\uFFFD");
    assertThat(CueText.plainText("&#x1F600;")).isEqualTo("\uD83D\uDE00");
    assertThat(CueText.plainText("&#; &#x; &#xg;")).isEqualTo("&#; &#x; &#xg;");
  }

  @Test
  void annotationsDecodeReferencesToo() {
    assertThat(CueText.voices("<v Ren&eacute;e &amp Co>x")).containsExactly("Ren\u00E9e & Co");
  }

  @Test
  void rubyAndLang() {
    Node root = CueText.parse("<lang en-GB>colour</lang><ruby>漢<rt>kan</rt>字<rt>ji</ruby>");
    assertThat(root.children().get(0).type()).isEqualTo(Type.LANG);
    assertThat(root.children().get(0).annotation()).isEqualTo("en-GB");
    Node ruby = root.children().get(1);
    assertThat(ruby.type()).isEqualTo(Type.RUBY);
    assertThat(ruby.children()).extracting(Node::type).containsExactly(Type.TEXT, Type.RUBY_TEXT, Type.TEXT, Type.RUBY_TEXT);
    assertThat(CueText.plainText("<ruby>漢<rt>kan</rt>字<rt>ji</ruby>")).isEqualTo("漢字");
  }

  @Test
  void unknownTagsAreDroppedAndUnclosedTagsClosed() {
    assertThat(CueText.plainText("<font color=red>red</font> <i>open\nline two")).isEqualTo("red open\nline two");
    assertThat(CueText.parse("<rt>not in ruby</rt>").children()).extracting(Node::type).containsExactly(Type.TEXT);
    assertThat(CueText.plainText("a < b")).isEqualTo("a ");
    assertThat(CueText.plainText("<00:00:bad>x")).isEqualTo("x");
  }

  @Test
  void voices() {
    assertThat(CueText.voices("<v Ann>hi</v> <v Bob>yo</v> <v Ann>again")).containsExactly("Ann", "Bob");
    assertThat(CueText.voices("plain")).isEmpty();
  }

  @Test
  void nestingStopsAtMaxDepthWithoutLosingText() {
    String deep = "<b>".repeat(CueText.MAX_DEPTH + 500) + "deep text";
    CueText.Node node = CueText.parse(deep);
    int depth = 0;
    while (!node.children().isEmpty() && node.children().get(0).type() == CueText.Type.BOLD) {
      node = node.children().get(0);
      depth++;
    }
    assertThat(depth).isEqualTo(CueText.MAX_DEPTH);
    assertThat(node.children()).extracting(CueText.Node::text).containsExactly("deep text");
    assertThat(CueText.plainText(deep + "</b> after")).isEqualTo("deep text after");
  }
}
