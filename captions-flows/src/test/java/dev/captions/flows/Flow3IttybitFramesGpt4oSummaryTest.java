package dev.captions.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.Captions;
import dev.captions.PipelineResult;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.Chapter;
import dev.captions.model.MediaSource;
import dev.captions.model.VideoSummary;
import dev.captions.spi.Summarizer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow 3 (seed {@code ittybit-gpt4-vision-summary.md}): Ittybit extracts keyframes at several timestamps in parallel,
 * GPT-4o gets them as {@code image_url} parts (with the transcript) and returns a title, a one-sentence summary and
 * chapters; the pipeline also writes the chapters as a WebVTT chapters track. The pipeline transcribes first (Ittybit
 * audio → Gemini), so the summary sees what is said as well as what is shown.
 */
class Flow3IttybitFramesGpt4oSummaryTest extends IttybitFlowTest {
  static final long FRAME_CREATE_DELAY_MS = 150;

  @TempDir Path out;

  @Test
  void framesInParallelAndGpt4oGiveASummaryWithChaptersAlsoWrittenAsAWebVttChaptersTrack() {
    String video = FlowStubs.httpsBase(wm) + "/uploads/product-demo.mp4";
    String audio = FlowStubs.httpsBase(wm) + "/store/org_1/product-demo.wav";
    String frameBase = FlowStubs.httpsBase(wm) + "/store/org_1/frames/";
    wm.stubFor(get(urlPathMatching("/(uploads|store)/.*")).willReturn(aResponse().withStatus(200).withBody(new byte[64])));

    // Ittybit audio job; its task output says the video is 60 s long (Ittybit cannot probe; frames are placed only
    // inside a known length).
    wm.stubFor(post("/jobs").withRequestBody(matchingJsonPath("$.kind", equalTo("audio")))
        .willReturn(FlowStubs.created(FlowStubs.ittybitJob("job_audio1", "audio", video, "queued", null))));
    wm.stubFor(get("/jobs/job_audio1")
        .willReturn(okJson(FlowStubs.ittybitJobWithDuration("job_audio1", "audio", video, audio, 60.0))));
    // Ittybit image jobs: one per timestamp, the job id derived from the requested start; each create answers after
    // a short delay so that jobs running in parallel overlap visibly on the server. The result uses the task-level
    // output object (the seed reads output.url).
    wm.stubFor(post("/jobs").withRequestBody(matchingJsonPath("$.kind", equalTo("image")))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withFixedDelay((int) FRAME_CREATE_DELAY_MS).withTransformers("response-template")
            .withBody("{\"id\":\"job_img_{{jsonPath request.body '$.options.start'}}\",\"object\":\"job\","
                + "\"kind\":\"image\",\"status\":\"queued\",\"output\":null,\"error\":null,\"tasks\":[]}")));
    wm.stubFor(get(urlPathMatching("/jobs/job_img_.*")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withTransformers("response-template")
        .withBody("{\"id\":\"{{request.pathSegments.[1]}}\",\"object\":\"job\",\"kind\":\"image\",\"status\":\"succeeded\","
            + "\"error\":null,\"output\":{\"url\":\"" + frameBase + "{{request.pathSegments.[1]}}.jpg\",\"kind\":\"image\","
            + "\"format\":\"jpeg\",\"width\":512,\"height\":288}}")));

    // Gemini: a minute of speech.
    wm.stubFor(post(FlowStubs.GEMINI_GENERATE).willReturn(FlowStubs.geminiReply("{\"cues\":["
        + "{\"start\":\"00:00:01.000\",\"end\":\"00:00:04.000\",\"text\":\"Here is the new analytics dashboard.\"},"
        + "{\"start\":\"00:00:21.000\",\"end\":\"00:00:24.500\",\"text\":\"First, connect a data source.\"},"
        + "{\"start\":\"00:00:46.000\",\"end\":\"00:00:50.000\",\"text\":\"These panels show the key metrics.\"},"
        + "{\"start\":\"00:00:56.000\",\"end\":\"00:01:00.000\",\"text\":\"That's it, thanks for watching.\"}]}")));

    // GPT-4o: the summary under the strict schema; the last chapter lies past the end of the video (a model's
    // invention) and must be dropped rather than shown.
    String summaryJson = "{\"title\":\"Product Demo: Dashboard Walkthrough\","
        + "\"summary\":\"A one-minute walkthrough of the new analytics dashboard.\",\"chapters\":["
        + "{\"start\":\"00:00:00\",\"title\":\"Introduction\",\"description\":\"The presenter introduces the dashboard\"},"
        + "{\"start\":\"00:00:20\",\"title\":\"Setup\",\"description\":\"Connecting data sources\"},"
        + "{\"start\":\"00:00:45\",\"title\":\"Key metrics\",\"description\":\"The main KPI panels\"},"
        + "{\"start\":\"00:01:30\",\"title\":\"Exporting\",\"description\":\"Not in this video\"}]}";
    wm.stubFor(post(FlowStubs.OPENAI_CHAT).willReturn(FlowStubs.openAiJson(FlowStubs.chatCompletion(summaryJson))));

    Summarizer gpt4o = Captions.summarizer("openai",
        FlowStubs.config("openai", FlowStubs.OPENAI_KEY, FlowStubs.httpBase(wm) + "/v1"));
    PipelineResult result;
    String log;
    try (CapturedLogs logs = new CapturedLogs()) {
      result = Captions.pipeline()
          .mediaProcessor(ittybit)
          .transcriber(Captions.transcriber("gemini", FlowStubs.config("gemini", FlowStubs.GEMINI_KEY, FlowStubs.httpBase(wm))))
          .summarizer(gpt4o)
          .summarize(true)
          .spokenLanguage("en")
          .outputs(out, CaptionFormat.WEBVTT)
          .build()
          .run(MediaSource.ofUrl(video));
      log = logs.text();
    }

