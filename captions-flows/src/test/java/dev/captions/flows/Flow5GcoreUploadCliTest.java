package dev.captions.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.Captions;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.provider.gcore.GcoreSubtitle;
import dev.captions.provider.gcore.GcoreTranscriber;
import dev.captions.provider.gcore.GcoreVideo;
import dev.captions.provider.gcore.GcoreVideos;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow 5 (seed {@code gcore-ai-captions-via-api.md}): create a Gcore video from a URL with
 * {@code auto_transcribe_audio_language: auto} and translations, wait for the subtitles Gcore generates and download
 * them. One CLI command: {@code captions gcore upload URL --name … --auto-transcribe auto --translate de,es --wait}.
 */
class Flow5GcoreUploadCliTest {
  static final String KEY = "gcore-upload-SECRET-key";
  static final String ORIGIN = "https://demo-files.gvideo.io/apidocs/spritefright-blender-cut30sec.mp4";
  static final long ID = 4431001;

  WireMockServer wm;
  @TempDir Path out;

  @BeforeEach
  void start() {
    wm = FlowStubs.server();
    // gcore-python types the create response as a list of videos (providers.md §2.4).
    wm.stubFor(post("/streaming/videos").willReturn(okJson("[{\"id\":" + ID + ",\"name\":\"Spritefright Blender\","
        + "\"status\":\"pending\",\"converted_videos\":[]}]")));
    // The subtitles appear while Gcore works: none, then the original, then all three.
    String url = "/streaming/videos/" + ID + "/subtitles";
    wm.stubFor(get(url).inScenario("asr").whenScenarioStateIs(Scenario.STARTED).willReturn(okJson("[]"))
        .willSetStateTo("one"));
    wm.stubFor(get(url).inScenario("asr").whenScenarioStateIs("one").willReturn(okJson(subtitles(1)))
        .willSetStateTo("all"));
    wm.stubFor(get(url).inScenario("asr").whenScenarioStateIs("all").willReturn(okJson(subtitles(3))));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  /** The first {@code n} of the tracks Gcore attaches: English (detected), German, Spanish. */
  static String subtitles(int n) {
    String[][] all = {{"eng", "English", "Hello, Mr. Snail."}, {"ger", "German", "Hallo, Herr Schnecke."},
        {"spa", "Spanish", "Hola, señor Caracol."}};
    ArrayNode list = FlowStubs.M.createArrayNode();
    for (int i = 0; i < n; i++) {
      list.addObject().put("id", 1700 + i).put("name", all[i][1] + " (AI)").put("language", all[i][0])
          .put("vtt", "WEBVTT\n\n00:00:17.648 --> 00:00:18.868\n" + all[i][2] + "\n");
    }
    return list.toString();
  }

  @Test
  void cliUploadsWithAutoTranscriptionWaitsAndDownloadsEveryTrack() throws Exception {
    try (FlowCli cli = new FlowCli().configure("gcore", KEY, FlowStubs.httpBase(wm))) {
      FlowCli.Result r = cli.run("gcore", "upload", ORIGIN, "--name", "Spritefright Blender", "--auto-transcribe",
          "auto", "--translate", "de,es", "--wait", "-o", out.toString());
      assertThat(r.exitCode).as(r.toString()).isZero();
      assertThat(r.out).contains("created Gcore video " + ID);
      for (String[] f : new String[][] {{"en", "Hello, Mr. Snail."}, {"de", "Hallo, Herr Schnecke."},
          {"es", "Hola, señor Caracol."}}) {
        Path file = out.resolve("Spritefright-Blender." + f[0] + ".vtt");
        assertThat(r.out).contains(file.toString());
        String vtt = FlowStubs.readString(file);
        assertThat(vtt).contains(f[1]);
        assertThat(CaptionCodecs.forFormat(CaptionFormat.WEBVTT).validate(new StringReader(vtt)))
            .noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
      }
      checkCreateBody();
      assertThat(wm.findAll(getRequestedFor(urlEqualTo("/streaming/videos/" + ID + "/subtitles")))).hasSize(3);
    }
  }

  @Test
  void javaFormDoesTheSame() {
    GcoreVideos videos = ((GcoreTranscriber) Captions.transcriber("gcore",
        FlowStubs.config("gcore", KEY, FlowStubs.httpBase(wm)))).videos();
    GcoreVideo v = videos.create("Spritefright Blender", ORIGIN, "auto", List.of("de", "es"));
    List<GcoreSubtitle> subs = videos.awaitSubtitles(v.id(), 3, Duration.ofSeconds(10));
    assertThat(subs).extracting(s -> s.bcp47().orElseThrow()).containsExactly("en", "de", "es");
    assertThat(subs.get(2).vtt()).hasValueSatisfying(vtt -> assertThat(vtt).contains("Hola, señor Caracol."));
    checkCreateBody();
  }

  @Test
  void withoutWaitTheCommandReturnsTheVideoId() {
    try (FlowCli cli = new FlowCli().configure("gcore", KEY, FlowStubs.httpBase(wm))) {
      FlowCli.Result r = cli.run("gcore", "upload", ORIGIN, "--name", "Spritefright Blender");
      assertThat(r.exitCode).as(r.toString()).isZero();
      assertThat(r.out).contains("created Gcore video " + ID);
      assertThat(wm.findAll(getRequestedFor(urlEqualTo("/streaming/videos/" + ID + "/subtitles")))).isEmpty();
    }
  }

  /** The seed's attributes, with BCP-47 mapped to Gcore's codes, in gcore-python's {"video": {...}} form. */
  private void checkCreateBody() {
    List<LoggedRequest> creates = wm.findAll(postRequestedFor(urlEqualTo("/streaming/videos")));
    assertThat(creates).singleElement().satisfies(c -> {
      assertThat(c.getHeader("Authorization")).isEqualTo("APIKey " + KEY);
      assertThat(FlowStubs.body(c)).isEqualTo(FlowStubs.read("{\"video\":{\"name\":\"Spritefright Blender\","
          + "\"origin_url\":\"" + ORIGIN + "\",\"auto_transcribe_audio_language\":\"auto\","
          + "\"auto_translate_subtitles_language\":\"ger,spa\"}}"));
    });
  }
}
