package dev.captions.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.captions.CaptionPipeline;
import dev.captions.Captions;
import dev.captions.InvalidMediaException;
import dev.captions.model.MediaSource;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Ittybit media with a transcriber that takes local files only (OpenAI). Ittybit's audio extraction gives a URL, which
 * OpenAI cannot take, so this flow cannot work; the test pins where it fails <b>today</b>: at {@code run()}, after the
 * paid Ittybit audio job, because {@link CaptionPipeline.Builder#build()} cannot know what kind of source a media
 * processor's {@code extractAudio} returns (the SPI declares only what a provider accepts). Catching it at
 * {@code build()} needs a core change (see this module's README); when that lands, this test should expect a
 * {@code ConfigurationException} from {@code build()} and no request at all.
 */
class IttybitAudioForFileOnlyTranscriberTest extends IttybitFlowTest {
  @Test
  void failsWithATypedErrorButOnlyAfterThePaidAudioJob() {
    String video = FlowStubs.httpsBase(wm) + "/media/interview.mp4";
    String audio = "https://store.ittybit.net/org_1/interview.mp3";
    // Every other service would answer, so a request that slipped through could not fail on its own.
    wm.stubFor(any(anyUrl()).atPriority(10).willReturn(okJson("{}")));
    wm.stubFor(post("/jobs").withRequestBody(matchingJsonPath("$.kind", equalTo("audio")))
        .willReturn(FlowStubs.created(FlowStubs.ittybitJob("job_aud1", "audio", video, "queued", null))));
    wm.stubFor(get("/jobs/job_aud1").willReturn(okJson(
        FlowStubs.ittybitJob("job_aud1", "audio", video, "succeeded", "\"" + audio + "\""))));

    CaptionPipeline pipeline = Captions.pipeline()
        .media(ittybit)
        .transcriber(Captions.transcriber("openai", FlowStubs.config("openai", FlowStubs.OPENAI_KEY,
            FlowStubs.httpBase(wm) + "/v1")))
        .languages("en")
        .build(); // accepted: nothing in the SPI says that Ittybit's audio comes back as a URL

    assertThatThrownBy(() -> pipeline.run(MediaSource.ofUrl(video)))
        .isInstanceOf(InvalidMediaException.class)
        .hasMessageContaining("openai")
        .hasMessageContaining("url")
        .hasMessageContaining("interview.mp3");

    // The cost of finding out at run(): one Ittybit audio job, created and polled to its end; OpenAI never called.
    List<String> sent = wm.getAllServeEvents().stream().map(ServeEvent::getRequest)
        .map(r -> r.getMethod() + " " + r.getUrl()).collect(Collectors.toList());
    assertThat(sent).contains("POST /jobs", "GET /jobs/job_aud1").containsOnly("POST /jobs", "GET /jobs/job_aud1");
    assertThat(sent).filteredOn("POST /jobs"::equals).hasSize(1);
  }
}