    // A full run's log at DEBUG (our code, both SDKs, OkHttp) shows none of the three keys.
    assertThat(log).contains("job_audio1").doesNotContain(FlowStubs.ITTYBIT_KEY, FlowStubs.GEMINI_KEY, FlowStubs.OPENAI_KEY);

    // The summary, with the chapter past the end dropped.
    VideoSummary summary = result.summary().orElseThrow();
    assertThat(summary.title()).isEqualTo("Product Demo: Dashboard Walkthrough");
    assertThat(summary.summary()).isEqualTo("A one-minute walkthrough of the new analytics dashboard.");
    assertThat(summary.chapters()).extracting(Chapter::startMs).containsExactly(0L, 20_000L, 45_000L);
    assertThat(summary.chapters()).extracting(Chapter::title).containsExactly("Introduction", "Setup", "Key metrics");

    // The chapters track: each chapter until the next, the last until the end of the media (60 s, from Ittybit).
    Path chaptersFile = out.resolve("product-demo.chapters.vtt");
    assertThat(result.files()).containsExactly(out.resolve("product-demo.en.vtt"), chaptersFile);
    String chapters = FlowStubs.readString(chaptersFile);
    assertThat(chapters).startsWith("WEBVTT");
    long end = 60_000;
    assertThat(result.mediaDurationMs()).hasValue(end);
    assertThat(FlowStubs.cueTimeStrings(chapters)).containsExactly("0-20000", "20000-45000", "45000-" + end);
    assertThat(chapters).contains("Introduction", "Setup", "Key metrics").doesNotContain("Exporting");

    // Ittybit image jobs: one per timestamp, each the seed's body, all inside the video, several in flight at once.
    List<LoggedRequest> frameJobs = wm.findAll(postRequestedFor(urlEqualTo("/jobs"))
        .withRequestBody(matchingJsonPath("$.kind", equalTo("image"))));
    assertThat(frameJobs).hasSizeGreaterThanOrEqualTo(3);
    List<BigDecimal> starts = new ArrayList<>();
    for (LoggedRequest r : frameJobs) {
      JsonNode b = FlowStubs.body(r);
      assertThat(b.path("input").asText()).isEqualTo(video);
      assertThat(b.path("options").path("format").asText()).isEqualTo("jpeg");
      assertThat(b.path("options").path("width").asInt()).isPositive();
      starts.add(b.path("options").path("start").decimalValue());
      assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + FlowStubs.ITTYBIT_KEY);
    }
    assertThat(starts).doesNotHaveDuplicates().allSatisfy(s -> assertThat(s.doubleValue()).isBetween(0.0, end / 1000.0));
    assertThat(frameJobs.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().count()).isEqualTo(frameJobs.size());
    assertThat(maxInFlight(wm.getAllServeEvents().stream()
        .filter(e -> e.getRequest().getUrl().equals("/jobs") && e.getRequest().getBodyAsString().contains("\"image\""))
        .collect(Collectors.toList()))).isGreaterThan(1);

    // GPT-4o: one request, the keyframes as image_url parts in time order, one per frame, each Ittybit's frame URL.
    List<LoggedRequest> chats = wm.findAll(postRequestedFor(urlEqualTo(FlowStubs.OPENAI_CHAT)));
    assertThat(chats).hasSize(1);
    assertThat(chats.get(0).getHeader("Authorization")).isEqualTo("Bearer " + FlowStubs.OPENAI_KEY);
    JsonNode chat = FlowStubs.body(chats.get(0));
    assertThat(chat.path("model").asText()).isEqualTo("gpt-4o");
    assertThat(chat.path("response_format").path("type").asText()).isEqualTo("json_schema");
    JsonNode user = null;
    for (JsonNode m : chat.path("messages")) if (m.path("role").asText().equals("user")) user = m;
    assertThat(user).isNotNull();
    List<String> imageUrls = new ArrayList<>();
    String text = null;
    for (JsonNode part : user.path("content")) {
      if (part.path("type").asText().equals("image_url")) {
        imageUrls.add(part.path("image_url").path("url").asText());
        assertThat(part.path("image_url").path("detail").asText()).isEqualTo("low");
      } else if (part.path("type").asText().equals("text")) {
        text = part.path("text").asText();
      }
    }
    List<String> expectedUrls = starts.stream().sorted()
        .map(s -> frameBase + "job_img_" + s.toPlainString() + ".jpg").collect(Collectors.toList());
    assertThat(imageUrls).containsExactlyElementsOf(expectedUrls);
    assertThat(text).contains("The " + frameJobs.size() + " attached frames were taken at")
        .contains("Here is the new analytics dashboard.");
  }

  /** The largest number of requests the server was handling at one moment. */
  private static int maxInFlight(List<ServeEvent> events) {
    int max = 0;
    for (ServeEvent e : events) {
      long start = e.getRequest().getLoggedDate().getTime();
      int concurrent = 0;
      for (ServeEvent o : events) {
        long oStart = o.getRequest().getLoggedDate().getTime();
        if (oStart <= start && start < oStart + FRAME_CREATE_DELAY_MS) concurrent++;
      }
      max = Math.max(max, concurrent);
    }
    return max;
  }
}
