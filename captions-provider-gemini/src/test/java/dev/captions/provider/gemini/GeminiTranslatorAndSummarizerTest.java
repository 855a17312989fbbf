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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.captions.ProviderException;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Chapter;
import dev.captions.model.Cue;
import dev.captions.model.Frame;
import dev.captions.model.MediaSource;
import dev.captions.model.TrackKind;
import dev.captions.model.VideoSummary;
import dev.captions.spi.SummaryRequest;
import dev.captions.spi.TranslationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeminiTranslatorAndSummarizerTest {
  static final CaptionTrack EN = CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(
      Cue.builder().id("x1").startMs(0).endMs(1000).text("Good morning.").build(),
      Cue.builder().id("x2").startMs(1000).endMs(2000).text("<i>Welcome</i> back.").build()));

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

  @Test
  void translationKeepsCountIdsAndTimes() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply(
        "{\"cues\":[{\"id\":\"1\",\"text\":\"Buenos días.\"},{\"id\":\"2\",\"text\":\"<i>Bienvenidos</i> de nuevo.\"}]}", "STOP")));

    CaptionTrack es = new GeminiTranslator(GeminiStubs.settings(wm).build()).translate(EN, TranslationOptions.to("es"));

    assertThat(es.language()).isEqualTo("es");
    assertThat(es.cues()).extracting(Cue::id).containsExactly("x1", "x2");
    assertThat(es.cues()).extracting(Cue::startMs).containsExactly(0L, 1000L);
    assertThat(es.cues()).extracting(Cue::text).containsExactly("Buenos días.", "<i>Bienvenidos</i> de nuevo.");
    wm.verify(postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(containing("\"responseSchema\""))
        .withRequestBody(containing("into es")));
  }

  @Test
  void aDifferentNumberOfCuesIsRetriedThenAClearError() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply(
        "{\"cues\":[{\"id\":\"1\",\"text\":\"Buenos días. Bienvenidos de nuevo.\"}]}", "STOP")));

    assertThatThrownBy(() -> new GeminiTranslator(GeminiStubs.settings(wm).translationAttempts(2).build())
        .translate(EN, TranslationOptions.to("es")))
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("2 cues sent, 1 returned")
        .hasMessageContaining("after 2 attempts");
    wm.verify(2, postRequestedFor(urlEqualTo(GENERATE)));
  }

  @Test
  void renamedIdsAreAMismatchToo() {
    wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("ids").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(reply("{\"cues\":[{\"id\":\"2\",\"text\":\"b\"},{\"id\":\"1\",\"text\":\"a\"}]}", "STOP"))
        .willSetStateTo("ok"));
    wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("ids").whenScenarioStateIs("ok")
        .willReturn(reply("{\"cues\":[{\"id\":\"1\",\"text\":\"a\"},{\"id\":\"2\",\"text\":\"b\"}]}", "STOP")));

    CaptionTrack es = new GeminiTranslator(GeminiStubs.settings(wm).build()).translate(EN, TranslationOptions.to("es"));

    assertThat(es.cues()).extracting(Cue::text).containsExactly("a", "b");
  }

  @Test
  void summaryFromFramesAndTranscript() throws Exception {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply("{\"title\":\"Morning show\",\"summary\":\"Hosts greet viewers.\","
        + "\"chapters\":[{\"start\":\"00:00:00\",\"title\":\"Greeting\",\"description\":\"Hello\"},"
        + "{\"start\":\"00:00:01\",\"title\":\"Return\",\"description\":\"Back again\"}]}", "STOP")));
    Path png = dir.resolve("f.png");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    SummaryRequest request = SummaryRequest.builder().frames(List.of(Frame.of(0, MediaSource.of(png))))
        .transcript(EN).mediaDurationMs(2000L).language("en").build();

    VideoSummary s = new GeminiSummarizer(GeminiStubs.settings(wm).build()).summarize(request);

    assertThat(s.title()).isEqualTo("Morning show");
    assertThat(s.summary()).isEqualTo("Hosts greet viewers.");
    assertThat(s.chapters()).containsExactly(Chapter.of(0, "Greeting", "Hello"), Chapter.of(1000, "Return", "Back again"));
    wm.verify(postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(containing("\"mimeType\":\"image/png\""))
        .withRequestBody(containing("[00:00:01.000] <i>Welcome</i> back.")));
  }

  @Test
  void summaryOfAVideoUrlSendsItAsFileData() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply("{\"title\":\"T\",\"summary\":\"S\",\"chapters\":[]}", "STOP")));

    VideoSummary s = new GeminiSummarizer(GeminiStubs.settings(wm).build())
        .summarize(SummaryRequest.builder().video(MediaSource.ofUrl("https://cdn.example.com/talk.mp4")).build());

    assertThat(s.title()).isEqualTo("T");
    wm.verify(postRequestedFor(urlEqualTo(GENERATE))
        .withRequestBody(containing("\"fileUri\":\"https://cdn.example.com/talk.mp4\""))
        .withRequestBody(containing("\"mimeType\":\"video/mp4\"")));
  }
}
