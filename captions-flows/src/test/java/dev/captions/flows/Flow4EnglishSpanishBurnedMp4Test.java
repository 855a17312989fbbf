package dev.captions.flows;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.Captions;
import dev.captions.PipelineResult;
import dev.captions.codec.CaptionFormat;
import dev.captions.media.ffmpeg.FfmpegMediaProcessor;
import dev.captions.model.Frame;
import dev.captions.model.MediaInfo;
import dev.captions.model.MediaSource;
import dev.captions.shaping.StyleProfile;
import dev.captions.spi.FrameOptions;
import dev.captions.spi.ProviderConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow 4 (seed {@code nemovideo-caption-generator.md}, "add captions in English and Spanish to my video" and "export
 * MP4"): one pipeline call gives English and Spanish caption files and an MP4 with the captions burned in. Local
 * FFmpeg does the media work (probe, audio extraction, burn-in) on a video generated at test time; OpenAI whisper-1
 * transcribes and GPT-4o translates, both against WireMock.
 */
class Flow4EnglishSpanishBurnedMp4Test {
  static final FfmpegMediaProcessor FFMPEG = FfmpegMediaProcessor.create();

  WireMockServer wm;
  @TempDir Path in;
  @TempDir Path out;

  @BeforeEach
  void start() {
    wm = FlowStubs.server();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  @Test
  void oneCallGivesEnglishAndSpanishTracksWithEqualTimingAndABurnedInMp4() throws Exception {
    Path video = blueVideoWithTone(in.resolve("tutorial.mp4"), 6);

    // whisper-1 verbose_json: three phrases inside the 6 s video, with word times.
    List<String> english = List.of("Welcome to the tutorial.", "Today we add captions.", "In two languages.");
    wm.stubFor(post(FlowStubs.OPENAI_TRANSCRIPTIONS).willReturn(FlowStubs.openAiJson(FlowStubs.whisperVerbose(6.0,
        new Object[][] {{0.5, 2.0, english.get(0)}, {2.6, 4.2, english.get(1)}, {4.8, 5.9, english.get(2)}}))));
    // GPT-4o: the same ids back, in Spanish.
    List<String> spanish = List.of("Bienvenidos al tutorial.", "Hoy añadimos subtítulos.", "En dos idiomas.");
    StringBuilder cues = new StringBuilder("{\"cues\":[");
    for (int i = 0; i < spanish.size(); i++) {
      cues.append(i > 0 ? "," : "").append("{\"id\":\"").append(i + 1).append("\",\"text\":\"").append(spanish.get(i))
          .append("\"}");
    }
    String translation = cues.append("]}").toString();
    wm.stubFor(post(FlowStubs.OPENAI_CHAT).withRequestBody(containing("into es"))
        .willReturn(FlowStubs.openAiJson(FlowStubs.chatCompletion(translation))));

    ProviderConfig openai = FlowStubs.config("openai", FlowStubs.OPENAI_KEY, FlowStubs.httpBase(wm) + "/v1");
    PipelineResult result = Captions.pipeline()
        .mediaProcessor(FFMPEG)
        .transcriber(Captions.transcriber("openai", openai))
        .translator(Captions.translator("openai", openai))
        .spokenLanguage("en").translateTo("es")
        .outputs(out, CaptionFormat.WEBVTT, CaptionFormat.SRT)
        .burnIn(true)
        .build()
        .run(MediaSource.of(video));

    // Every file, written where asked.
    Path burned = out.resolve("tutorial.captioned.mp4");
    assertThat(result.files()).containsExactlyInAnyOrder(out.resolve("tutorial.en.vtt"), out.resolve("tutorial.en.srt"),
        out.resolve("tutorial.es.vtt"), out.resolve("tutorial.es.srt"), burned);
    assertThat(result.tracks().keySet()).containsExactly("en", "es");

    // Both languages: the same number of cues at the same times, in both formats; the texts of each language.
    for (CaptionFormat f : List.of(CaptionFormat.WEBVTT, CaptionFormat.SRT)) {
      String en = FlowStubs.readString(out.resolve("tutorial.en." + f.extension()));
      String es = FlowStubs.readString(out.resolve("tutorial.es." + f.extension()));
      assertThat(FlowStubs.cueTimes(en)).hasSize(3);
      assertThat(FlowStubs.cueTimeStrings(es)).containsExactlyElementsOf(FlowStubs.cueTimeStrings(en));
      assertThat(en.replaceAll("\\s+", " ")).contains(english);
      assertThat(es.replaceAll("\\s+", " ")).contains(spanish).doesNotContain(english.get(0));
    }
    String enVtt = FlowStubs.readString(out.resolve("tutorial.en.vtt"));
    assertThat(enVtt).startsWith("WEBVTT");
    // Each cue starts when its phrase does and ends after it, at most the profile's linger later, before the next cue
    // and inside the video.
    long[][] spoken = {{500, 2000}, {2600, 4200}, {4800, 5900}};
    List<long[]> times = FlowStubs.cueTimes(enVtt);
    for (int i = 0; i < spoken.length; i++) {
      long next = i + 1 < spoken.length ? times.get(i + 1)[0] : 6_000;
      assertThat(times.get(i)[0]).isEqualTo(spoken[i][0]);
      assertThat(times.get(i)[1]).isBetween(spoken[i][1], Math.min(next, spoken[i][1] + StyleProfile.NETFLIX_EN.maxLingerMs()));
    }

    // The burned MP4: a new, playable video as long as the input, with the English captions in the picture.
    assertThat(result.captionedVideo().orElseThrow().source().path()).isEqualTo(burned);
    assertThat(Files.size(burned)).isPositive();
    assertThat(Arrays.equals(Files.readAllBytes(burned), Files.readAllBytes(video))).isFalse();
    MediaInfo info = FFMPEG.probe(MediaSource.of(burned));
    assertThat(info.hasVideo()).isTrue();
    assertThat(info.hasAudio()).isTrue();
    assertThat(info.durationMs()).isBetween(5_500L, 6_500L);
    // At 1.2 s the first caption is on screen: the plain blue source has no light pixels there, the burned video has.
    assertThat(lightPixels(frameAt(video, 1_200))).isZero();
    assertThat(lightPixels(frameAt(burned, 1_200))).isGreaterThan(50);

    // whisper-1: the extracted audio uploaded as multipart with verbose_json and word + segment timestamps.
    List<LoggedRequest> transcriptions = wm.findAll(postRequestedFor(urlEqualTo(FlowStubs.OPENAI_TRANSCRIPTIONS)));
    assertThat(transcriptions).hasSize(1);
    LoggedRequest t = transcriptions.get(0);
    assertThat(t.getHeader("Authorization")).isEqualTo("Bearer " + FlowStubs.OPENAI_KEY);
    assertThat(t.getHeader("Content-Type")).startsWith("multipart/form-data");
    Map<String, List<String>> parts = t.getParts().stream().collect(Collectors.groupingBy(Request.Part::getName,
        Collectors.mapping(p -> p.getBody().asString(), Collectors.toList())));
    assertThat(parts.get("model")).containsExactly("whisper-1");
    assertThat(parts.get("language")).containsExactly("en");
    assertThat(parts.get("response_format")).containsExactly("verbose_json");
    assertThat(parts.get("timestamp_granularities[]")).containsExactlyInAnyOrder("segment", "word");
    Request.Part file = t.getParts().stream().filter(p -> p.getName().equals("file")).findFirst().orElseThrow();
    // Compressed, not PCM WAV (issue 13): the long-media engine uploads the smallest format OpenAI takes and FFmpeg
    // writes (24 kbit/s MP3, with FFmpeg's ID3 tag first).
    assertThat(file.getHeader("Content-Disposition").firstValue()).contains("filename=").contains(".mp3");
    assertThat(new String(file.getBody().asBytes(), 0, 3, StandardCharsets.US_ASCII)).isEqualTo("ID3");

    // GPT-4o translation: the English cue texts with ids, under the cue_translation schema.
    List<LoggedRequest> chats = wm.findAll(postRequestedFor(urlEqualTo(FlowStubs.OPENAI_CHAT)));
    assertThat(chats).hasSize(1);
    JsonNode chat = FlowStubs.body(chats.get(0));
    assertThat(chat.path("model").asText()).isEqualTo("gpt-4o");
    assertThat(chat.path("response_format").path("json_schema").path("name").asText()).isEqualTo("cue_translation");
    assertThat(chat.toString()).contains("into es").contains("Welcome to the tutorial.").contains("\\\"id\\\":\\\"3\\\"");
  }

  /** A solid blue video with a 440 Hz tone, made with the FFmpeg binary the processor found (no media checked in). */
  private static Path blueVideoWithTone(Path file, int seconds) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(FFMPEG.ffmpegPath().toString(), "-hide_banner", "-nostdin",
        "-loglevel", "error", "-y",
        "-f", "lavfi", "-i", "color=c=blue:size=320x240:rate=10:duration=" + seconds,
        "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=" + seconds,
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", file.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("could not generate " + file + " with " + cmd);
    }
    return file;
  }

  private BufferedImage frameAt(Path video, long ms) throws IOException {
    List<Frame> frames = FFMPEG.extractFrames(MediaSource.of(video), FrameOptions.builder().timestampsMs(List.of(ms))
        .format(FrameOptions.Format.PNG).outputDirectory(Files.createTempDirectory(out, "frames")).build());
    return ImageIO.read(frames.get(0).image().path().toFile());
  }

  /** Pixels much brighter than the blue background in all three channels: caption text or its outline's inside. */
  private static int lightPixels(BufferedImage img) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        if (((rgb >> 16) & 0xff) > 180 && ((rgb >> 8) & 0xff) > 180) n++;
      }
    }
    return n;
  }
}
