package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.openai.OpenAiStubs.TRANSCRIPTIONS;
import static dev.captions.provider.openai.OpenAiStubs.json;
import static dev.captions.provider.openai.OpenAiStubs.verbose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.InvalidMediaException;
import dev.captions.chunking.ChunkedTranscriber;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flow 5 (issue 6): whisper-1 with word timestamps on a WAV over 25 MB, chunked by the long-media engine, offsets correct. */
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
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS))
        .willReturn(json(verbose(2.0, new Object[][] {{0.0, 2.0, " piece"}}, new Object[][] {{"piece", 1.0, 1.4}}))));
    // Long chunks and one upload at a time: the byte limit decides the cuts, and the uploads arrive in order.
    OpenAiTranscriber openai = new OpenAiTranscriber(OpenAiStubs.settings(wm).chunkDurationMs(30 * 60_000)
        .maxConcurrency(1).build());

    // The transcriber alone refuses what it cannot upload in one request; the long-media engine cuts it.
    assertThatThrownBy(() -> openai.transcribe(MediaSource.of(wav), TranscriptionOptions.defaults()))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("25 MB");
    Transcript t = ChunkedTranscriber.builder(openai).build()
        .transcribe(MediaSource.of(wav), TranscriptionOptions.defaults());

    List<LoggedRequest> uploads = wm.findAll(postRequestedFor(urlEqualTo(TRANSCRIPTIONS)));
    assertThat(uploads).hasSizeGreaterThanOrEqualTo(2);
    OpenAiTranscriberTest.assertUnderLimit(uploads);
    // Each piece's offset measured independently: the PCM frames of the pieces before it (uploads minus 44-byte headers).
    List<Long> offsets = new ArrayList<>();
    long frames = 0;
    for (LoggedRequest upload : uploads) {
      offsets.add(frames * 1000 / 16_000);
      frames += (OpenAiTranscriberTest.partSize(upload) - 44) / 2;
    }
    assertThat(frames).isEqualTo(830_000L * 16);
    // Every cut is in a silent stretch (the pattern is 1 s tone, 0.5 s silence).
    for (long offsetMs : offsets.subList(1, offsets.size())) assertThat(offsetMs % 1500).isBetween(1000L, 1499L);

    List<TimedWord> expected = new ArrayList<>();
    for (long offsetMs : offsets) expected.add(TimedWord.of("piece", offsetMs + 1000, offsetMs + 1400));
    assertThat(t.words()).containsExactlyElementsOf(expected);
    assertThat(t.segments()).hasSize(uploads.size());
    for (int i = 0; i < offsets.size(); i++) {
      assertThat(t.segments().get(i).startMs()).isEqualTo(offsets.get(i));
      assertThat(t.segments().get(i).words()).containsExactly(expected.get(i));
    }
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(wav); // pieces were written elsewhere and are gone
    }
  }
}
