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

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.Captions;
import dev.captions.PipelineResult;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.MediaSource;
import dev.captions.shaping.Repair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow 1 (seed {@code ittybit-gemini-auto-captions.md}) as its one CLI command and its Java form:
 * {@code captions caption URL --media ittybit --transcriber gemini --burn}. Ittybit cannot probe; its audio job's task
 * output says the video is 10 s long, and Gemini "invents" a cue 2 s after the end: it must be dropped (and counted)
 * before the WebVTT is written and burned in. When nothing can tell the length, the report says so.
 */
class Flow1CliTest extends IttybitFlowTest {
  static final String INVENTED = "Thanks for watching, see you next week.";

  @TempDir Path out;
  String video;
  String audio;
  String captioned;

  /** Ittybit's audio and burn-in jobs, and Gemini's cues (the last one past the 10 s video). */
  void stubServices(Double reportedDurationSec) {
    video = FlowStubs.httpsBase(wm) + "/videos/interview.mp4";
    audio = FlowStubs.httpsBase(wm) + "/store/org_1/interview.wav";
    captioned = FlowStubs.httpsBase(wm) + "/store/org_1/interview-captioned.mp4";
    wm.stubFor(get(urlPathMatching("/(videos|store)/.*")).willReturn(aResponse().withStatus(200).withBody(new byte[64])));
    wm.stubFor(post("/jobs").withRequestBody(matchingJsonPath("$.kind", equalTo("audio")))
        .willReturn(FlowStubs.created(FlowStubs.ittybitJob("job_audio1", "audio", video, "queued", null))));
    wm.stubFor(get("/jobs/job_audio1").willReturn(okJson(reportedDurationSec == null
        ? FlowStubs.ittybitJob("job_audio1", "audio", video, "succeeded", '"' + audio + '"')
        : FlowStubs.ittybitJobWithDuration("job_audio1", "audio", video, audio, reportedDurationSec))));
    wm.stubFor(post("/jobs").withRequestBody(matchingJsonPath("$.kind", equalTo("video")))
        .willReturn(FlowStubs.created(FlowStubs.ittybitJob("job_burn1", "video", video, "queued", null))));
    wm.stubFor(get("/jobs/job_burn1").willReturn(okJson(
        FlowStubs.ittybitJob("job_burn1", "video", video, "succeeded", '"' + captioned + '"'))));
    String cues = "{\"cues\":["
        + "{\"start\":\"00:00:01.000\",\"end\":\"00:00:04.000\",\"text\":\"Welcome to the show.\"},"
        + "{\"start\":\"00:00:05.000\",\"end\":\"00:00:08.500\",\"text\":\"Today we talk about media APIs.\"},"
        + "{\"start\":\"00:00:12.000\",\"end\":\"00:00:14.000\",\"text\":\"" + INVENTED + "\"}]}";
    wm.stubFor(post(FlowStubs.GEMINI_GENERATE).willReturn(FlowStubs.geminiReply(cues)));
  }

  @Test
  void cliDropsTheInventedCueUsingTheLengthIttybitReportsAndBurnsTheRest() {
    stubServices(10.0);
    try (FlowCli cli = new FlowCli().configure("ittybit", FlowStubs.ITTYBIT_KEY, FlowStubs.httpBase(wm))
        .configure("gemini", FlowStubs.GEMINI_KEY, FlowStubs.httpBase(wm))) {
      FlowCli.Result r = cli.run("caption", video, "--media", "ittybit", "--transcriber", "gemini", "-l", "en",
          "--burn", "-f", "vtt", "-o", out.toString());
      assertThat(r.exitCode).as(r.toString()).isZero();
      Path vttFile = out.resolve("interview.en.vtt");
      assertThat(r.out).contains(vttFile.toString()).contains(captioned).contains("DROPPED_BEYOND_MEDIA 1")
          .doesNotContain("media length unknown");
      assertThat(r.err).contains("using media processor ittybit and transcriber gemini");
      checkCaptions(FlowStubs.readString(vttFile));
    }
  }

  @Test
  void javaFormDoesTheSame() {
    stubServices(10.0);
    PipelineResult r = Captions.pipeline().mediaProcessor(ittybit)
        .transcriber(Captions.transcriber("gemini", FlowStubs.config("gemini", FlowStubs.GEMINI_KEY, FlowStubs.httpBase(wm))))
        .spokenLanguage("en").outputs(out, CaptionFormat.WEBVTT).burnIn(true).build()
        .run(MediaSource.ofUrl(video));
    assertThat(r.mediaDurationMs()).hasValue(10_000);
    assertThat(r.quality().repairs()).extracting(Repair::kind).containsOnlyOnce(Repair.Kind.DROPPED_BEYOND_MEDIA);
    assertThat(r.captionedVideo().orElseThrow().source().uri().toString()).isEqualTo(captioned);
    checkCaptions(FlowStubs.readString(out.resolve("interview.en.vtt")));
  }

  @Test
  void whenNothingTellsTheLengthTheReportSaysSo() {
    stubServices(null);
    try (FlowCli cli = new FlowCli().configure("ittybit", FlowStubs.ITTYBIT_KEY, FlowStubs.httpBase(wm))
        .configure("gemini", FlowStubs.GEMINI_KEY, FlowStubs.httpBase(wm))) {
      FlowCli.Result r = cli.run("caption", video, "--media", "ittybit", "--transcriber", "gemini", "-l", "en",
          "-f", "vtt", "-o", out.toString());
      assertThat(r.exitCode).as(r.toString()).isZero();
      assertThat(r.out).contains("media length unknown");
    }
  }

  /** Text in order, times inside the 10 s video, the invented cue neither written nor burned in. */
  private void checkCaptions(String vtt) {
    assertThat(vtt).startsWith("WEBVTT");
    String flat = vtt.replaceAll("\\s+", " ");
    assertThat(flat).containsSubsequence("Welcome to the show.", "Today we talk about media APIs.")
        .doesNotContain(INVENTED);
    List<long[]> times = FlowStubs.cueTimes(vtt);
    assertThat(times).hasSize(2).allSatisfy(t -> {
      assertThat(t[0]).isGreaterThanOrEqualTo(0).isLessThan(t[1]);
      assertThat(t[1]).isLessThanOrEqualTo(10_000);
    });
    List<LoggedRequest> burns = wm.findAll(postRequestedFor(urlEqualTo("/jobs"))
        .withRequestBody(matchingJsonPath("$.kind", equalTo("video"))));
    assertThat(burns).hasSize(1);
    assertThat(FlowStubs.body(burns.get(0)).path("options").path("subtitles").asText()).isEqualTo(vtt);
  }
}
