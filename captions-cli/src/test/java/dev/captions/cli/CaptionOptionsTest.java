package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.media.ffmpeg.FfmpegMediaProcessor;
import dev.captions.model.CaptionTrack;
import dev.captions.model.MediaInfo;
import dev.captions.model.MediaSource;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every option of {@code captions caption} that picks a provider or adds an output, in one real run on the shipped
 * sample: FFmpeg and Vosk named explicitly, translation and summary by the test-scope {@link StubProviders} (no
 * network), JSON output and burn-in.
 */
class CaptionOptionsTest {
  @TempDir static Path out;
  static Cli run;

  @BeforeAll
  static void captionWithEveryOption() {
    run = Cli.run("caption", SampleEndToEndTest.SAMPLE.toString(), "-o", out.toString(), "-f", "vtt,json",
        "--transcriber", "vosk", "--media", "ffmpeg", "--language", "en", "--translate", "es,fr", "--translator", "stub",
        "--summary", "--summarizer", "stub", "--burn", "--profile", "bbc",
        "--burn-position", "top", "--burn-color", "yellow", "--burn-size", "24");
    assertThat(run.exitCode).as(run.toString()).isZero();
  }

  @Test
  void writesTheRequestedFormatsOnly() {
    assertThat(out.resolve("talk.en.vtt")).isNotEmptyFile();
    assertThat(out.resolve("talk.en.json")).isNotEmptyFile();
    assertThat(out.resolve("talk.en.srt")).doesNotExist();
    assertThat(run.out).contains(out.resolve("talk.en.vtt").toString(), out.resolve("talk.en.json").toString());
    assertThat(run.out).as("--profile bbc reaches the shaper").contains("bbc: ");
  }

