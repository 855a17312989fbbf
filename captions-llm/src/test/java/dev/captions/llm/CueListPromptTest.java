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
}
