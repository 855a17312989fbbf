package dev.captions.provider.gcore;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.captions.provider.gcore.GcoreTranscriberTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.Captions;
import dev.captions.PipelineResult;
import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.MediaSource;
import dev.captions.spi.ProviderConfig;
import dev.captions.webvtt.WebVttCodec;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 6, flow 2 (seeds gcore-ai-asr-subtitles.md / gcore-ai-captions-via-api.md) end to end through the public API:
 * read the video's 480p MP4, transcribe it with automatic language detection, again with {@code subtitles_language}
 * translation, and attach both shaped tracks, rendered by the real WebVTT codec, to the video.
 */
class Flow2GcoreAiSubtitlesTest {
  static final String KEY = "flow2-gcore-SECRET-key";
  static final long VIDEO_ID = 4428031;
  static final String MP4_480 = "https://demo-public.gvideo.io/videos/2675_G8EuYJFTsvIyWmKt/480.mp4";
  static final String TRANSLATION_TASK = "9b1e2f00-0000-4000-8000-00000000beef";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  final ObjectMapper json = new ObjectMapper();

  void stubGcore() {
    wm.stubFor(get("/streaming/videos/" + VIDEO_ID).willReturn(okJson(body("video.json"))));
    // the plain transcription task, then the translating one: told apart by the body like Gcore's own routing would
    wm.stubFor(post("/streaming/ai/tasks").withRequestBody(notContaining("subtitles_language"))
        .willReturn(okJson(body("task-created.json"))));
    wm.stubFor(post("/streaming/ai/tasks").withRequestBody(matchingJsonPath("$.subtitles_language", equalTo("ger")))
        .willReturn(okJson("{\"task_id\":\"" + TRANSLATION_TASK + "\"}")));
    wm.stubFor(get("/streaming/ai/tasks/" + GcoreTranscriberTest.TASK).willReturn(okJson(body("task-success.json"))));
    wm.stubFor(get("/streaming/ai/tasks/" + TRANSLATION_TASK).willReturn(okJson(body("task-success-translated.json"))));
    wm.stubFor(post("/streaming/videos/" + VIDEO_ID + "/subtitles").willReturn(okJson(body("subtitle-created.json"))));
  }

  @Test
  void transcribeAutoDetectTranslateAndAttachWebVtt() throws Exception {
    stubGcore();
    CaptionCodec webvtt = CaptionCodecs.forFormat(CaptionFormat.WEBVTT);
    assertThat(webvtt).as("the real codec from captions-webvtt").isInstanceOf(WebVttCodec.class);

    // configured like an application would be: by name, key and base URL from the configuration
    GcoreTranscriber gcore = (GcoreTranscriber) new GcoreTranscriberFactory().create(ProviderConfig.builder("gcore")
        .environment(k -> null).systemProperties(k -> null).apiKey(KEY).baseUrl(wm.baseUrl())
        .set("pollIntervalMs", "5").set("pollMaxIntervalMs", "20").build());
    GcoreVideos videos = gcore.videos();
    String mp4 = videos.get(VIDEO_ID).asrMp4Url().orElseThrow();
    assertThat(mp4).isEqualTo(MP4_480);

    // 1. auto language detection: no audio_language sent, the detected language is the track's
    PipelineResult original = Captions.pipeline().transcriber(gcore).withoutMediaProcessor().build().run(MediaSource.ofUrl(mp4));
    CaptionTrack english = original.captions();
    assertThat(english.language()).isEqualTo("en");
    assertThat(english.cues()).isNotEmpty();
    assertThat(String.join(" ", english.cues().stream().map(Cue::text).toList()))
        .contains("Hello, Mr. Snail.").contains("Did it, kid.");

    // 2. the same with translation through subtitles_language
    PipelineResult translated = Captions.pipeline().transcriber(gcore.withSubtitlesLanguage("de")).withoutMediaProcessor().build()
        .run(MediaSource.ofUrl(mp4));
    CaptionTrack german = translated.captions();
    assertThat(german.language()).isEqualTo("de");
    assertThat(String.join(" ", german.cues().stream().map(Cue::text).toList())).contains("Hallo, Herr Schnecke.");
    assertThat(german.cues().get(0).startMs()).isEqualTo(english.cues().get(0).startMs());

    List<LoggedRequest> creates = wm.findAll(postRequestedFor(urlEqualTo("/streaming/ai/tasks")));
    assertThat(creates).hasSize(2);
    JsonNode auto = json.readTree(creates.get(0).getBodyAsString());
    assertThat(auto.get("url").asText()).isEqualTo(MP4_480);
    assertThat(auto.has("audio_language")).as("auto-detect sends no audio_language").isFalse();
    assertThat(json.readTree(creates.get(1).getBodyAsString()).get("subtitles_language").asText()).isEqualTo("ger");

    // 3. attach both shaped tracks as WebVTT
    assertThat(videos.addSubtitles(VIDEO_ID, "English (AI)", english).id()).isEqualTo(1601);
    videos.addSubtitles(VIDEO_ID, "Deutsch (AI)", german);

    List<LoggedRequest> uploads = wm.findAll(postRequestedFor(urlEqualTo("/streaming/videos/" + VIDEO_ID + "/subtitles"))
        .withHeader("Authorization", equalTo("APIKey " + KEY)));
    assertThat(uploads).hasSize(2);
    assertUploadIs(uploads.get(0), "English (AI)", "eng", english, webvtt);
    assertUploadIs(uploads.get(1), "Deutsch (AI)", "ger", german, webvtt);
  }

  private void assertUploadIs(LoggedRequest upload, String name, String gcoreLanguage, CaptionTrack track,
      CaptionCodec webvtt) throws Exception {
    JsonNode body = json.readTree(upload.getBodyAsString());
    assertThat(body.get("name").asText()).isEqualTo(name);
    assertThat(body.get("language").asText()).isEqualTo(gcoreLanguage);
    String vtt = body.get("vtt").asText();
    assertThat(vtt).isEqualTo(webvtt.writeToString(track));
    // what Gcore receives is valid WebVTT that reads back to the very cues the pipeline shaped
    assertThat(webvtt.validate(new StringReader(vtt))).noneMatch(d -> d.severity() == dev.captions.codec.Diagnostic.Severity.ERROR);
    ParseResult back = webvtt.read(new StringReader(vtt));
    assertThat(back.track().cues()).extracting(Cue::startMs, Cue::endMs, Cue::text)
        .containsExactlyElementsOf(track.cues().stream()
            .map(c -> org.assertj.core.groups.Tuple.tuple(c.startMs(), c.endMs(), c.text())).toList());
  }
}
