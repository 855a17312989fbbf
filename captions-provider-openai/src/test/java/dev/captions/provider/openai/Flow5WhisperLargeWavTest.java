package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.openai.OpenAiStubs.TRANSCRIPTIONS;
import static dev.captions.provider.openai.OpenAiStubs.json;
import static dev.captions.provider.openai.OpenAiStubs.verbose;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flow 5 (issue 6): whisper-1 with word timestamps on a WAV over 25 MB, chunked, offsets correct. */
class Flow5WhisperLargeWavTest {
  @TempDir Path dir;
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
  void wavOver25MbIsSplitAtSilenceAndWordTimesCarryMeasuredOffsets() throws Exception {
    // 16 kHz mono 16-bit = 32,000 B/s: 830 s is 26.56 MB, over the 25 MB limit.
    Path wav = OpenAiStubs.speechLikeWav(dir, "lecture.wav", 830_000);
    assertThat(Files.size(wav)).isGreaterThan(25_000_000L);
    // Each piece reports one word 1.0-1.4 s into the piece and one segment 0-2 s.
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).inScenario("pieces").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(verbose(781.0, new Object[][] {{0.0, 2.0, " first piece"}}, new Object[][] {{"first", 1.0, 1.4}})))
        .willSetStateTo("second"));
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).inScenario("pieces").whenScenarioStateIs("second")
        .willReturn(json(verbose(49.0, new Object[][] {{0.0, 2.0, " second piece"}}, new Object[][] {{"second", 1.0, 1.4}}))));

    Transcript t = new OpenAiTranscriber(OpenAiStubs.settings(wm).build())
        .transcribe(MediaSource.of(wav), TranscriptionOptions.defaults());

    List<LoggedRequest> uploads = wm.findAll(postRequestedFor(urlEqualTo(TRANSCRIPTIONS)));
    assertThat(uploads).hasSize(2);
    OpenAiTranscriberTest.assertUnderLimit(uploads);
    // The offset of piece 2 measured independently: PCM frames in piece 1 (its upload minus the 44-byte header).
    long firstPieceFrames = (OpenAiTranscriberTest.partSize(uploads.get(0)) - 44) / 2;
    long offsetMs = firstPieceFrames * 1000 / 16_000;
    long secondPieceFrames = (OpenAiTranscriberTest.partSize(uploads.get(1)) - 44) / 2;
    assertThat(firstPieceFrames + secondPieceFrames).isEqualTo(830_000L * 16);
    // The cut is in a silent stretch (the pattern is 1 s tone, 0.5 s silence) and close to the limit.
    assertThat(offsetMs % 1500).isBetween(1000L, 1499L);
    assertThat(offsetMs).isGreaterThan(775_000L);

    assertThat(t.words()).containsExactly(TimedWord.of("first", 1000, 1400),
        TimedWord.of("second", offsetMs + 1000, offsetMs + 1400));
    assertThat(t.segments()).hasSize(2);
    assertThat(t.segments().get(1).startMs()).isEqualTo(offsetMs);
    assertThat(t.segments().get(1).words()).containsExactly(TimedWord.of("second", offsetMs + 1000, offsetMs + 1400));
    assertThat(t.mediaDurationMs()).hasValue(offsetMs + 49_000);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(wav); // pieces were written elsewhere and are gone
    }
  }
}
