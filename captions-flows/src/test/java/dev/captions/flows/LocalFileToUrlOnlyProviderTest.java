package dev.captions.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.CaptionPipeline;
import dev.captions.Captions;
import dev.captions.InvalidMediaException;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.MediaSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The negative flow: Ittybit fetches media itself and takes URLs only, so flow 1 given a local file must fail at
 * {@code run()} with a typed error saying how to fix it, before any (paid) request is sent and without writing
 * anything.
 */
class LocalFileToUrlOnlyProviderTest extends IttybitFlowTest {
  @TempDir Path dir;

  @BeforeEach
  void answerEverything() {
    // Every service would answer, so a request that slipped through could not fail on its own.
    wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
  }

  @Test
  void aLocalFileGivenToIttybitFailsAtRunBeforeAnyRequest() throws Exception {
    Path video = Files.write(dir.resolve("interview.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p'});
    Path out = dir.resolve("out");
    CaptionPipeline pipeline = Captions.pipeline()
        .mediaProcessor(ittybit)
        .transcriber(Captions.transcriber("gemini", FlowStubs.config("gemini", FlowStubs.GEMINI_KEY, FlowStubs.httpBase(wm))))
        .spokenLanguage("en")
        .outputs(out, CaptionFormat.WEBVTT)
        .burnIn(true)
        .build();

    assertThatThrownBy(() -> pipeline.run(MediaSource.of(video)))
        .isInstanceOf(InvalidMediaException.class)
        .hasMessageContaining("ittybit")
        .hasMessageContaining("interview.mp4")
        .hasMessageContaining("MediaSource.ofUrl");

    assertThat(wm.getAllServeEvents()).isEmpty();
    assertThat(out).doesNotExist();
  }
}
