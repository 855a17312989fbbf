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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.Captions;
import dev.captions.PipelineResult;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import dev.captions.shaping.Repair;
import dev.captions.shaping.StyleProfile;
import dev.captions.spi.Transcriber;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow 1 (seed {@code ittybit-gemini-auto-captions.md}): Ittybit extracts the audio, Gemini transcribes it, the
 * pipeline shapes and writes WebVTT, Ittybit burns it into the video, and the result is the captioned video's URL.
 * One pipeline call replaces the seed's four hand-written steps and its hand-rolled WebVTT writer.
 */
class Flow1IttybitGeminiBurnInTest extends IttybitFlowTest {
  @TempDir Path out;

  @Test
  void audioExtractionGeminiTranscriptionShapedWebVttAndBurnInGiveTheCaptionedVideoUrl() {
    String video = FlowStubs.httpsBase(wm) + "/videos/interview.mp4";
    String audio = FlowStubs.httpsBase(wm) + "/store/org_1/interview.wav";
    String captioned = FlowStubs.httpsBase(wm) + "/store/org_1/interview-captioned.mp4";
    // The media lives "at Ittybit's end": WireMock serves it, and the SDK must never fetch it itself.
    wm.stubFor(get(urlPathMatching("/(videos|store)/.*")).willReturn(aResponse().withStatus(200).withBody(new byte[64])));

    // Ittybit: audio job (queued → processing → succeeded with a string output), then the burn-in job (the seed's
    // flat output_url shape).
    wm.stubFor(post("/jobs").withRequestBody(matchingJsonPath("$.kind", equalTo("audio")))
        .willReturn(FlowStubs.created(FlowStubs.ittybitJob("job_audio1", "audio", video, "queued", null))));
    wm.stubFor(get("/jobs/job_audio1").inScenario("audio").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(FlowStubs.ittybitJob("job_audio1", "audio", video, "processing", null))).willSetStateTo("done"));
    wm.stubFor(get("/jobs/job_audio1").inScenario("audio").whenScenarioStateIs("done")
        .willReturn(okJson(FlowStubs.ittybitJob("job_audio1", "audio", video, "succeeded", '"' + audio + '"'))));
    wm.stubFor(post("/jobs").withRequestBody(matchingJsonPath("$.kind", equalTo("video")))
        .willReturn(FlowStubs.created(FlowStubs.ittybitJob("job_burn1", "video", video, "queued", null))));
    wm.stubFor(get("/jobs/job_burn1").willReturn(okJson("{\"id\":\"job_burn1\",\"object\":\"job\",\"kind\":\"video\","
        + "\"status\":\"succeeded\",\"error\":null,\"output_url\":\"" + captioned + "\"}")));

    // Gemini: the timed cues in the seed's format, but fenced and out of order: the seed's JSON.parse would throw on
    // the fence.
    String cues = "```json\n{\"cues\":["
        + "{\"start\":\"00:00:01.000\",\"end\":\"00:00:04.500\",\"text\":\"Welcome to the show, today we're talking about media APIs.\"},"
        + "{\"start\":\"00:00:09.000\",\"end\":\"00:00:12.000\",\"text\":\"Let's start with captions.\"},"
        + "{\"start\":\"00:00:04.500\",\"end\":\"00:00:08.200\",\"text\":\"Our guest has been building video infrastructure for ten years.\"}"
        + "]}\n```";
    wm.stubFor(post(FlowStubs.GEMINI_GENERATE).willReturn(FlowStubs.geminiReply(cues)));

    Transcriber gemini = Captions.transcriber("gemini",
        FlowStubs.config("gemini", FlowStubs.GEMINI_KEY, FlowStubs.httpBase(wm)));
    PipelineResult result = Captions.pipeline()
        .mediaProcessor(ittybit)
        .transcriber(gemini)
        .spokenLanguage("en")
        .outputs(out, CaptionFormat.WEBVTT)
        .burnIn(true)
        .build()
        .run(MediaSource.ofUrl(video));

    // The captioned video's URL, with Ittybit's job id.
    MediaRef ref = result.captionedVideo().orElseThrow();
    assertThat(ref.source().uri().toString()).isEqualTo(captioned);
    assertThat(ref.provider()).isEqualTo("ittybit");
    assertThat(ref.id()).hasValue("job_burn1");

