package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.extension.Parameters;
import dev.captions.chunking.ChunkedTranscriber;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long audio through the long-media engine against a WireMock stand-in that counts requests in flight. */
class OpenAiChunkingTest {
  static final String TRANSCRIPTIONS = "/v1/audio/transcriptions";

  /** Counts requests being served at once: from matching until the (delayed) response is sent. */
  static final class InFlight implements ServeEventListener {
    final AtomicInteger now = new AtomicInteger();
    final AtomicInteger max = new AtomicInteger();

    @Override
    public String getName() {
      return "in-flight";
    }

    @Override
    public void beforeMatch(ServeEvent serveEvent, Parameters parameters) {
      max.accumulateAndGet(now.incrementAndGet(), Math::max);
    }

    @Override
    public void afterComplete(ServeEvent serveEvent, Parameters parameters) {
      now.decrementAndGet();
    }
  }

  @TempDir Path dir;
  final InFlight inFlight = new InFlight();
  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(inFlight)
        .containerThreads(40).jettyAcceptors(2));
    wm.start();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void chunksAreUploadedConcurrentlyWithinTheDeclaredBoundAndUnderTheByteLimit() {
    // Each chunk "says" one word 100 ms into its audio; the stitched transcript must have it at each chunk's offset.
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withFixedDelay(400)
        .withBody(OpenAiStubs.verbose(30.0, new Object[][] {{0.1, 0.6, "word"}}, new Object[][] {{"word", 0.1, 0.6}}))));
    Path wav = OpenAiStubs.speechLikeWav(dir, "long.wav", 2 * 60_000); // 3.8 MB
    OpenAiTranscriber openai = new OpenAiTranscriber(OpenAiStubs.settings(wm).maxUploadBytes(300_000)
        .chunkDurationMs(10_000).maxConcurrency(3).build());

    Transcript t = ChunkedTranscriber.builder(openai).build().transcribe(MediaSource.of(wav),
        TranscriptionOptions.defaults());

    int requests = wm.getAllServeEvents().size();
    assertThat(requests).isGreaterThanOrEqualTo(12); // 120 s in chunks of ≤ 10 s (≤ 300 kB of WAV: 8.4 s)
    assertThat(inFlight.max.get()).isEqualTo(3);
    assertThat(wm.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getBody().length).isLessThan(300_000));
    assertThat(t.words()).hasSize(requests);
    List<Long> starts = t.words().stream().map(TimedWord::startMs).collect(Collectors.toList());
    assertThat(starts.get(0)).isEqualTo(100);
    assertThat(starts).isSorted();
    // every chunk starts at a cut in a 500 ms silence of the 1.5 s pattern, so each word sits 100 ms after one
    for (long s : starts.subList(1, starts.size())) assertThat((s - 100) % 1500).as("word at %d ms", s).isBetween(1000L, 1500L);
    assertThat(t.segments()).hasSize(requests);
  }
}
