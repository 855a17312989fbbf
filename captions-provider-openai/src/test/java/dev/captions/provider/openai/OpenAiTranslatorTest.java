package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.openai.OpenAiStubs.CHAT;
import static dev.captions.provider.openai.OpenAiStubs.chat;
import static dev.captions.provider.openai.OpenAiStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.captions.ProviderException;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.spi.TranslationOptions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiTranslatorTest {
  static final CaptionTrack EN = CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(
      Cue.builder().id("a").startMs(0).endMs(1000).text("Hello.").build(),
      Cue.builder().id("b").startMs(1000).endMs(2500).text("How are\nyou?").speaker("Ann").build(),
      Cue.builder().id("c").startMs(2500).endMs(4000).text("Fine.").build()));
  static final String GOOD = "{\"cues\":[{\"id\":\"1\",\"text\":\"Hola.\"},{\"id\":\"2\",\"text\":\"¿Cómo\\nestás?\"},"
      + "{\"id\":\"3\",\"text\":\"Bien.\"}]}";
  static final String MERGED = "{\"cues\":[{\"id\":\"1\",\"text\":\"Hola. ¿Cómo estás?\"},{\"id\":\"3\",\"text\":\"Bien.\"}]}";

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
  void translatesTextOnlyKeepingIdsTimesAndSpeakers() {
    wm.stubFor(post(urlEqualTo(CHAT)).willReturn(json(chat(GOOD, "stop"))));

    CaptionTrack es = new OpenAiTranslator(OpenAiStubs.settings(wm).build()).translate(EN, TranslationOptions.to("es"));

    assertThat(es.language()).isEqualTo("es");
    assertThat(es.cues()).extracting(Cue::text).containsExactly("Hola.", "¿Cómo\nestás?", "Bien.");
    for (int i = 0; i < 3; i++) {
      assertThat(es.cues().get(i).toBuilder().text(EN.cues().get(i).text()).build()).isEqualTo(EN.cues().get(i));
    }
    wm.verify(postRequestedFor(urlEqualTo(CHAT))
        .withRequestBody(matchingJsonPath("$.model", com.github.tomakehurst.wiremock.client.WireMock.equalTo("gpt-4o")))
        .withRequestBody(matchingJsonPath("$.response_format.type", com.github.tomakehurst.wiremock.client.WireMock.equalTo("json_schema")))
        .withRequestBody(matchingJsonPath("$.response_format.json_schema.strict", com.github.tomakehurst.wiremock.client.WireMock.equalTo("true")))
        .withRequestBody(containing("How are\\\\nyou?")));
  }

  @Test
  void aReplyWithADifferentNumberOfCuesIsRetried() {
    wm.stubFor(post(urlEqualTo(CHAT)).inScenario("m").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(chat(MERGED, "stop"))).willSetStateTo("fenced"));
    wm.stubFor(post(urlEqualTo(CHAT)).inScenario("m").whenScenarioStateIs("fenced")
        .willReturn(json(chat("```json\n" + GOOD + "\n```", "stop"))));

    CaptionTrack es = new OpenAiTranslator(OpenAiStubs.settings(wm).build()).translate(EN, TranslationOptions.to("es"));

    assertThat(es.cues()).extracting(Cue::text).containsExactly("Hola.", "¿Cómo\nestás?", "Bien.");
    wm.verify(2, postRequestedFor(urlEqualTo(CHAT)));
  }

  @Test
  void aTranslationThatNeverMatchesIsAClearError() {
    wm.stubFor(post(urlEqualTo(CHAT)).willReturn(json(chat(MERGED, "stop"))));

    assertThatThrownBy(() -> new OpenAiTranslator(OpenAiStubs.settings(wm).build()).translate(EN, TranslationOptions.to("es")))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("3 cues sent, 2 returned")
        .hasMessageContaining("after 3 attempts");
    wm.verify(3, postRequestedFor(urlEqualTo(CHAT)));
  }

  @Test
  void aCutOffReplyIsTranslatedAgainInHalves() {
    wm.stubFor(post(urlEqualTo(CHAT)).atPriority(1).withRequestBody(containing("Hello.")).withRequestBody(containing("Fine."))
        .willReturn(json(chat("{\"cues\":[{\"id\":\"1\",\"text\":\"Ho", "length"))));
    wm.stubFor(post(urlEqualTo(CHAT)).atPriority(2).withRequestBody(containing("Hello."))
        .willReturn(json(chat("{\"cues\":[{\"id\":\"1\",\"text\":\"Hola.\"}]}", "stop"))));
    wm.stubFor(post(urlEqualTo(CHAT)).atPriority(2).withRequestBody(containing("Fine."))
        .willReturn(json(chat("{\"cues\":[{\"id\":\"2\",\"text\":\"¿Qué tal?\"},{\"id\":\"3\",\"text\":\"Bien.\"}]}", "stop"))));

    CaptionTrack es = new OpenAiTranslator(OpenAiStubs.settings(wm).build()).translate(EN, TranslationOptions.to("es"));

    assertThat(es.cues()).extracting(Cue::text).containsExactly("Hola.", "¿Qué tal?", "Bien.");
    wm.verify(3, postRequestedFor(urlEqualTo(CHAT)));
  }

  @Test
  void batchesKeepTheirOwnIds() {
    wm.stubFor(post(urlEqualTo(CHAT)).withRequestBody(containing("Hello."))
        .willReturn(json(chat("{\"cues\":[{\"id\":\"1\",\"text\":\"Hola.\"},{\"id\":\"2\",\"text\":\"¿Qué tal?\"}]}", "stop"))));
    wm.stubFor(post(urlEqualTo(CHAT)).withRequestBody(containing("Fine."))
        .willReturn(json(chat("{\"cues\":[{\"id\":\"3\",\"text\":\"Bien.\"}]}", "stop"))));

    CaptionTrack es = new OpenAiTranslator(OpenAiStubs.settings(wm).translationBatchSize(2).build())
        .translate(EN, TranslationOptions.to("es"));

    assertThat(es.cues()).extracting(Cue::text).containsExactly("Hola.", "¿Qué tal?", "Bien.");
  }
}
