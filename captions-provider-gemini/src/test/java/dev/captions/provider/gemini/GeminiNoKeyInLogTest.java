package dev.captions.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.gemini.GeminiStubs.GENERATE;
import static dev.captions.provider.gemini.GeminiStubs.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.captions.AuthenticationException;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.MediaSource;
import dev.captions.model.TrackKind;
import dev.captions.model.Transcript;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.spi.TranslationOptions;
import dev.captions.testkit.logs.LogCapture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full run (retry, re-chunking, translation mismatch, auth failure) at TRACE level: the log never shows the key. */
class GeminiNoKeyInLogTest {
  @TempDir Path dir;

  @Test
  void capturedLogOfAFullRunHasNoApiKey() {
    WireMockServer wm = GeminiStubs.server();
    try (LogCapture log = new LogCapture()) {
      wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("g").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(GeminiStubs.error(503, "UNAVAILABLE", "overloaded")).willSetStateTo("cut"));
      wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("g").whenScenarioStateIs("cut")
          .willReturn(reply("{\"cues\":[{\"start\":0,", "MAX_TOKENS")).willSetStateTo("ok"));
      wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("g").whenScenarioStateIs("ok")
          .willReturn(reply("{\"cues\":[{\"start\":0,\"end\":1,\"text\":\"Hi\"}]}", "STOP")).willSetStateTo("ok2"));
      wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("g").whenScenarioStateIs("ok2")
          .willReturn(reply("{\"cues\":[{\"start\":60,\"end\":61,\"text\":\"Bye\"}]}", "STOP")).willSetStateTo("mismatch"));
      wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("g").whenScenarioStateIs("mismatch")
          .willReturn(reply("{\"cues\":[]}", "STOP")).willSetStateTo("denied"));
      wm.stubFor(post(urlEqualTo(GENERATE)).inScenario("g").whenScenarioStateIs("denied")
          .willReturn(GeminiStubs.error(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.")));
      ProviderConfig config = ProviderConfig.builder("gemini").apiKey(GeminiStubs.KEY)
          .baseUrl("http://127.0.0.1:" + wm.port()).environment(n -> null).build();
      GeminiSettings settings = GeminiSettings.fromConfig(config).toBuilder()
          .retryPolicy(GeminiStubs.fastRetries(3)).translationAttempts(1).build();
      log.record(settings.toString());
      Path wav = GeminiStubs.wav(dir, 100);

      Transcript t = new GeminiTranscriber(settings).transcribe(MediaSource.of(wav),
          TranscriptionOptions.builder().mediaDurationMs(120_000L).build());
      assertThat(t.segments()).hasSize(2);
      CaptionTrack track = CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(Cue.of(0, 1000, "Hi")));
      log.recordFailure(() -> new GeminiTranslator(settings).translate(track, TranslationOptions.to("de")));
      AuthenticationException[] denied = {null};
      log.recordFailure(() -> {
        try {
          new GeminiTranscriber(settings).transcribe(MediaSource.of(wav), TranscriptionOptions.defaults());
        } catch (AuthenticationException e) {
          denied[0] = e;
          throw e;
        }
      });
      assertThat(denied[0]).as("the bad key (400 API_KEY_INVALID) is an AuthenticationException").isNotNull();

      String text = log.text();
      assertThat(text).contains("retrying").contains("cut off").contains("API key not valid");
      assertThat(text).doesNotContain(GeminiStubs.KEY);
    } finally {
      wm.stop();
    }
  }
}
