package dev.captions.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caption --prompt TEXT --vocabulary FILE}: the prompt and the file's terms reach OpenAI's and Gemini's
 * requests (WireMock, bodies as documented); with a transcriber that takes no prompt (vosk) the run warns.
 */
class PromptVocabularyCliTest {
  WireMockServer wm;
  @TempDir Path in;
  @TempDir Path out;
  Path video;
  Path vocabulary;

  @BeforeEach
  void start() throws Exception {
    wm = FlowStubs.server();
    video = FlowMedia.blueVideoWithTone(in.resolve("talk.mp4"), 3);
    // UTF-8 with a BOM, comments, blank lines, a term with '#' in it, non-ASCII.
    vocabulary = Files.writeString(in.resolve("terms.txt"), "\uFEFF# names and jargon\nWebVTT\n\n  Ana Ruiz   # speaker\n"
        + "C#\nZoë\n", StandardCharsets.UTF_8);
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void openAiGetsThePromptAndTheVocabularyInItsPromptField() {
    wm.stubFor(post(FlowStubs.OPENAI_TRANSCRIPTIONS).willReturn(FlowStubs.openAiJson(FlowStubs.whisperVerbose(3.0,
        new Object[][] {{0.2, 2.5, "Ana Ruiz on WebVTT."}}))));
    try (FlowCli cli = new FlowCli().configure("openai", FlowStubs.OPENAI_KEY, FlowStubs.httpBase(wm) + "/v1")) {
      FlowCli.Result r = cli.run("caption", video.toString(), "--media", "ffmpeg", "--transcriber", "openai",
          "-l", "en", "-f", "vtt", "-o", out.toString(), "--prompt", "A talk on caption formats.",
          "--vocabulary", vocabulary.toString());
      assertThat(r.exitCode).as(r.toString()).isZero();
    }
    wm.verify(1, postRequestedFor(urlEqualTo(FlowStubs.OPENAI_TRANSCRIPTIONS)).withRequestBodyPart(aMultipart()
        .withName("prompt").withBody(equalTo("A talk on caption formats. Vocabulary: WebVTT, Ana Ruiz, C#, Zoë."))
        .build()));
  }

  @Test
  void geminiGetsThemInItsInstructions() {
    wm.stubFor(post(FlowStubs.GEMINI_GENERATE).willReturn(FlowStubs.geminiReply(
        "{\"cues\":[{\"start\":\"00:00:00.200\",\"end\":\"00:00:02.500\",\"text\":\"Ana Ruiz on WebVTT.\"}]}")));
    try (FlowCli cli = new FlowCli().configure("gemini", FlowStubs.GEMINI_KEY, FlowStubs.httpBase(wm))) {
      FlowCli.Result r = cli.run("caption", video.toString(), "--media", "ffmpeg", "--transcriber", "gemini",
          "-l", "en", "-f", "vtt", "-o", out.toString(), "--vocabulary", vocabulary.toString());
      assertThat(r.exitCode).as(r.toString()).isZero();
    }
    wm.verify(postRequestedFor(urlEqualTo(FlowStubs.GEMINI_GENERATE))
        .withRequestBody(containing("terms to spell exactly as given: Vocabulary: WebVTT, Ana Ruiz, C#, Zo\\u00EB.")
            .or(containing("terms to spell exactly as given: Vocabulary: WebVTT, Ana Ruiz, C#, Zoë."))));
  }

  @Test
  void voskIgnoresAPromptWithAWarning() {
    try (CapturedLogs logs = new CapturedLogs(); FlowCli cli = new FlowCli()) {
      FlowCli.Result r = cli.run("caption", video.toString(), "--media", "ffmpeg", "--transcriber", "vosk",
          "-f", "vtt", "-o", out.toString(), "--prompt", "A talk on caption formats.");
      assertThat(r.exitCode).as(r.toString()).isZero();
      assertThat(logs.lines()).filteredOn(l -> l.contains("takes no prompt")).singleElement().asString()
          .contains("Transcriber 'vosk'").contains("the prompt given is ignored");
    }
  }
}
