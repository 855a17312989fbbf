package dev.captions.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.CaptionPipeline;
import dev.captions.Captions;
import dev.captions.ConfigurationException;
import org.junit.jupiter.api.Test;

/**
 * Ittybit media with a transcriber that takes local files only (OpenAI). Ittybit's audio extraction gives a URL
 * ({@code IttybitMediaProcessor.audioOutputKinds()}), which OpenAI cannot take, so this flow cannot work: it must fail
 * at {@link CaptionPipeline.Builder#build()}, before the paid Ittybit audio job, with a message that says what to pair
 * instead.
 */
class IttybitAudioForFileOnlyTranscriberTest extends IttybitFlowTest {
  @Test
  void failsAtBuildBeforeAnyPaidJob() {
    // Every service would answer, so a request that slipped through could not fail on its own.
    wm.stubFor(any(anyUrl()).atPriority(10).willReturn(okJson("{}")));

    assertThatThrownBy(() -> Captions.pipeline()
        .mediaProcessor(ittybit)
        .transcriber(Captions.transcriber("openai", FlowStubs.config("openai", FlowStubs.OPENAI_KEY,
            FlowStubs.httpBase(wm) + "/v1")))
        .spokenLanguage("en")
        .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("Media processor 'ittybit' hands the transcriber its audio as a url, but transcriber 'openai'"
            + " takes only a file or a stream. Pair it with a transcriber that takes a url, or use a media processor"
            + " whose audio it can read (ffmpeg writes local files).");

    assertThat(wm.getAllServeEvents()).isEmpty();
  }
}
