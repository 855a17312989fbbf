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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.Captions;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.model.Chapter;
import dev.captions.model.Frame;
import dev.captions.model.MediaSource;
import dev.captions.model.VideoSummary;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.FrameOptions;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummaryRequest;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow 3 (seed {@code ittybit-gpt4-vision-summary.md}), the frames-only flow: keyframes from Ittybit and a GPT-4o
 * summary, no transcription. One CLI command: {@code captions summarize URL --media ittybit --summarizer openai}.
 * Ittybit cannot probe, so one audio job tells the length (its task output's {@code duration}) before any frame job
 * is placed; the three parts of the summary are printed and kept in {@code summary.json}.
 */
class Flow3SummarizeCliTest extends IttybitFlowTest {
  static final String TITLE = "Product Demo: Dashboard Walkthrough";
  static final String TLDR = "A four-minute walkthrough of the new analytics dashboard.";

  @TempDir Path out;
  String video;
  String frameBase;

  void stubServices() {
    video = FlowStubs.httpsBase(wm) + "/uploads/product-demo.mp4";
    String audio = FlowStubs.httpsBase(wm) + "/store/org_1/product-demo.wav";
    frameBase = FlowStubs.httpsBase(wm) + "/store/org_1/frames/";
    wm.stubFor(get(urlPathMatching("/(uploads|store)/.*")).willReturn(aResponse().withStatus(200).withBody(new byte[64])));
    wm.stubFor(post("/jobs").withRequestBody(matchingJsonPath("$.kind", equalTo("audio")))
        .willReturn(FlowStubs.created(FlowStubs.ittybitJob("job_audio1", "audio", video, "queued", null))));
    wm.stubFor(get("/jobs/job_audio1")
        .willReturn(okJson(FlowStubs.ittybitJobWithDuration("job_audio1", "audio", video, audio, 240.0))));
    wm.stubFor(post("/jobs").withRequestBody(matchingJsonPath("$.kind", equalTo("image")))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withTransformers("response-template")
            .withBody("{\"id\":\"job_img_{{jsonPath request.body '$.options.start'}}\",\"object\":\"job\","
                + "\"kind\":\"image\",\"status\":\"queued\",\"output\":null,\"error\":null,\"tasks\":[]}")));
    wm.stubFor(get(urlPathMatching("/jobs/job_img_.*")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withTransformers("response-template")
        .withBody("{\"id\":\"{{request.pathSegments.[1]}}\",\"object\":\"job\",\"kind\":\"image\",\"status\":\"succeeded\","
            + "\"error\":null,\"output\":{\"url\":\"" + frameBase + "{{request.pathSegments.[1]}}.jpg\",\"kind\":\"image\","
            + "\"format\":\"jpeg\",\"width\":512,\"height\":288}}")));
    // GPT-4o: the seed's example summary; its last chapter lies past the 4-minute video and must be dropped.
    String summaryJson = "{\"title\":\"" + TITLE + "\",\"summary\":\"" + TLDR + "\",\"chapters\":["
        + "{\"start\":\"00:00:00\",\"title\":\"Introduction\",\"description\":\"Presenter introduces the dashboard\"},"
        + "{\"start\":\"00:00:45\",\"title\":\"Key metrics overview\",\"description\":\"The main KPI panels\"},"
        + "{\"start\":\"00:02:30\",\"title\":\"Exporting reports\",\"description\":\"PDF and CSV exports\"},"
        + "{\"start\":\"00:05:10\",\"title\":\"Bonus\",\"description\":\"Not in this video\"}]}";
    wm.stubFor(post(FlowStubs.OPENAI_CHAT).willReturn(FlowStubs.openAiJson(FlowStubs.chatCompletion(summaryJson))));
  }

  @Test
  void cliSummarisesFromKeyframesWithoutTranscribing() throws Exception {
    stubServices();
    try (FlowCli cli = new FlowCli().configure("ittybit", FlowStubs.ITTYBIT_KEY, FlowStubs.httpBase(wm))
        .configure("openai", FlowStubs.OPENAI_KEY, FlowStubs.httpBase(wm) + "/v1")) {
      FlowCli.Result r = cli.run("summarize", video, "--media", "ittybit", "--summarizer", "openai", "--frames", "6",
          "-o", out.toString());
      assertThat(r.exitCode).as(r.toString()).isZero();
      // The three parts on the console: title, one sentence, every chapter with time, title and description.
      assertThat(r.out).contains("title: " + TITLE).contains("summary: " + TLDR)
          .contains("00:00:00.000  Introduction — Presenter introduces the dashboard")
          .contains("00:00:45.000  Key metrics overview — The main KPI panels")
          .contains("00:02:30.000  Exporting reports — PDF and CSV exports").doesNotContain("Bonus");
      // ... and in summary.json, descriptions included.
      JsonNode json = FlowStubs.read(FlowStubs.readString(out.resolve("product-demo.summary.json")));
      assertThat(json.path("title").asText()).isEqualTo(TITLE);
      assertThat(json.path("summary").asText()).isEqualTo(TLDR);
      assertThat(json.path("chapters")).hasSize(3);
      assertThat(json.path("chapters").path(1).path("startMs").asLong()).isEqualTo(45_000);
      assertThat(json.path("chapters").path(2).path("description").asText()).isEqualTo("PDF and CSV exports");
      // The chapters track is valid WebVTT and ends with the video.
      String chapters = FlowStubs.readString(out.resolve("product-demo.chapters.vtt"));
      assertThat(CaptionCodecs.forFormat(CaptionFormat.WEBVTT).validate(new StringReader(chapters)))
          .noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
      assertThat(FlowStubs.cueTimeStrings(chapters)).containsExactly("0-45000", "45000-150000", "150000-240000");
      checkRequests(6);
    }
  }

  @Test
  void javaFormDoesTheSame() {
    stubServices();
    Summarizer gpt4o = Captions.summarizer("openai",
        FlowStubs.config("openai", FlowStubs.OPENAI_KEY, FlowStubs.httpBase(wm) + "/v1"));
    MediaSource source = MediaSource.ofUrl(video);
    long length = ittybit.extractAudio(source, AudioOptions.defaults()).durationMs().orElseThrow();
    List<Frame> frames = ittybit.extractFrames(source,
        FrameOptions.builder().timestampsMs(FrameOptions.midpoints(length, 6)).width(512).build());
    VideoSummary s = gpt4o.summarize(SummaryRequest.builder().frames(frames).mediaDurationMs(length).build());
    assertThat(s.title()).isEqualTo(TITLE);
    assertThat(s.summary()).isEqualTo(TLDR);
    assertThat(s.chapters()).extracting(Chapter::description)
        .containsExactly("Presenter introduces the dashboard", "The main KPI panels", "PDF and CSV exports");
    checkRequests(6);
  }

  /** One audio job for the length, one image job per keyframe inside the video, one GPT-4o call with the frames. */
  private void checkRequests(int frames) {
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/jobs")).withRequestBody(matchingJsonPath("$.kind",
        equalTo("audio"))))).hasSize(1);
    List<LoggedRequest> images = wm.findAll(postRequestedFor(urlEqualTo("/jobs"))
        .withRequestBody(matchingJsonPath("$.kind", equalTo("image"))));
    assertThat(images).hasSize(frames).allSatisfy(i -> assertThat(FlowStubs.body(i).path("options").path("start")
        .asDouble()).isBetween(0.0, 239.999));
    List<LoggedRequest> chats = wm.findAll(postRequestedFor(urlEqualTo(FlowStubs.OPENAI_CHAT)));
    assertThat(chats).hasSize(1);
    long imageParts = 0;
    for (JsonNode m : FlowStubs.body(chats.get(0)).path("messages")) {
      for (JsonNode part : m.path("content")) if (part.path("type").asText().equals("image_url")) imageParts++;
    }
    assertThat(imageParts).isEqualTo(frames);
    assertThat(FlowStubs.requestLog(wm)).noneMatch(l -> l.contains("generateContent") || l.contains("transcriptions"));
  }
}
