package dev.captions.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.Captions;
import dev.captions.PipelineResult;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.CaptionTrack;
import dev.captions.model.MediaSource;
import dev.captions.provider.gcore.GcoreTranscriber;
import dev.captions.provider.gcore.GcoreVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow 2 (seed {@code gcore-ai-asr-subtitles.md}): take a Gcore video's 480p MP4, transcribe it with Gcore AI ASR
 * (auto language), translate it with Gcore's {@code subtitles_language}, and attach every track to the video. One CLI
 * command: {@code captions caption --gcore-video ID --translate de}. FFmpeg probes the MP4 over HTTP (WireMock serves
 * a real 6 s video), so the subtitle Gcore places past the end is dropped; Gcore gets the MP4 URL itself, never
 * extracted audio.
 */
class Flow2GcoreAsrCliTest {
  static final String KEY = "gcore-flow-SECRET-key";
  static final long VIDEO_ID = 4428031;

  WireMockServer wm;
  @TempDir Path in;
  @TempDir Path out;
  String mp4;

  @BeforeEach
  void start() throws Exception {
    wm = FlowStubs.server();
    mp4 = FlowStubs.httpBase(wm) + "/videos/2675_G8EuYJFTsvIyWmKt/480.mp4";
    byte[] video = Files.readAllBytes(FlowMedia.blueVideoWithTone(in.resolve("480.mp4"), 6));
    wm.stubFor(get(urlPathMatching("/videos/.*")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "video/mp4").withBody(video)));
    ObjectNode v = FlowStubs.M.createObjectNode().put("id", VIDEO_ID).put("name", "Sprite Fright").put("status", "ready");
    ArrayNode renditions = v.putArray("converted_videos");
    renditions.addObject().put("name", "vod720n").put("width", 1720).put("height", 720)
        .put("mp4_url", FlowStubs.httpBase(wm) + "/videos/2675_G8EuYJFTsvIyWmKt/720.mp4");
    renditions.addObject().put("name", "vod480n").put("width", 1146).put("height", 480).put("mp4_url", mp4);
    wm.stubFor(get("/streaming/videos/" + VIDEO_ID).willReturn(okJson(v.toString())));
    wm.stubFor(post("/streaming/ai/tasks").withRequestBody(notContaining("subtitles_language"))
        .willReturn(okJson("{\"task_id\":\"task-en\"}")));
    wm.stubFor(post("/streaming/ai/tasks").withRequestBody(matchingJsonPath("$.subtitles_language", equalTo("ger")))
        .willReturn(okJson("{\"task_id\":\"task-de\"}")));
    wm.stubFor(get("/streaming/ai/tasks/task-en").willReturn(okJson(task("task-en", List.of(
        new String[] {"00:00:00.500", "00:00:02.000", "Hello, little snail."},
        new String[] {"00:00:02.500", "00:00:04.500", "Oh, you cute little wasp."},
        new String[] {"00:00:07.000", "00:00:08.000", "Did it, kid."}), "eng"))));
    wm.stubFor(get("/streaming/ai/tasks/task-de").willReturn(okJson(task("task-de", List.of(
        new String[] {"00:00:00.500", "00:00:02.000", "Hallo, Herr Schnecke."},
        new String[] {"00:00:02.500", "00:00:04.500", "Oh, du süße kleine Wespe."},
        new String[] {"00:00:07.000", "00:00:08.000", "Geschafft, Kind."}), "eng"))));
    wm.stubFor(post("/streaming/videos/" + VIDEO_ID + "/subtitles").withRequestBody(matchingJsonPath("$.language",
        equalTo("eng"))).willReturn(okJson("{\"id\":1601,\"name\":\"English (AI)\",\"language\":\"eng\"}")));
    wm.stubFor(post("/streaming/videos/" + VIDEO_ID + "/subtitles").withRequestBody(matchingJsonPath("$.language",
        equalTo("ger"))).willReturn(okJson("{\"id\":1602,\"name\":\"German (AI)\",\"language\":\"ger\"}")));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  /** A SUCCESS task (providers.md §2.3): subtitles with "HH:mm:ss.fff" times, vttContent, languages. */
  static String task(String id, List<String[]> subtitles, String language) {
    ObjectNode t = FlowStubs.M.createObjectNode().put("task_id", id).put("status", "SUCCESS").put("progress", 100);
    ObjectNode result = t.putObject("result");
    ArrayNode subs = result.putArray("subtitles");
    StringBuilder vtt = new StringBuilder("WEBVTT\n\n");
    StringBuilder text = new StringBuilder();
    for (String[] s : subtitles) {
      subs.addObject().put("start_time", s[0]).put("end_time", s[1]).put("text", s[2]);
      vtt.append(s[0]).append(" --> ").append(s[1]).append('\n').append(s[2]).append("\n\n");
      text.append(s[2]).append(' ');
    }
    result.put("vttContent", vtt.toString()).put("concatenated_text", text.toString());
    result.putArray("languages").add(language);
    result.put("speech_detected", true);
    return t.toString();
  }