    // The WebVTT written: sorted into time order, the model's times kept except where the style profile demands a
    // gap (the seed's back-to-back cues get the 2-frame minimum gap), every text there.
    Path vttFile = out.resolve("interview.en.vtt");
    assertThat(result.files()).containsExactly(vttFile);
    String vtt = FlowStubs.readString(vttFile);
    assertThat(vtt).startsWith("WEBVTT");
    assertThat(FlowStubs.cueTimeStrings(vtt)).containsExactly(
        "1000-" + (4500 - StyleProfile.NETFLIX_EN.minGapMs()), "4500-8200", "9000-12000");
    assertThat(result.quality().repairs()).extracting(Repair::kind).contains(Repair.Kind.SORTED);
    String flat = vtt.replaceAll("\\s+", " ");
    assertThat(flat).contains("Welcome to the show, today we're talking about media APIs.",
        "Our guest has been building video infrastructure for ten years.", "Let's start with captions.");
    assertThat(result.captions().cues()).allSatisfy(c -> assertThat(c.lines()).hasSizeLessThanOrEqualTo(2));

    // Ittybit, audio job: the seed's body (format wav: the pipeline asks for 16 kHz mono speech audio).
    List<LoggedRequest> creates = wm.findAll(postRequestedFor(urlEqualTo("/jobs")));
    assertThat(creates).hasSize(2);
    LoggedRequest audioJob = creates.stream().filter(r -> FlowStubs.body(r).path("kind").asText().equals("audio"))
        .findFirst().orElseThrow();
    assertThat(FlowStubs.body(audioJob)).isEqualTo(FlowStubs.read(
        "{\"input\":\"" + video + "\",\"kind\":\"audio\",\"options\":{\"format\":\"wav\"}}"));
    // Ittybit, burn-in job: the original video, mp4, and exactly the WebVTT that was written, inline.
    LoggedRequest burnJob = creates.stream().filter(r -> r != audioJob).findFirst().orElseThrow();
    JsonNode burn = FlowStubs.body(burnJob);
    assertThat(burn.path("input").asText()).isEqualTo(video);
    assertThat(burn.path("kind").asText()).isEqualTo("video");
    assertThat(burn.path("options").path("format").asText()).isEqualTo("mp4");
    assertThat(burn.path("options").path("subtitles").asText()).isEqualTo(vtt);
    for (LoggedRequest r : creates) {
      assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + FlowStubs.ITTYBIT_KEY);
      assertThat(r.getHeader("Idempotency-Key")).matches("[0-9a-f-]{36}");
    }
    assertThat(creates.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().count()).isEqualTo(2);

    // Gemini: the Ittybit audio URL passed by reference (fileData), JSON output under a schema, key in its header.
    List<LoggedRequest> generate = wm.findAll(postRequestedFor(urlEqualTo(FlowStubs.GEMINI_GENERATE)));
    assertThat(generate).hasSize(1);
    assertThat(generate.get(0).getHeader("x-goog-api-key")).isEqualTo(FlowStubs.GEMINI_KEY);
    JsonNode g = FlowStubs.body(generate.get(0));
    JsonNode fileData = g.path("contents").path(0).path("parts").path(0).path("fileData");
    assertThat(fileData.path("fileUri").asText()).isEqualTo(audio);
    assertThat(fileData.path("mimeType").asText()).startsWith("audio/");
    assertThat(g.path("generationConfig").path("responseMimeType").asText()).isEqualTo("application/json");
    assertThat(g.path("generationConfig").path("responseSchema").path("properties").has("cues")).isTrue();
    assertThat(g.path("systemInstruction").toString()).contains("HH:MM:SS.mmm");

    // The order of the whole exchange, and no download of the video or the audio by the SDK.
    List<String> log = FlowStubs.requestLog(wm).stream().filter(l -> !l.startsWith("GET /jobs/"))
        .collect(Collectors.toList());
    assertThat(log).containsExactly("POST /jobs", "POST " + FlowStubs.GEMINI_GENERATE, "POST /jobs");
    assertThat(FlowStubs.requestLog(wm)).noneMatch(l -> l.contains("/videos/") || l.contains("/store/"));
    assertThat(FlowStubs.requestLog(wm)).filteredOn(l -> l.startsWith("GET /jobs/job_audio1")).hasSize(2);
  }
}
