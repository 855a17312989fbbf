package dev.captions.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.gemini.GeminiStubs.GENERATE;
import static dev.captions.provider.gemini.GeminiStubs.reply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.model.MediaSource;
import dev.captions.model.Segment;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.llm.TruncatedReplyException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media of unknown duration (an Ittybit URL, an unprobed file) whose reply the output token limit cuts off
 * (providers.md §3.4: HTTP 200, {@code finishReason: MAX_TOKENS}, JSON text cut mid-way): the complete cues are kept
 * and the rest is asked for from the end of the last one.
 */
class GeminiContinuationTest {
  static final String CONTINUE_FROM = "transcribe ONLY the speech from ";

  @TempDir Path dir;
  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = GeminiStubs.server();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private Transcript transcribe(GeminiSettings settings) {
    return new GeminiTranscriber(settings).transcribe(MediaSource.of(GeminiStubs.wav(dir, 200)),
        TranscriptionOptions.defaults());
  }

  private static String cue(String start, String end, String text) {
    return "{\"start\":\"" + start + "\",\"end\":\"" + end + "\",\"text\":\"" + text + "\"}";
  }

  @Test
  void aCutOffReplyIsContinuedFromTheLastCompleteCueWithNothingLostOrRepeated() {
    wm.stubFor(post(urlEqualTo(GENERATE)).atPriority(5).willReturn(reply("{\"cues\":["
        + cue("00:00:00.000", "00:00:02.000", "One.") + "," + cue("00:00:02.000", "00:00:04.000", "Two {braces} \\\"quoted\\\".")
        + ",{\"start\":\"00:00:04.000\",\"end\":\"00:0", "MAX_TOKENS")));
    // The continuation re-reads the last kept phrase with slightly other times, then goes on.
    wm.stubFor(post(urlEqualTo(GENERATE)).atPriority(1).withRequestBody(containing(CONTINUE_FROM + "00:00:04.000 to the end"))
        .willReturn(reply("{\"cues\":[" + cue("00:00:02.100", "00:00:04.000", "Two {braces} \\\"quoted\\\".") + ","
            + cue("00:00:04.000", "00:00:06.000", "Three.") + "," + cue("00:00:06.000", "00:00:07.500", "Four.") + "]}", "STOP")));

    Transcript t = transcribe(GeminiStubs.settings(wm).build());

    assertThat(t.segments()).containsExactly(Segment.of(0, 2000, "One."), Segment.of(2000, 4000, "Two {braces} \"quoted\"."),
        Segment.of(4000, 6000, "Three."), Segment.of(6000, 7500, "Four."));
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(GENERATE)));
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).getBodyAsString()).doesNotContain(CONTINUE_FROM);
    assertThat(requests.get(1).getBodyAsString()).contains(CONTINUE_FROM + "00:00:04.000 to the end of the file")
        .contains("\"inlineData\""); // the media is sent again with the continuation
  }

  @Test
  void continuationsGoOnUntilAReplyIsComplete() {
    wm.stubFor(post(urlEqualTo(GENERATE)).atPriority(5).willReturn(reply(
        "{\"cues\":[" + cue("00:00:00.000", "00:00:01.000", "a") + ",{\"start\"", "MAX_TOKENS")));
    // Unfinished JSON with finishReason STOP is cut off all the same.
    wm.stubFor(post(urlEqualTo(GENERATE)).atPriority(1).withRequestBody(containing(CONTINUE_FROM + "00:00:01.000 "))
        .willReturn(reply("```json\n{\"cues\":[" + cue("00:00:01.000", "00:00:02.000", "b") + ",{\"start\":\"00:00:02.000\",\"te",
            "STOP")));
    wm.stubFor(post(urlEqualTo(GENERATE)).atPriority(1).withRequestBody(containing(CONTINUE_FROM + "00:00:02.000 "))
        .willReturn(reply("{\"cues\":[" + cue("00:00:02.000", "00:00:03.000", "c") + "]}", "STOP")));

    Transcript t = transcribe(GeminiStubs.settings(wm).build());

    assertThat(t.segments()).extracting(Segment::text).containsExactly("a", "b", "c");
    assertThat(t.mediaDurationMs()).isEmpty();
    wm.verify(3, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void aReplyCutOffEveryTimeEndsInATypedErrorAfterTheBound() {
    for (int s = 0; s <= 3; s++) {
      String from = String.format("00:00:%02d.000", s);
      String to = String.format("00:00:%02d.000", s + 1);
      var stub = post(urlEqualTo(GENERATE)).atPriority(s == 0 ? 5 : 1);
      if (s > 0) stub = stub.withRequestBody(containing(CONTINUE_FROM + from + " "));
      wm.stubFor(stub.willReturn(reply("{\"cues\":[" + cue(from, to, "cue " + s) + ",{\"start\":", "MAX_TOKENS")));
    }

    assertThatThrownBy(() -> transcribe(GeminiStubs.settings(wm).maxContinuations(2).build()))
        .isInstanceOf(TruncatedReplyException.class)
        .hasMessageContaining("still cut off")
        .hasMessageContaining("after 2 continuations, at 3000 ms")
        .hasMessageContaining("maxContinuations");
    wm.verify(3, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void noContinuationsAllowedMakesTheFirstCutOffAnError() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply(
        "{\"cues\":[" + cue("00:00:00.000", "00:00:01.000", "a") + ",{", "MAX_TOKENS")));

    assertThatThrownBy(() -> transcribe(GeminiStubs.settings(wm).maxContinuations(0).build()))
        .isInstanceOf(TruncatedReplyException.class)
        .hasMessageContaining("after 0 continuations");
    wm.verify(1, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void theCompletePartOfACutOffListKeepsWholeCuesOnly() {
    assertThat(CutOffCueList.completePart("{\"cues\":[{\"start\":0,\"end\":1,\"text\":\"a}]\"},{\"start\":1"))
        .isEqualTo("{\"cues\":[{\"start\":0,\"end\":1,\"text\":\"a}]\"}]}");
    assertThat(CutOffCueList.completePart("Here [it] is: [{\"start\":0,\"text\":\"x\"},{\"st"))
        .isEqualTo("Here [it] is: [{\"start\":0,\"text\":\"x\"}]");
    assertThat(CutOffCueList.completePart("{\"cues\":[{\"start\":0,\"te")).isNull();
    assertThat(CutOffCueList.completePart("")).isNull();
  }
}