  @Test
  void cliCaptionsAGcoreVideoTranslatesThroughGcoreAndAttachesEveryTrack() {
    try (FlowCli cli = new FlowCli().configure("gcore", KEY, FlowStubs.httpBase(wm))) {
      FlowCli.Result r = cli.run("caption", "--gcore-video", String.valueOf(VIDEO_ID), "--media", "ffmpeg",
          "--translate", "de", "-f", "vtt", "-o", out.toString());
      assertThat(r.exitCode).as(r.toString()).isZero();
      assertThat(r.err).contains("using media processor ffmpeg and transcriber gcore (Gcore also translates into de)");
      assertThat(r.out).contains("attached en to Gcore video " + VIDEO_ID + " as 'English (AI)' (subtitle 1601)")
          .contains("attached de to Gcore video " + VIDEO_ID);
      String en = FlowStubs.readString(out.resolve("Sprite-Fright.en.vtt"));
      String de = FlowStubs.readString(out.resolve("Sprite-Fright.de.vtt"));
      checkTrack(en, "Hello, little snail.", "Oh, you cute little wasp.", "Did it, kid.");
      checkTrack(de, "Hallo, Herr Schnecke.", "Oh, du süße kleine Wespe.", "Geschafft, Kind.");
      checkRequests(en, de);
    }
  }

  @Test
  void javaFormDoesTheSame() {
    GcoreTranscriber gcore = (GcoreTranscriber) Captions.transcriber("gcore",
        FlowStubs.config("gcore", KEY, FlowStubs.httpBase(wm)));
    GcoreVideos videos = gcore.videos();
    String url = videos.get(VIDEO_ID).asrMp4Url().orElseThrow();
    PipelineResult en = Captions.pipeline().mediaProcessor(FlowMedia.FFMPEG).transcriber(gcore).outputs(out, CaptionFormat.WEBVTT)
        .baseName("Sprite-Fright").build().run(MediaSource.ofUrl(url));
    PipelineResult de = Captions.pipeline().mediaProcessor(FlowMedia.FFMPEG).transcriber(gcore.withSubtitlesLanguage("de"))
        .outputs(out, CaptionFormat.WEBVTT).baseName("Sprite-Fright").build().run(MediaSource.ofUrl(url));
    for (CaptionTrack t : List.of(en.captions(), de.captions())) {
      videos.addSubtitles(VIDEO_ID, java.util.Locale.forLanguageTag(t.language()).getDisplayLanguage(java.util.Locale.ENGLISH)
          + " (AI)", t);
    }
    assertThat(en.mediaDurationMs().orElseThrow()).isBetween(5_900L, 6_100L);
    String enVtt = FlowStubs.readString(out.resolve("Sprite-Fright.en.vtt"));
    String deVtt = FlowStubs.readString(out.resolve("Sprite-Fright.de.vtt"));
    checkTrack(enVtt, "Hello, little snail.", "Oh, you cute little wasp.", "Did it, kid.");
    checkRequests(enVtt, deVtt);
  }

