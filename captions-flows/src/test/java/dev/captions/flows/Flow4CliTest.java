package dev.captions.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.captions.Captions;
import dev.captions.PipelineResult;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.MediaInfo;
import dev.captions.model.MediaSource;
import dev.captions.spi.BurnInOptions;
import dev.captions.spi.ProviderConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow 4 (seed {@code nemovideo-caption-generator.md}: "add captions in English and Spanish", "export MP4") as one CLI
 * command on an AVI: English and Spanish tracks with identical times, the Spanish burned into an H.264/AAC MP4 at the
 * size asked, both muxed as soft subtitle streams with their language tags, and the video's summary. Local FFmpeg;
 * OpenAI whisper-1, GPT-4o translation and summary against WireMock.
 */
class Flow4CliTest {
  WireMockServer wm;
  @TempDir Path in;
  @TempDir Path out;
  Path video;

  static final List<String> ENGLISH = List.of("Welcome to the tutorial.", "Today we add captions.", "In two languages.");
  static final List<String> SPANISH = List.of("Bienvenidos al tutorial.", "Hoy añadimos subtítulos.", "En dos idiomas.");

  @BeforeEach
  void start() throws Exception {
    wm = FlowStubs.server();
    video = FlowMedia.blueVideoWithTone(in.resolve("tutorial.avi"), 6);
    wm.stubFor(post(FlowStubs.OPENAI_TRANSCRIPTIONS).willReturn(FlowStubs.openAiJson(FlowStubs.whisperVerbose(6.0,
        new Object[][] {{0.5, 2.0, ENGLISH.get(0)}, {2.6, 4.2, ENGLISH.get(1)}, {4.8, 5.9, ENGLISH.get(2)}}))));
    StringBuilder cues = new StringBuilder("{\"cues\":[");
    for (int i = 0; i < SPANISH.size(); i++) {
      cues.append(i > 0 ? "," : "").append("{\"id\":\"").append(i + 1).append("\",\"text\":\"").append(SPANISH.get(i))
          .append("\"}");
    }
    wm.stubFor(post(FlowStubs.OPENAI_CHAT).atPriority(1).withRequestBody(containing("into es"))
        .willReturn(FlowStubs.openAiJson(FlowStubs.chatCompletion(cues.append("]}").toString()))));
    wm.stubFor(post(FlowStubs.OPENAI_CHAT).atPriority(5).willReturn(FlowStubs.openAiJson(FlowStubs.chatCompletion(
        "{\"title\":\"Captions tutorial\",\"summary\":\"How to add captions in two languages.\",\"chapters\":["
            + "{\"start\":\"00:00:00\",\"title\":\"Welcome\",\"description\":\"The tutorial starts\"},"
            + "{\"start\":\"00:00:04\",\"title\":\"Languages\",\"description\":\"English and Spanish\"}]}"))));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void cliGivesBothTracksTheBurnedSpanishMp4AtTheAskedSizeTheMuxAndTheSummary() throws Exception {
    try (FlowCli cli = new FlowCli().configure("openai", FlowStubs.OPENAI_KEY, FlowStubs.httpBase(wm) + "/v1")) {
      FlowCli.Result r = cli.run("caption", video.toString(), "--media", "ffmpeg", "--transcriber", "openai",
          "--translator", "openai", "--summarizer", "openai", "-l", "en", "-t", "es", "--burn-language", "es",
          "--size", "480p", "--mux", "-o", out.toString());
      assertThat(r.exitCode).as(r.toString()).isZero();
      for (String f : List.of("tutorial.en.vtt", "tutorial.en.srt", "tutorial.es.vtt", "tutorial.es.srt",
          "tutorial.chapters.vtt", "tutorial.summary.json", "tutorial.captioned.mp4", "tutorial.captioned.subtitled.mp4")) {
        assertThat(r.out).contains(out.resolve(f).toString());
      }
      checkTracks();
      checkBurnedSpanish(out.resolve("tutorial.captioned.mp4"));
      checkMuxed(out.resolve("tutorial.captioned.subtitled.mp4"));
      // The summary's three parts, on the console and in summary.json.
      assertThat(r.out).contains("title: Captions tutorial").contains("summary: How to add captions in two languages.")
          .contains("00:00:00.000  Welcome — The tutorial starts").contains("00:00:04.000  Languages — English and Spanish");
      JsonNode json = FlowStubs.read(FlowStubs.readString(out.resolve("tutorial.summary.json")));
      assertThat(json.path("title").asText()).isEqualTo("Captions tutorial");
      assertThat(json.path("summary").asText()).isEqualTo("How to add captions in two languages.");
      assertThat(json.path("chapters")).extracting(c -> c.path("description").asText())
          .containsExactly("The tutorial starts", "English and Spanish");
    }
  }

  @Test
  void javaFormDoesTheSame() throws Exception {
    ProviderConfig openai = FlowStubs.config("openai", FlowStubs.OPENAI_KEY, FlowStubs.httpBase(wm) + "/v1");
    PipelineResult r = Captions.pipeline().mediaProcessor(FlowMedia.FFMPEG)
        .transcriber(Captions.transcriber("openai", openai)).translator(Captions.translator("openai", openai))
        .spokenLanguage("en").translateTo("es").outputs(out, CaptionFormat.WEBVTT, CaptionFormat.SRT)
        .burnIn(BurnInOptions.builder().size(0, 480).build()).burnInLanguage("es").mux(true)
        .build().run(MediaSource.of(video));
    assertThat(r.captionedVideo().orElseThrow().source().path()).isEqualTo(out.resolve("tutorial.captioned.mp4"));
    assertThat(r.subtitledVideo().orElseThrow().source().path())
        .isEqualTo(out.resolve("tutorial.captioned.subtitled.mp4"));
    checkTracks();
    checkBurnedSpanish(out.resolve("tutorial.captioned.mp4"));
    checkMuxed(out.resolve("tutorial.captioned.subtitled.mp4"));
  }

  /** Both languages: the texts in order, the same times in both formats, every cue inside the video. */
  private void checkTracks() {
    long end = FlowMedia.FFMPEG.probe(MediaSource.of(video)).durationMs(); // the AVI's MP3 track runs a little over 6 s
    for (String ext : List.of("vtt", "srt")) {
      String en = FlowStubs.readString(out.resolve("tutorial.en." + ext));
      String es = FlowStubs.readString(out.resolve("tutorial.es." + ext));
      assertThat(en.replaceAll("\\s+", " ")).containsSubsequence(ENGLISH);
      assertThat(es.replaceAll("\\s+", " ")).containsSubsequence(SPANISH);
      assertThat(FlowStubs.cueTimes(en)).hasSize(3).allSatisfy(t -> assertThat(t[1]).isLessThanOrEqualTo(end));
      assertThat(FlowStubs.cueTimeStrings(es)).containsExactlyElementsOf(FlowStubs.cueTimeStrings(en));
    }
  }

  /** An H.264/AAC MP4, 480 lines high, showing a caption at 1.2 s where the AVI's frame is plain blue. */
  private void checkBurnedSpanish(Path burned) throws Exception {
    MediaInfo info = FlowMedia.FFMPEG.probe(MediaSource.of(burned));
    assertThat(info.streams()).extracting(MediaInfo.Stream::type, MediaInfo.Stream::codec).containsExactly(
        Tuple.tuple(MediaInfo.Stream.Type.VIDEO, "h264"), Tuple.tuple(MediaInfo.Stream.Type.AUDIO, "aac"));
    assertThat(info.durationMs()).isBetween(5_500L, 6_500L);
    BufferedImage before = FlowMedia.frameAt(video, 1_200, out);
    BufferedImage after = FlowMedia.frameAt(burned, 1_200, out);
    assertThat(after.getHeight()).isEqualTo(480);
    assertThat(after.getWidth()).isEqualTo(640);
    assertThat(FlowMedia.lightPixelsInCaptionArea(before)).isZero();
    assertThat(FlowMedia.lightPixelsInCaptionArea(after)).isGreaterThan(50);
  }

  /** Both tracks as soft subtitle streams in the MP4, tagged eng and spa. */
  private static void checkMuxed(Path muxed) {
    MediaInfo info = FlowMedia.FFMPEG.probe(MediaSource.of(muxed));
    assertThat(info.streams()).filteredOn(s -> s.type() == MediaInfo.Stream.Type.SUBTITLE)
        .extracting(MediaInfo.Stream::codec, MediaInfo.Stream::language)
        .containsExactly(Tuple.tuple("mov_text", "eng"), Tuple.tuple("mov_text", "spa"));
    assertThat(info.hasVideo()).isTrue();
    assertThat(info.hasAudio()).isTrue();
  }
}
