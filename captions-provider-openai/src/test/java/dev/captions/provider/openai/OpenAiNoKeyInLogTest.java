package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.openai.OpenAiStubs.CHAT;
import static dev.captions.provider.openai.OpenAiStubs.TRANSCRIPTIONS;
import static dev.captions.provider.openai.OpenAiStubs.chat;
import static dev.captions.provider.openai.OpenAiStubs.json;
import static dev.captions.provider.openai.OpenAiStubs.verbose;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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

/** A full run (retry, translation mismatch, auth failure) at TRACE level: the captured log never shows the key. */
class OpenAiNoKeyInLogTest {
  @TempDir Path dir;

  @Test
  void capturedLogOfAFullRunHasNoApiKey() {
    WireMockServer wm = OpenAiStubs.server();
    try (LogCapture log = new LogCapture()) {
      wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(OpenAiStubs.error(429, "rate_limit_exceeded", "Slow down").withHeader("Retry-After-Ms", "1"))
          .willSetStateTo("ok"));
      wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).inScenario("t").whenScenarioStateIs("ok")
          .willReturn(json(verbose(1.0, new Object[][] {{0.0, 1.0, "Hello."}}, new Object[][] {{"Hello.", 0.0, 0.6}})))
          .willSetStateTo("denied"));
      wm.stubFor(post(urlEqualTo(CHAT)).willReturn(json(chat("{\"cues\":[]}", "stop"))));
      wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).inScenario("t").whenScenarioStateIs("denied")
          .willReturn(OpenAiStubs.error(401, "invalid_request_error", "Incorrect API key provided")));
      ProviderConfig config = ProviderConfig.builder("openai").apiKey(OpenAiStubs.KEY)
          .baseUrl("http://127.0.0.1:" + wm.port() + "/v1").environment(n -> null).build();
      OpenAiSettings settings = OpenAiSettings.fromConfig(config).toBuilder()
          .retryPolicy(OpenAiStubs.fastRetries(3, d -> {})).translationAttempts(2).build();
      log.record(settings.toString());
      log.record(config.toString());
      Path wav = OpenAiStubs.speechLikeWav(dir, "a.wav", 1000);

      Transcript t = new OpenAiTranscriber(settings).transcribe(MediaSource.of(wav), TranscriptionOptions.defaults());
      log.record(t.toString() + t.providerMetadata());
      CaptionTrack track = CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(Cue.of(0, 1000, "Hello.")));
      log.recordFailure(() -> new OpenAiTranslator(settings).translate(track, TranslationOptions.to("de")));
      log.recordFailure(() -> new OpenAiTranscriber(settings).transcribe(MediaSource.of(wav), TranscriptionOptions.defaults()));

      String text = log.text();
      assertThat(text).contains("retrying").contains("did not match").contains("Incorrect API key provided");
      assertThat(text).doesNotContain(OpenAiStubs.KEY).doesNotContain("0123456789abcdefSECRET");
    } finally {
      wm.stop();
    }
  }
}
