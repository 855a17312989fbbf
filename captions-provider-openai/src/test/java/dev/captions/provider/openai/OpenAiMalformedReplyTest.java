package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.openai.OpenAiStubs.CHAT;
import static dev.captions.provider.openai.OpenAiStubs.chat;
import static dev.captions.provider.openai.OpenAiStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.captions.ProviderException;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.model.VideoSummary;
import dev.captions.spi.SummaryRequest;
import dev.captions.spi.TranslationOptions;
import dev.captions.llm.TruncatedReplyException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Chat replies (providers.md §4.5, {@code choices[0].message.content}) that are not clean JSON despite the strict
 * schema, as models and proxies do produce: repaired by core's JsonRepair when the JSON is all there, otherwise a typed
 * error that says what was wrong.
 */
class OpenAiMalformedReplyTest {
  static final CaptionTrack EN = CaptionTrack.of("en", TrackKind.SUBTITLES,
      List.of(Cue.of(0, 1000, "Hello."), Cue.of(1000, 2000, "Fine.")));
  static final SummaryRequest SUMMARY = SummaryRequest.builder()
      .transcript(CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(Cue.of(0, 2000, "Welcome to the demo.")))).build();

  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = OpenAiStubs.server();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void aFencedTranslationWithProseAndATrailingCommaIsRepaired() {
    wm.stubFor(post(urlEqualTo(CHAT)).willReturn(json(chat("Here is the translation:\n```json\n"
        + "{\"cues\":[{\"id\":\"1\",\"text\":\"Hallo.\"},{\"id\":\"2\",\"text\":\"Gut.\"},]}\n```\nLet me know!", "stop"))));

    CaptionTrack de = new OpenAiTranslator(OpenAiStubs.settings(wm).build()).translate(EN, TranslationOptions.to("de"));

    assertThat(de.cues()).extracting(Cue::text).containsExactly("Hallo.", "Gut.");
    wm.verify(1, postRequestedFor(urlEqualTo(CHAT)));
  }

  @Test
  void aTranslationReplyWithoutJsonIsAskedAgainThenAClearError() {
    wm.stubFor(post(urlEqualTo(CHAT)).willReturn(json(chat("Sorry, I cannot translate these subtitles.", "stop"))));

    assertThatThrownBy(() -> new OpenAiTranslator(OpenAiStubs.settings(wm).translationAttempts(2).build())
        .translate(EN, TranslationOptions.to("de")))
        .isExactlyInstanceOf(ProviderException.class)
        .hasMessageContaining("after 2 attempts")
        .hasMessageContaining("contains no JSON object or array")
        .hasMessageContaining("Sorry, I cannot translate");
    wm.verify(2, postRequestedFor(urlEqualTo(CHAT)));
  }

  @Test
  void aFencedSummaryWithSingleQuotesAndCommentsIsRepaired() {
    wm.stubFor(post(urlEqualTo(CHAT)).willReturn(json(chat("```json\n{'title': 'Demo', // the video's title\n"
        + "'summary': 'A short demo.', 'chapters': [{'start': 0, 'title': 'Intro'},]}\n```", "stop"))));

    VideoSummary s = new OpenAiSummarizer(OpenAiStubs.settings(wm).build()).summarize(SUMMARY);

    assertThat(s.title()).isEqualTo("Demo");
    assertThat(s.summary()).isEqualTo("A short demo.");
    assertThat(s.chapters()).hasSize(1);
  }

  @Test
  void aSummaryCutOffMidJsonIsATruncatedReplyEvenWhenFinishReasonSaysStop() {
    // A proxy or a misbehaving model can end the content early without finish_reason "length".
    wm.stubFor(post(urlEqualTo(CHAT)).willReturn(json(chat(
        "```json\n{\"title\":\"Demo\",\"summary\":\"A short demo.\",\"chapters\":[{\"start\":0,\"title\":\"Int", "stop"))));

    assertThatThrownBy(() -> new OpenAiSummarizer(OpenAiStubs.settings(wm).build()).summarize(SUMMARY))
        .isInstanceOf(TruncatedReplyException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aSummaryThatIsBrokenJsonIsAProviderErrorSayingWhere() {
    wm.stubFor(post(urlEqualTo(CHAT)).willReturn(json(chat(
        "{\"title\":\"Demo\" \"summary\":\"missing comma\"}", "stop"))));

    assertThatThrownBy(() -> new OpenAiSummarizer(OpenAiStubs.settings(wm).build()).summarize(SUMMARY))
        .isExactlyInstanceOf(ProviderException.class)
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("reply: {\"title\":\"Demo\" \"summary\"");
  }
}
