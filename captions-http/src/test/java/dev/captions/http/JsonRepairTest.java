package dev.captions.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.CaptionFormatException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRepairTest {
  @Test
  void stripsFencesAndProse() {
    String reply = "Sure! Here are the chapters:\n```json\n{\"chapters\": [{\"title\": \"Intro\"}]}\n```\nHope this helps.";
    assertThat(JsonRepair.extract(reply)).isEqualTo("{\"chapters\": [{\"title\": \"Intro\"}]}");
    assertThat(JsonRepair.parse(reply).at("/chapters/0/title").asText()).isEqualTo("Intro");
  }

  @Test
  void extractsJsonSurroundedByProseWithoutFences() {
    assertThat(JsonRepair.extract("The answer is {\"a\": \"}{\"} as requested.")).isEqualTo("{\"a\": \"}{\"}");
    assertThat(JsonRepair.extract("```\n[1, 2]\n```")).isEqualTo("[1, 2]");
    assertThat(JsonRepair.extract("```json {\"inline\": true}```")).isEqualTo("{\"inline\": true}");
  }

  @Test
  void skipsBracketsInProseBeforeTheJson() {
    assertThat(JsonRepair.extract("Here are the [3] chapters (see {below}): {\"n\": 3}")).isEqualTo("{\"n\": 3}");
    assertThat(JsonRepair.extract("It's done: {'a': 'it\\'s'}")).isEqualTo("{'a': 'it\\'s'}");
  }

  @Test
  void parsesLeniently() {
    JsonNode n = JsonRepair.parse("{'title': 'It\\'s', items: [1, 2, 3,], // a comment\n}");
    assertThat(n.get("title").asText()).isEqualTo("It's");
    assertThat(n.get("items")).hasSize(3);
  }

  @Test
  void bindsToTypes() {
    Map<String, Integer> m = JsonRepair.parse("```json\n{\"a\": 1,}\n```", new TypeReference<Map<String, Integer>>() {});
    assertThat(m).containsEntry("a", 1);
    Shape s = JsonRepair.parse("{\"title\": \"T\", \"extra\": 5}", Shape.class);
    assertThat(s.title).isEqualTo("T");
    List<Integer> l = JsonRepair.parse("[1,2]", new TypeReference<List<Integer>>() {});
    assertThat(l).containsExactly(1, 2);
  }

  static final class Shape {
    public String title;
  }

  @Test
  void truncatedReplyIsTyped() {
    assertThatThrownBy(() -> JsonRepair.parse("```json\n{\"cues\": [\n  {\"text\": \"Hello\"},\n  {\"text\": \"wor"))
        .isInstanceOfSatisfying(TruncatedJsonException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.getMessage()).isEqualTo("line 3, col 16: the model's JSON reply is truncated: it ends before"
              + " the object opened at line 1 is closed (the reply probably hit the output token limit)");
        });
    assertThatThrownBy(() -> JsonRepair.extract("{\"a\": [1, 2"))
        .isInstanceOf(TruncatedJsonException.class).hasMessageContaining("before the object opened at line 1");
  }

  @Test
  void malformedOrMissingJsonIsAFormatError() {
    assertThatThrownBy(() -> JsonRepair.parse("I cannot help with that."))
        .isExactlyInstanceOf(CaptionFormatException.class)
        .hasMessage("the model's reply contains no JSON object or array: \"I cannot help with that.\"");
    assertThatThrownBy(() -> JsonRepair.parse("{\"a\": 1 \"b\": 2}"))
        .isExactlyInstanceOf(CaptionFormatException.class)
        .hasMessageStartingWith("line 1, col ")
        .hasMessageContaining("not valid JSON");
    // A valid part of a broken reply is not the reply: the broken whole is reported, not its "chapters" array.
    assertThatThrownBy(() -> JsonRepair.parse("{\"title\":\"Demo\" \"summary\":\"x\",\"chapters\":[]}"))
        .isExactlyInstanceOf(CaptionFormatException.class)
        .hasMessageStartingWith("line 1, col ")
        .hasMessageContaining("not valid JSON");
    assertThat(JsonRepair.extract("Notes {as asked}: {\"a\": 1}")).isEqualTo("{\"a\": 1}");
    assertThatThrownBy(() -> JsonRepair.parse("{\"title\": [1]}", Shape.class))
        .isExactlyInstanceOf(CaptionFormatException.class).hasMessageContaining("expected shape (Shape)");
  }
}