  @Test
  void jsonOutputParsesWithTimedCues() throws Exception {
    JsonNode root = new ObjectMapper().readTree(out.resolve("talk.en.json").toFile());
    assertThat(root.path("language").asText()).isEqualTo("en");
    assertThat(root.path("cues").size()).isGreaterThanOrEqualTo(4);
    for (JsonNode cue : root.path("cues")) {
      assertThat(cue.path("endTime").asDouble()).isGreaterThan(cue.path("startTime").asDouble());
      assertThat(cue.path("text").asText()).isNotBlank();
    }
    // And our own reader takes it back without complaint.
    ParseResult back = read(out.resolve("talk.en.json"), CaptionFormat.JSON);
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.track().cues()).hasSize(root.path("cues").size());
  }

  @Test
  void translationsAreWrittenPerLanguageInEveryFormat() throws Exception {
    CaptionTrack english = read(out.resolve("talk.en.vtt"), CaptionFormat.WEBVTT).track();
    for (String lang : List.of("es", "fr")) {
      for (String ext : List.of("vtt", "json")) {
        Path file = out.resolve("talk." + lang + "." + ext);
        assertThat(run.out).contains(file.toString());
        CaptionTrack t = read(file, CaptionFormat.from(ext)).track();
        assertThat(t.cues()).hasSameSizeAs(english.cues());
        for (int i = 0; i < t.cues().size(); i++) {
          assertThat(t.cues().get(i).text()).startsWith("[" + lang + "] ");
          assertThat(t.cues().get(i).startMs()).isEqualTo(english.cues().get(i).startMs());
        }
        if (ext.equals("json")) assertThat(t.language()).isEqualTo(lang);
      }
    }
  }

  @Test
  void summaryWritesChaptersAndATitle() throws Exception {
    Path chapters = out.resolve("talk.chapters.vtt");
    // All three parts on the console: title, one sentence, every chapter with its time, title and description.
    assertThat(run.out).contains(chapters.toString()).containsPattern("title: .+")
        .containsPattern("summary: .+").containsPattern("chapters \\(\\d+\\):")
        .containsPattern("\\n    00:00:00\\.\\d{3}  .+");
    assertThat(run.out).contains(out.resolve("talk.summary.json").toString());
    CaptionTrack english = read(out.resolve("talk.en.vtt"), CaptionFormat.WEBVTT).track();
    CaptionTrack t = read(chapters, CaptionFormat.WEBVTT).track();
    // The stub makes one chapter per cue (at most 10, the default); each runs until the next, so they tile the video.
    assertThat(t.cues()).hasSize(Math.min(10, english.cues().size()));
    for (int i = 0; i < t.cues().size(); i++) {
      assertThat(t.cues().get(i).startMs()).isEqualTo(english.cues().get(i).startMs());
      assertThat(t.cues().get(i).text()).isEqualTo(english.cues().get(i).text().replace('\n', ' '));
      if (i > 0) assertThat(t.cues().get(i).startMs()).isEqualTo(t.cues().get(i - 1).endMs());
    }
  }

  @Test
  void burnWritesAPlayableVideoOfTheSameLength() {
    Path burned = out.resolve("talk.captioned.mp4");
    assertThat(run.out).contains(burned.toString());
    FfmpegMediaProcessor ffmpeg = FfmpegMediaProcessor.create();
    MediaInfo original = ffmpeg.probe(MediaSource.of(SampleEndToEndTest.SAMPLE));
    MediaInfo info = ffmpeg.probe(MediaSource.of(burned));
    assertThat(info.hasVideo()).isTrue();
    assertThat(info.hasAudio()).isTrue();
    assertThat(info.streams()).filteredOn(s -> s.type() == MediaInfo.Stream.Type.VIDEO)
        .extracting(MediaInfo.Stream::codec).containsExactly("h264");
    assertThat(info.durationMs()).isBetween(original.durationMs() - 200, original.durationMs() + 200);
    // Decodable to the end: a frame near the end comes out.
    assertThat(ffmpeg.extractFrames(MediaSource.of(burned), dev.captions.spi.FrameOptions.builder()
        .timestampsMs(List.of(info.durationMs() - 500)).outputDirectory(out.resolve("frames")).build())).hasSize(1);
  }

  @Test
  void burnStyleFlagsReachTheBurnedPicture() throws Exception {
    // --burn-position top --burn-color yellow: yellow text in the top third of the frame, none in the bottom third.
    CaptionTrack english = read(out.resolve("talk.en.vtt"), CaptionFormat.WEBVTT).track();
    long mid = (english.cues().get(0).startMs() + english.cues().get(0).endMs()) / 2;
    FfmpegMediaProcessor ffmpeg = FfmpegMediaProcessor.create();
    dev.captions.model.Frame f = ffmpeg.extractFrames(MediaSource.of(out.resolve("talk.captioned.mp4")),
        dev.captions.spi.FrameOptions.builder().timestampsMs(List.of(mid)).format(dev.captions.spi.FrameOptions.Format.PNG)
            .outputDirectory(out.resolve("style-frames")).build()).get(0);
    java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(f.image().path().toFile());
    int top = 0;
    int bottom = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        boolean yellow = (rgb >> 16 & 0xFF) > 180 && (rgb >> 8 & 0xFF) > 180 && (rgb & 0xFF) < 110;
        if (!yellow) continue;
        if (y < img.getHeight() / 3) top++;
        else if (y > img.getHeight() * 2 / 3) bottom++;
      }
    }
    assertThat(top).as("yellow caption pixels in the top third").isGreaterThan(50);
    assertThat(bottom).as("yellow pixels in the bottom third").isZero();
  }

  /**
   * Keys for Gcore (URL input only) and Ittybit (URL in, URL out) are set, so discovery ranks both above the embedded
   * default, yet neither can work on a local file: the run must fall back to FFmpeg + Vosk rather than fail.
   */
  @Test
  void configuredCloudProvidersThatCannotTakeALocalFileAreSkipped(@TempDir Path elsewhere) throws Exception {
    System.setProperty("captions.gcore.apiKey", "gcore-key-for-this-test");
    System.setProperty("captions.ittybit.apiKey", "ittybit-key-for-this-test");
    try {
      Cli r = Cli.run("caption", SampleEndToEndTest.SAMPLE.toString(), "-o", elsewhere.toString(), "-f", "vtt");
      assertThat(r.exitCode).as(r.toString()).isZero();
      assertThat(r.err).contains("using media processor ffmpeg and transcriber vosk");
      assertThat(elsewhere.resolve("talk.en.vtt")).isNotEmptyFile();
    } finally {
      System.clearProperty("captions.gcore.apiKey");
      System.clearProperty("captions.ittybit.apiKey");
    }
  }

  @Test
  void anUnknownProviderNameListsTheAvailableOnes(@TempDir Path elsewhere) throws Exception {
    Cli r = Cli.run("caption", SampleEndToEndTest.SAMPLE.toString(), "-o", elsewhere.toString(), "--transcriber", "nope");
    assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(r.err).contains("'nope'").contains("vosk").contains("openai").contains("gemini")
        .contains("hint: run 'captions providers'");
    Cli m = Cli.run("caption", SampleEndToEndTest.SAMPLE.toString(), "-o", elsewhere.toString(), "--media", "nope");
    assertThat(m.exitCode).as(m.toString()).isEqualTo(ExitCodes.CONFIGURATION);
    assertThat(m.err).contains("'nope'").contains("ffmpeg").contains("ittybit");
    try (var files = Files.list(elsewhere)) {
      assertThat(files).isEmpty();
    }
  }

  private static ParseResult read(Path file, CaptionFormat format) throws Exception {
    try (Reader r = Files.newBufferedReader(file)) {
      return CaptionCodecs.forFormat(format).read(r);
    }
  }
}
