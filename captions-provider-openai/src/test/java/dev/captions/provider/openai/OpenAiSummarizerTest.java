package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.openai.OpenAiStubs.CHAT;
import static dev.captions.provider.openai.OpenAiStubs.chat;
import static dev.captions.provider.openai.OpenAiStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.captions.InvalidMediaException;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Chapter;
import dev.captions.model.Cue;
import dev.captions.model.Frame;
import dev.captions.model.MediaSource;
import dev.captions.model.TrackKind;
import dev.captions.model.VideoSummary;
import dev.captions.spi.SummaryRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference keyframe-summary flow: frames as image_url parts, a JSON schema reply, chapters. */
class OpenAiSummarizerTest {
  @TempDir Path dir;
  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = OpenAiStubs.server();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void keyframesGoAsImageUrlPartsAndTheReplyBecomesChapters() throws Exception {
    // The seed flow's reply shape (tldr, numeric timestamps) inside a fence, with a chapter past the end.
    String reply = "```json\n{\"title\":\"Product Demo: Dashboard Walkthrough\",\"tldr\":\"A walkthrough of the dashboard.\","
        + "\"chapters\":[{\"timestamp\":0,\"title\":\"Introduction\",\"description\":\"Presenter introduces it\"},"
        + "{\"timestamp\":45,\"title\":\"Key metrics\",\"description\":\"KPI panels\"},"
        + "{\"timestamp\":\"00:02:30\",\"title\":\"Exporting\",\"description\":\"PDF and CSV\"},"
        + "{\"timestamp\":999,\"title\":\"Invented\",\"description\":\"past the end\"}]}\n```";
    wm.stubFor(post(urlEqualTo(CHAT)).willReturn(json(chat(reply, "stop"))));
    Path jpg = dir.resolve("f0.jpg");
    Files.write(jpg, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00});
    SummaryRequest request = SummaryRequest.builder()
        .frames(List.of(Frame.of(0, MediaSource.of(jpg)), Frame.of(45_000, MediaSource.ofUrl("https://cdn.example.com/f45.jpg"))))
        .transcript(CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(Cue.of(0, 2000, "Welcome to the demo."))))
        .mediaDurationMs(240_000L)
        .build();

    VideoSummary s = new OpenAiSummarizer(OpenAiStubs.settings(wm).build()).summarize(request);

    assertThat(s.title()).isEqualTo("Product Demo: Dashboard Walkthrough");
    assertThat(s.summary()).isEqualTo("A walkthrough of the dashboard.");
    assertThat(s.chapters()).containsExactly(Chapter.of(0, "Introduction", "Presenter introduces it"),
        Chapter.of(45_000, "Key metrics", "KPI panels"), Chapter.of(150_000, "Exporting", "PDF and CSV"));
    assertThat(s.toChaptersTrack(240_000).cues()).extracting(Cue::endMs).containsExactly(45_000L, 150_000L, 240_000L);
    wm.verify(postRequestedFor(urlEqualTo(CHAT))
        .withRequestBody(matchingJsonPath("$.messages[1].content[1].type", equalTo("image_url")))
        .withRequestBody(matchingJsonPath("$.messages[1].content[1].image_url.url", equalTo("data:image/jpeg;base64,/9j/AA==")))
        .withRequestBody(matchingJsonPath("$.messages[1].content[1].image_url.detail", equalTo("low")))
        .withRequestBody(matchingJsonPath("$.messages[1].content[2].image_url.url", equalTo("https://cdn.example.com/f45.jpg")))
        .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("video_summary"))));
  }

  @Test
  void aVideoWithoutFramesOrTranscriptIsRejectedBeforeAnyCall() {
    SummaryRequest request = SummaryRequest.builder().video(MediaSource.ofUrl("https://example.com/v.mp4")).build();
    assertThatThrownBy(() -> new OpenAiSummarizer(OpenAiStubs.settings(wm).build()).summarize(request))
        .isInstanceOf(InvalidMediaException.class)
        .hasMessageContaining("keyframes");
    wm.verify(0, postRequestedFor(urlEqualTo(CHAT)));
  }

  @Test
  void aSummaryWithoutTitleIsAProviderError() {
    wm.stubFor(post(urlEqualTo(CHAT)).willReturn(json(chat("{\"summary\":\"x\",\"chapters\":[]}", "stop"))));
    SummaryRequest request = SummaryRequest.builder()
        .transcript(CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(Cue.of(0, 2000, "Hi.")))).build();
    assertThatThrownBy(() -> new OpenAiSummarizer(OpenAiStubs.settings(wm).build()).summarize(request))
        .isInstanceOf(dev.captions.ProviderException.class)
        .hasMessageContaining("no title");
  }
}
