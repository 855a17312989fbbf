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
    assertThat(CueText.plainText("a &amp; b &lt;c&gt; &lrm;&rlm;&nbsp;&#65;&#x42; &bogus; &amp"))
        .isEqualTo("a & b <c> \u200E\u200F\u00A0AB &bogus; &amp");
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
}
