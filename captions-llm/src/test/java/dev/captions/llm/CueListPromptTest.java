package dev.captions.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.ProviderException;
import dev.captions.model.Segment;
import dev.captions.spi.TranscriptionOptions;
import org.junit.jupiter.api.Test;

class CueListPromptTest {
  @Test
  void windowAndHintsAreInTheInstructions() {
    String s = CueListPrompt.instructions(TranscriptionOptions.builder().language("de").prompt("Kubernetes, Jib").build(),
        61_500, 3_600_000);
    assertThat(s).contains("(language: de)").contains("between 00:01:01.500 and 01:00:00.000").contains("Kubernetes, Jib");
    assertThat(CueListPrompt.instructions(TranscriptionOptions.defaults(), 0, -1)).doesNotContain("between");
  }

  @Test
  void keyVariantsAndBareArraysAreRead() {
    assertThat(CueListPrompt.parse("p", "[{\"startTime\":\"0:01\",\"endTime\":\"0:02\",\"caption\":\" a \"}]"))
        .containsExactly(Segment.of(1000, 2000, "a"));
    assertThat(CueListPrompt.parse("p", "{\"segments\":[{\"from\":1.5,\"to\":2.5,\"text\":\"b\"}]}"))
        .containsExactly(Segment.of(1500, 2500, "b"));
  }

  @Test
  void blankTextsAndUnreadableStartsAreDroppedAndAMissingEndIsZeroLength() {
    assertThat(CueListPrompt.parse("p", "{\"cues\":[{\"start\":1,\"end\":2,\"text\":\"  \"},"
        + "{\"start\":\"soon\",\"end\":2,\"text\":\"x\"},{\"start\":-3,\"end\":2,\"text\":\"neg\"},"
        + "{\"start\":4,\"text\":\"no end\"}]}"))
        .containsExactly(Segment.of(4000, 4000, "no end"));
  }

  @Test
  void aReplyWithoutACueListIsAClearError() {
    assertThatThrownBy(() -> CueListPrompt.parse("p", "{\"transcript\":\"hello\"}"))
        .isInstanceOf(ProviderException.class).hasMessageContaining("no \"cues\" list");
    assertThatThrownBy(() -> CueListPrompt.parse("p", "Sorry, I cannot help with that."))
        .isInstanceOf(ProviderException.class);
  }

  @Test
  void truncatedReplyIsTruncatedReplyException() {
    assertThatThrownBy(() -> CueListPrompt.parse("p", "```json\n{\"cues\":[{\"start\":1,\"end\":2,\"text\":\"ab"))
        .isInstanceOf(TruncatedReplyException.class);
  }

  @Test
  void schemaIsStrictFriendly() {
    assertThat(LlmSchemas.cueList()).containsEntry("additionalProperties", false).containsEntry("type", "object");
    assertThat(LlmSchemas.summary().get("required")).asList().containsExactly("title", "summary", "chapters");
  }

  @Test
  void speakersAskedGetLabelsInTheSchemaTheInstructionsAndTheSegments() {
    TranscriptionOptions diarise = TranscriptionOptions.builder().expectedSpeakers(3).build();
    assertThat(CueListPrompt.instructions(diarise, 0, -1)).contains("\"speaker\":\"A\"", "B for the second",
        "There are 3 speakers.");
    assertThat(CueListPrompt.instructions(TranscriptionOptions.defaults(), 0, -1)).doesNotContain("speaker");
    assertThat(CueListPrompt.schema(diarise)).isEqualTo(LlmSchemas.cueListWithSpeakers());
    assertThat(CueListPrompt.schema(TranscriptionOptions.defaults())).isEqualTo(LlmSchemas.cueList());
    assertThat(LlmSchemas.cueListWithSpeakers().toString()).contains("speaker");

    assertThat(CueListPrompt.parse("p", "{\"cues\":[{\"start\":\"00:00:01.000\",\"end\":\"00:00:02.000\","
        + "\"speaker\":\"A\",\"text\":\"Hi\"},{\"start\":2.5,\"end\":3,\"speaker\":\" \",\"text\":\"Hm\"},"
        + "{\"start\":3,\"end\":4,\"speaker\":\"B\",\"text\":\"Hello\"}]}"))
        .extracting(Segment::speaker).containsExactly("A", null, "B");
  }
}
