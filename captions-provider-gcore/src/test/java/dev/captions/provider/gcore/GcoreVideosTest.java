package dev.captions.provider.gcore;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.captions.AuthenticationException;
import dev.captions.ProviderException;
import java.nio.charset.StandardCharsets;
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

  static final String SUBTITLES = "/streaming/videos/4428031/subtitles";

  @Test
  void subtitlesOfExactlyTheLimitAreSentAndOneByteMoreIsRejectedBeforeAnyRequest() {
    wm.stubFor(post(SUBTITLES).willReturn(okJson(GcoreTranscriberTest.body("subtitle-created.json"))));
    // "é" is two bytes of UTF-8: the limit is on bytes, so a check on characters (half as many) would let "over" through
    String header = "WEBVTT\n\n";
    String atLimit = header + "é".repeat((GcoreVideos.MAX_SUBTITLE_BYTES - header.length()) / 2);
    assertThat(atLimit.getBytes(StandardCharsets.UTF_8)).hasSize(GcoreVideos.MAX_SUBTITLE_BYTES);
    assertThat(GcoreVideos.MAX_SUBTITLE_BYTES).as("Gcore documents 5 MB").isEqualTo(5_000_000);

    String over = atLimit + "x";
    assertThatThrownBy(() -> videos().addSubtitles(4428031, "big", "en", over))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5000001 bytes").hasMessageContaining("5 MB").hasMessageContaining("5000000 bytes");
    assertThat(wm.getAllServeEvents()).isEmpty();

    assertThat(videos().addSubtitles(4428031, "big", "en", atLimit).id()).isEqualTo(1601);
    wm.verify(1, postRequestedFor(urlEqualTo(SUBTITLES)));
  }

  @Test
  void topLevelMp4UrlIsUsedWhenNoRenditionIsSuitable() {
    String top = "https://demo-public.gvideo.io/videos/2675_G8EuYJFTsvIyWmKt/qid1v1.mp4";
    // renditions without mp4_url (MP4 delivery off for the renditions), and one below 240p: both lose to mp4_url
    wm.stubFor(get("/streaming/videos/1").willReturn(okJson("{\"id\":1,\"name\":\"a\",\"status\":\"ready\","
        + "\"mp4_url\":\"" + top + "\",\"converted_videos\":[{\"name\":\"vod480n\",\"width\":854,\"height\":480,"
        + "\"mp4_url\":null},{\"name\":\"vod144n\",\"width\":256,\"height\":144,"
        + "\"mp4_url\":\"https://demo-public.gvideo.io/videos/2675_G8EuYJFTsvIyWmKt/144.mp4\"}]}")));
    GcoreVideo v = videos().get(1);
    assertThat(v.mp4Url()).hasValue(top);
    assertThat(v.asrMp4Url()).hasValue(top);

    // no mp4_url at all: the small rendition is still better than nothing
    wm.stubFor(get("/streaming/videos/2").willReturn(okJson("{\"id\":2,\"status\":\"ready\",\"converted_videos\":"
        + "[{\"name\":\"vod144n\",\"width\":256,\"height\":144,"
        + "\"mp4_url\":\"https://demo-public.gvideo.io/videos/2675_G8EuYJFTsvIyWmKt/144.mp4\"}]}")));
    assertThat(videos().get(2).asrMp4Url()).hasValue("https://demo-public.gvideo.io/videos/2675_G8EuYJFTsvIyWmKt/144.mp4");

    // a video still being transcoded has neither
    wm.stubFor(get("/streaming/videos/3").willReturn(okJson(
        "{\"id\":3,\"status\":\"pending\",\"mp4_url\":\"\",\"converted_videos\":[]}")));
    assertThat(videos().get(3).asrMp4Url()).isEmpty();
  }

  @Test
  void unauthorizedIsAuthenticationExceptionWithoutTheKey() {
    wm.stubFor(get("/streaming/videos/4428031").willReturn(aResponse().withStatus(401)
        .withBody("{\"detail\":\"Invalid token\"}")));
    assertThatThrownBy(() -> videos().get(4428031))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("API key")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("k-videos-secret"));
    wm.verify(1, getRequestedFor(urlEqualTo("/streaming/videos/4428031")));
  }

  @Test
  void unknownVideoIsANotFoundErrorNamingTheId() {
    wm.stubFor(get("/streaming/videos/999").willReturn(aResponse().withStatus(404)
        .withBody("{\"detail\":\"Not found.\"}")));
    assertThatThrownBy(() -> videos().get(999))
        .isExactlyInstanceOf(ProviderException.class)
        .hasMessageContaining("video 999 does not exist").hasMessageContaining("Not found.")
        .satisfies(e -> {
          assertThat(((ProviderException) e).httpStatus()).isEqualTo(404);
          assertThat(((ProviderException) e).isRetryable()).isFalse();
        });
    wm.verify(1, getRequestedFor(urlEqualTo("/streaming/videos/999")));
  }

  @Test
  void subtitlesRefusedWith422SayThatAiIsDisabled() {
    // Gcore documents the 422 but not its body; any text is kept as Gcore's message
    wm.stubFor(post(SUBTITLES).willReturn(aResponse().withStatus(422)
        .withBody("{\"detail\":\"AI features are not enabled for this client\"}")));
    assertThatThrownBy(() -> videos().addSubtitles(4428031, "English (AI)", "en", "WEBVTT\n\n"))
        .isExactlyInstanceOf(ProviderException.class)
        .hasMessageContaining("AI is disabled on the account").hasMessageContaining("video 4428031")
        .hasMessageContaining("AI features are not enabled for this client")
        .satisfies(e -> {
          assertThat(((ProviderException) e).httpStatus()).isEqualTo(422);
          assertThat(((ProviderException) e).isRetryable()).isFalse();
        });
    wm.verify(1, postRequestedFor(urlEqualTo(SUBTITLES)));
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