  @Test
  void withEveryKeySetGcoreIsNeverSentExtractedAudio() {
    try (FlowCli cli = new FlowCli().configure("gcore", KEY, FlowStubs.httpBase(wm))
        .configure("ittybit", FlowStubs.ITTYBIT_KEY, FlowStubs.httpBase(wm))) {
      FlowCli.Result r = cli.run("caption", mp4, "--transcriber", "gcore", "-f", "vtt", "-o", out.toString());
      assertThat(r.exitCode).as(r.toString()).isZero();
      // Ittybit would only stand by in front of Gcore: FFmpeg, which can probe the length, is chosen.
      assertThat(r.err).contains("using media processor ffmpeg and transcriber gcore");
      assertThat(r.out).contains("DROPPED_BEYOND_MEDIA 1").doesNotContain("media length unknown");
      // No paid Ittybit audio job; Gcore got the MP4 itself.
      assertThat(FlowStubs.requestLog(wm)).noneMatch(l -> l.startsWith("POST /jobs"));
      List<LoggedRequest> creates = wm.findAll(postRequestedFor(urlEqualTo("/streaming/ai/tasks")));
      assertThat(creates).singleElement().satisfies(c -> assertThat(FlowStubs.body(c).path("url").asText()).isEqualTo(mp4));
      assertThat(out.resolve("480.en.vtt")).exists();
    }
  }

  @Test
  void noMediaProcessorIsAChoiceOnTheCommandLine() {
    try (FlowCli cli = new FlowCli().configure("gcore", KEY, FlowStubs.httpBase(wm))) {
      FlowCli.Result r = cli.run("caption", mp4, "--transcriber", "gcore", "--media", "none", "-f", "vtt",
          "-o", out.toString());
      assertThat(r.exitCode).as(r.toString()).isZero();
      assertThat(r.err).contains("using no media processor and transcriber gcore");
      // Nothing probed the video: its length is unknown, and the report says so.
      assertThat(r.out).contains("media length unknown");
      assertThat(FlowStubs.requestLog(wm)).noneMatch(l -> l.startsWith("GET /videos/"));
    }
  }

  @Test
  void audioIsRefusedBeforeAnyCall() {
    try (FlowCli cli = new FlowCli().configure("gcore", KEY, FlowStubs.httpBase(wm))) {
      FlowCli.Result r = cli.run("caption", FlowStubs.httpBase(wm) + "/videos/talk.wav", "--transcriber", "gcore",
          "--media", "none", "-o", out.toString());
      assertThat(r.exitCode).as(r.toString()).isEqualTo(3);
      assertThat(r.err).contains("Gcore AI ASR takes an MP4 video");
      assertThat(FlowStubs.requestLog(wm)).isEmpty();
    }
  }

  /** Text in order; times inside the 6 s video (the subtitle at 7 s dropped). */
  private static void checkTrack(String vtt, String first, String second, String pastTheEnd) {
    assertThat(vtt).startsWith("WEBVTT");
    assertThat(vtt.replaceAll("\\s+", " ")).containsSubsequence(first, second).doesNotContain(pastTheEnd);
    assertThat(FlowStubs.cueTimes(vtt)).hasSize(2).allSatisfy(t -> assertThat(t[1]).isLessThanOrEqualTo(6_100));
  }

  /** Gcore got the 480p MP4 URL (auto language, then ger) and both tracks as written, named by language. */
  private void checkRequests(String en, String de) {
    List<LoggedRequest> creates = wm.findAll(postRequestedFor(urlEqualTo("/streaming/ai/tasks")));
    assertThat(creates).hasSize(2);
    for (LoggedRequest c : creates) {
      JsonNode b = FlowStubs.body(c);
      assertThat(c.getHeader("Authorization")).isEqualTo("APIKey " + KEY);
      assertThat(b.path("task_name").asText()).isEqualTo("transcription");
      assertThat(b.path("url").asText()).isEqualTo(mp4);
      assertThat(b.has("audio_language")).isFalse();
    }
    assertThat(creates).extracting(c -> FlowStubs.body(c).path("subtitles_language").asText(""))
        .containsExactlyInAnyOrder("", "ger");
    List<LoggedRequest> attach = wm.findAll(postRequestedFor(urlEqualTo("/streaming/videos/" + VIDEO_ID + "/subtitles")));
    assertThat(attach).extracting(FlowStubs::body).containsExactly(
        FlowStubs.M.createObjectNode().put("name", "English (AI)").put("language", "eng").put("vtt", en),
        FlowStubs.M.createObjectNode().put("name", "German (AI)").put("language", "ger").put("vtt", de));
  }
}
