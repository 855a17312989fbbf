package dev.captions.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.ProviderException;
import dev.captions.RateLimitException;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.spi.TranslationOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CueTranslationTest {
  private static CaptionTrack track(int n) {
    List<Cue> cues = new ArrayList<>();
    for (int i = 0; i < n; i++) cues.add(Cue.of(i * 1000L, i * 1000L + 900, "line " + i));
    return CaptionTrack.of("en", TrackKind.SUBTITLES, cues);
  }

  /** Echoes the input with every text upper-cased: a well-behaved model. */
  private static String echo(String input) {
    JsonNode in = LlmReplies.parse("t", input);
    StringBuilder sb = new StringBuilder("{\"cues\":[");
    for (int i = 0; i < in.get("cues").size(); i++) {
      JsonNode c = in.get("cues").get(i);
      if (i > 0) sb.append(',');
      sb.append("{\"id\":\"").append(c.get("id").asText()).append("\",\"text\":\"")
          .append(c.get("text").asText().toUpperCase()).append("\"}");
    }
    return sb.append("]}").toString();
  }

  @Test
  void emptyTrackNeedsNoCall() {
    CaptionTrack out = new CueTranslation("t", (i, in, n, s) -> {
      throw new AssertionError("no call expected");
    }, 3, 10).translate(track(0), TranslationOptions.to("fr"));
    assertThat(out.cues()).isEmpty();
    assertThat(out.language()).isEqualTo("fr");
  }

  @Test
  void aCutOffBatchIsTranslatedInHalves() {
    List<Integer> batchSizes = new ArrayList<>();
    CaptionTrack out = new CueTranslation("t", (i, in, n, s) -> {
      int size = LlmReplies.parse("t", in).get("cues").size();
      batchSizes.add(size);
      if (size > 2) throw new TruncatedReplyException("t", "MAX_TOKENS", null);
      return echo(in);
    }, 3, 10).translate(track(5), TranslationOptions.to("fr"));

    assertThat(out.cues()).extracting(Cue::text).containsExactly("LINE 0", "LINE 1", "LINE 2", "LINE 3", "LINE 4");
    assertThat(batchSizes).containsExactly(5, 2, 3, 1, 2);
  }

  @Test
  void failedExchangesAreNotRetriedHere() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> new CueTranslation("t", (i, in, n, s) -> {
      calls.incrementAndGet();
      throw new RateLimitException("t", "slow down", 429, null, null);
    }, 3, 10).translate(track(2), TranslationOptions.to("fr"))).isInstanceOf(RateLimitException.class);
    assertThat(calls).hasValue(1); // the provider's RetryPolicy already retried it
  }

  @Test
  void malformedRepliesAreAskedAgainThenAClearError() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(() -> new CueTranslation("t", (i, in, n, s) -> {
      calls.incrementAndGet();
      return "{\"cues\": [oops]}";
    }, 2, 10).translate(track(2), TranslationOptions.to("fr")))
        .isInstanceOf(ProviderException.class).hasMessageContaining("after 2 attempts");
    assertThat(calls).hasValue(2);
  }

  @Test
  void instructionsNameBothLanguagesAndExtraInstructions() {
    String s = CueTranslation.instructions("en", TranslationOptions.builder("pt-BR").instructions("Informal tone.").build());
    assertThat(s).contains("from en into pt-BR").contains("Informal tone.").contains("same ids");
  }
}
