package dev.captions.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.ProviderException;
import dev.captions.model.DroppedItem;
import dev.captions.model.Segment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The diarized_json body as OpenAI documents it, and the ways it can arrive broken. */
class DiarizedReplyTest {
  /** The documented shape of a gpt-4o-transcribe-diarize reply with response_format=diarized_json. */
  static final String BODY = "{\"task\":\"transcribe\",\"duration\":9.4,\"text\":\"We should go now. Not yet. Why?\","
      + "\"segments\":["
      + "{\"type\":\"transcript.text.segment\",\"id\":\"seg_001\",\"start\":0.0,\"end\":4.7,\"text\":\" We should go now.\",\"speaker\":\"A\"},"
      + "{\"type\":\"transcript.text.segment\",\"id\":\"seg_002\",\"start\":5.1,\"end\":7.25,\"text\":\"Not yet.\",\"speaker\":\"B\"},"
      + "{\"type\":\"transcript.text.segment\",\"id\":\"seg_003\",\"start\":7.6,\"end\":9.4,\"text\":\"Why?\",\"speaker\":\"A\"}],"
      + "\"usage\":{\"type\":\"duration\",\"seconds\":10}}";

  @Test
  void segmentsKeepTheirSpeakersAndTimes() {
    DiarizedReply r = DiarizedReply.read(BODY);
    assertThat(r.segments).containsExactly(
        Segment.of(0, 4700, "We should go now.", "A", List.of()),
        Segment.of(5100, 7250, "Not yet.", "B", List.of()),
        Segment.of(7600, 9400, "Why?", "A", List.of()));
    assertThat(r.durationSec).isEqualTo(9.4);
    assertThat(r.dropped).isEmpty();
  }

  @Test
  void aSegmentWithoutAUsableStartIsDroppedAndReported() {
    DiarizedReply r = DiarizedReply.read("{\"segments\":[{\"id\":\"seg_1\",\"start\":\"soon\",\"end\":1,\"text\":\"Hi\","
        + "\"speaker\":\"A\"},{\"id\":\"seg_2\",\"start\":1.0,\"end\":0.5,\"text\":\"there\",\"speaker\":\" \"},"
        + "{\"id\":\"seg_3\",\"start\":2,\"end\":3,\"text\":\"  \",\"speaker\":\"B\"}]}");
    assertThat(r.segments).containsExactly(Segment.of(1000, 1000, "there", null, List.of()));
    assertThat(r.dropped).extracting(DroppedItem::text).containsExactly("Hi");
    assertThat(r.dropped.get(0).reason()).contains("seg_1");
  }

  @Test
  void aBrokenBodyIsATypedErrorThatIsNotRetried() {
    for (String broken : List.of(BODY.substring(0, BODY.length() / 2), "<html>Bad gateway</html>", "[]",
        "{\"text\":\"no segments\"}", "")) {
      assertThatThrownBy(() -> DiarizedReply.read(broken)).as(broken)
          .isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.getMessage()).contains("diarized_json reply could not be read", "Not sent again");
          });
    }
  }
}
