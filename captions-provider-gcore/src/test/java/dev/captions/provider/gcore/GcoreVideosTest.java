package dev.captions.provider.gcore;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GcoreVideosTest {
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  GcoreVideos videos() {
    return GcoreVideos.builder().apiKey("k-videos-secret").baseUrl(wm.baseUrl()).build();
  }

  @Test
  void readsRenditionsAndPicks480pForAsr() {
    wm.stubFor(get("/streaming/videos/4428031").willReturn(okJson(GcoreTranscriberTest.body("video.json"))));
    GcoreVideo v = videos().get(4428031);
    assertThat(v.renditions()).hasSize(3);
    assertThat(v.asrMp4Url()).hasValue("https://demo-public.gvideo.io/videos/2675_G8EuYJFTsvIyWmKt/480.mp4");
  }

  @Test
  void attachesWebVttWithGcoreLanguageCode() {
    wm.stubFor(post("/streaming/videos/4428031/subtitles").willReturn(okJson(GcoreTranscriberTest.body("subtitle-created.json"))));
    GcoreSubtitle s = videos().addSubtitles(4428031, "English (AI)", "en", "WEBVTT\n\n1\n00:00:17.648 --> 00:00:18.868\nHello, Mr. Snail.\n\n");
    assertThat(s.id()).isEqualTo(1601);
    wm.verify(postRequestedFor(urlEqualTo("/streaming/videos/4428031/subtitles"))
        .withHeader("Authorization", equalTo("APIKey k-videos-secret"))
        .withRequestBody(matchingJsonPath("$.language", equalTo("eng")))
        .withRequestBody(matchingJsonPath("$.vtt", containing("Hello, Mr. Snail."))));
  }

  @Test
  void oversizedSubtitlesAreRejectedBeforeSending() {
    String big = "WEBVTT\n\n" + "x".repeat(GcoreVideos.MAX_SUBTITLE_BYTES);
    assertThatThrownBy(() -> videos().addSubtitles(1, "big", "en", big))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5 MB");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void createsVideoWithAutoTranscriptionAndReadsTheListResponse() {
    wm.stubFor(post("/streaming/videos").willReturn(okJson(GcoreTranscriberTest.body("video-created-list.json"))));
    GcoreVideo v = videos().create("Spritefright Blender",
        "https://demo-files.gvideo.io/apidocs/spritefright-blender-cut30sec.mp4", "auto", List.of("en", "fr", "de"));
    assertThat(v.id()).isEqualTo(4428099);
    wm.verify(postRequestedFor(urlEqualTo("/streaming/videos")).withRequestBody(equalToJson(
        "{\"video\":{\"name\":\"Spritefright Blender\",\"origin_url\":\"https://demo-files.gvideo.io/apidocs/spritefright-blender-cut30sec.mp4\","
            + "\"auto_transcribe_audio_language\":\"auto\",\"auto_translate_subtitles_language\":\"eng,fre,ger\"}}")));
  }
}
