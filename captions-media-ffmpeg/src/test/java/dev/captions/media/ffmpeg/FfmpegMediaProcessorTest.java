package dev.captions.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.InvalidMediaException;
import dev.captions.ProgressEvent;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.Frame;
import dev.captions.model.MediaInfo;
import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import dev.captions.model.TrackKind;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.BurnInOptions;
import dev.captions.spi.FrameOptions;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MuxOptions;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each operation against the real bundled FFmpeg on media generated at test time. */
class FfmpegMediaProcessorTest {
  static final FfmpegMediaProcessor FFMPEG = FfmpegMediaProcessor.create();
  static final CaptionTrack TRACK = CaptionTrack.of("en", TrackKind.SUBTITLES,
      List.of(Cue.of(500, 2500, "Hello captions world"), Cue.of(3000, 3900, "Second line")));

  @TempDir static Path shared;
  static Path video;
  static TestMedia media;

  @BeforeAll
  static void makeMedia() throws Exception {
    media = new TestMedia(FFMPEG.ffmpegPath());
    video = media.videoWithAudio(shared.resolve("clip.mp4"), 4);
  }

  @Test
  void capabilitiesShownToUsersMatchTheOperationsThePipelineChecks() {
    // `captions providers` shows the factory's capability words; the pipeline trusts operations(). They must agree,
    // and each operation must be overridden (the MediaProcessor defaults throw UnsupportedOperationException).
    Map<MediaOperation, String> word = Map.of(MediaOperation.PROBE, "probe", MediaOperation.EXTRACT_AUDIO, "audio",
        MediaOperation.EXTRACT_FRAMES, "frames", MediaOperation.BURN_IN, "burn-in", MediaOperation.MUX_SUBTITLES, "mux");
    Set<String> capabilities = new FfmpegMediaProcessorFactory().capabilities();
    for (MediaOperation op : MediaOperation.values()) {
      assertThat(capabilities.contains(word.get(op))).as("%s shown as '%s'", op, word.get(op))
          .isEqualTo(FFMPEG.supports(op));
    }
    for (String method : List.of("probe", "extractAudio", "extractFrames", "burnIn", "mux")) {
      assertThat(Stream.of(FfmpegMediaProcessor.class.getDeclaredMethods()).filter(m -> m.getName().equals(method)))
          .as(method).anyMatch(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()));
    }
  }

  @Test
  void probeReportsDurationAndStreams() {
    MediaInfo info = FFMPEG.probe(MediaSource.of(video));
    assertThat(info.durationMs()).isBetween(3900L, 4100L);
    assertThat(info.hasAudio()).isTrue();
    assertThat(info.hasVideo()).isTrue();
    assertThat(info.streams()).extracting(MediaInfo.Stream::codec).containsExactlyInAnyOrder("h264", "aac");
    assertThat(info.format()).contains("mp4");
  }

  @Test
  void extractsAsrWav(@TempDir Path dir) throws IOException {
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    Path out = dir.resolve("speech.wav");
    MediaRef ref = FFMPEG.extractAudio(MediaSource.of(video), AudioOptions.defaults().withOutput(out).withProgress(events::add));
    assertThat(ref.source().path()).isEqualTo(out.toAbsolutePath());
    assertThat(ref.provider()).isEqualTo("ffmpeg");
    byte[] header = Files.readAllBytes(out);
    ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(new String(header, 0, 4, "US-ASCII")).isEqualTo("RIFF");
    assertThat(b.getShort(22)).as("channels").isEqualTo((short) 1);
    assertThat(b.getInt(24)).as("sample rate").isEqualTo(16000);
    assertThat(b.getShort(34)).as("bits").isEqualTo((short) 16);
    // 4 s × 16000 samples × 2 bytes, plus the header
    assertThat(header.length).isBetween(4 * 32000 - 4000, 4 * 32000 + 4000);
    assertThat(events).isNotEmpty();
    assertThat(events.get(events.size() - 1).fraction()).isEqualTo(1.0);
    assertNoPartialFiles(dir);
  }

  @Test
  void extractsARangeAsOpusMp3OrFlacForSmallUploads(@TempDir Path dir) throws IOException {
    Path wav = FFMPEG.extractAudio(MediaSource.of(video), AudioOptions.defaults().withOutput(dir.resolve("a.wav")))
        .source().path();
    assertThat(FFMPEG.audioFormats()).contains(AudioOptions.Format.OGG_OPUS, AudioOptions.Format.FLAC,
        AudioOptions.Format.MP3_16K_MONO);
    for (AudioOptions.Format f : List.of(AudioOptions.Format.OGG_OPUS, AudioOptions.Format.FLAC,
        AudioOptions.Format.MP3_16K_MONO)) {
      Path out = dir.resolve("range." + f.extension());
      MediaRef ref = FFMPEG.extractAudio(MediaSource.of(wav), AudioOptions.of(f).withRange(1_000, 3_000).withOutput(out));
      MediaInfo info = FFMPEG.probe(ref.source());
      assertThat(info.streams()).singleElement().extracting(MediaInfo.Stream::codec)
          .isEqualTo(f == AudioOptions.Format.OGG_OPUS ? "opus" : f == AudioOptions.Format.FLAC ? "flac" : "mp3");
      assertThat(info.durationMs()).as("%s duration", f).isBetween(1_950L, 2_100L);
      assertThat(ref.source().mimeType()).contains(f.mimeType());
      if (f == AudioOptions.Format.OGG_OPUS) {
        assertThat(Files.size(out)).as("24 kbit/s for 2 s, plus Ogg headers").isLessThan(10_000);
      }
      if (f == AudioOptions.Format.MP3_16K_MONO) {
        assertThat(Files.size(out)).as("a constant 24 kbit/s for 2 s, plus ID3 and Info frames").isBetween(5_000L, 7_500L);
      }
    }
    assertNoPartialFiles(dir);
  }

  @Test
  void extractsMp3AndAacToTemporaryFiles() throws IOException {
    for (AudioOptions.Format f : List.of(AudioOptions.Format.MP3, AudioOptions.Format.AAC)) {
      MediaRef ref = FFMPEG.extractAudio(MediaSource.of(video), AudioOptions.of(f));
      Path p = ref.source().path();
      try {
        assertThat(p.getFileName().toString()).endsWith("." + f.extension());
        MediaInfo info = FFMPEG.probe(MediaSource.of(p));
        assertThat(info.hasVideo()).isFalse();
        assertThat(info.streams()).singleElement().extracting(MediaInfo.Stream::codec)
            .isEqualTo(f == AudioOptions.Format.MP3 ? "mp3" : "aac");
        assertThat(ref.source().mimeType()).contains(f.mimeType());
      } finally {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void extractsFramesInOrderAtWidth(@TempDir Path dir) throws IOException {
    List<Frame> frames = FFMPEG.extractFrames(MediaSource.of(video), FrameOptions.builder()
        .timestampsMs(List.of(3000L, 1000L)).format(FrameOptions.Format.PNG).width(160).outputDirectory(dir).build());
    assertThat(frames).extracting(Frame::timestampMs).containsExactly(3000L, 1000L);
    for (Frame f : frames) {
      BufferedImage img = ImageIO.read(f.image().path().toFile());
      assertThat(img.getWidth()).isEqualTo(160);
      assertThat(img.getHeight()).isEqualTo(120);
    }
    List<Frame> jpegs = FFMPEG.extractFrames(MediaSource.of(video), FrameOptions.at(List.of(0L)));
    assertThat(jpegs.get(0).image().mimeType()).contains("image/jpeg");
    assertThat(ImageIO.read(jpegs.get(0).image().path().toFile()).getWidth()).isEqualTo(320);
  }

  @Test
  void frameAfterTheEndIsAClearError() {
    assertThatThrownBy(() -> FFMPEG.extractFrames(MediaSource.of(video), FrameOptions.at(List.of(60_000L))))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("only 00:00:04");
  }

  @Test
  void burnInDrawsCaptionsWhereCuesAreShown(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("burned.mp4");
    MediaRef ref = FFMPEG.burnIn(MediaSource.of(video), TRACK, BurnInOptions.builder().output(out).fontSize(24).build());
    assertThat(FFMPEG.probe(ref.source()).hasAudio()).as("audio kept").isTrue();
    // 1.5 s shows cue 1; 2.8 s shows nothing.
    double withCue = difference(video, out, 1500, dir);
    double withoutCue = difference(video, out, 2800, dir);
    assertThat(withCue).as("mean pixel difference where a caption is shown").isGreaterThan(2.0);
    assertThat(withoutCue).as("mean pixel difference where no caption is shown").isLessThan(1.0);
    assertNoPartialFiles(dir);
  }

  @Test
  void burnInOfAnAviWritesAnH264AacMp4AtTheAskedSize(@TempDir Path dir) throws Exception {
    Path avi = media.aviWithAudio(dir.resolve("old.avi"), 3);
    // No output given: an MP4 whatever the input's container (the input's .avi used to be kept).
    MediaRef ref = FFMPEG.burnIn(MediaSource.of(avi), TRACK, BurnInOptions.builder().size(0, 480).build());
    Path out = ref.source().path();
    try {
      assertThat(out.getFileName().toString()).endsWith(".mp4");
      MediaInfo info = FFMPEG.probe(ref.source());
      assertThat(info.streams()).extracting(MediaInfo.Stream::type, MediaInfo.Stream::codec).containsExactly(
          org.assertj.core.groups.Tuple.tuple(MediaInfo.Stream.Type.VIDEO, "h264"),
          org.assertj.core.groups.Tuple.tuple(MediaInfo.Stream.Type.AUDIO, "aac"));
      BufferedImage f = frame(out, 1500, dir);
      assertThat(f.getHeight()).isEqualTo(480);
      assertThat(f.getWidth()).isEqualTo(640); // 4:3 kept
    } finally {
      Files.deleteIfExists(out);
    }
  }

  @Test
  void burnInToAnUnknownContainerIsRefused(@TempDir Path dir) {
    assertThatThrownBy(() -> FFMPEG.burnIn(MediaSource.of(video), TRACK,
        BurnInOptions.builder().output(dir.resolve("x.avi")).build()))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("'.avi' is not a container");
  }

  @Test
  void burnInHonoursColours(@TempDir Path dir) throws IOException {
    Path white = FFMPEG.burnIn(MediaSource.of(video), TRACK, BurnInOptions.builder().output(dir.resolve("w.mp4")).build())
        .source().path();
    Path yellow = FFMPEG.burnIn(MediaSource.of(video), TRACK,
        BurnInOptions.builder().output(dir.resolve("y.mp4")).primaryColour("#FFFF00").build()).source().path();
    assertThat(difference(white, yellow, 1500, dir)).as("white vs yellow text").isGreaterThan(0.2);
  }

  @Test
  void muxesMovTextIntoMp4WithLanguages(@TempDir Path dir) throws IOException {
    CaptionTrack french = CaptionTrack.of("fr", TrackKind.SUBTITLES, List.of(Cue.of(500, 2500, "Bonjour")));
    MediaRef ref = FFMPEG.mux(MediaSource.of(video), List.of(TRACK, french), MuxOptions.to(dir.resolve("soft.mp4")));
    MediaInfo info = FFMPEG.probe(ref.source());
    assertThat(info.streams()).filteredOn(s -> s.type() == MediaInfo.Stream.Type.SUBTITLE)
        .extracting(MediaInfo.Stream::codec, MediaInfo.Stream::language)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("mov_text", "eng"),
            org.assertj.core.groups.Tuple.tuple("mov_text", "fra"));
    assertThat(info.hasAudio()).isTrue();
  }

  @Test
  void muxesWebVttIntoMkv(@TempDir Path dir) throws IOException {
    CaptionTrack german = CaptionTrack.of("de", TrackKind.SUBTITLES, List.of(Cue.of(500, 2500, "Hallo")));
    MediaRef ref = FFMPEG.mux(MediaSource.of(video), List.of(german), MuxOptions.to(dir.resolve("soft.mkv")));
    assertThat(FFMPEG.probe(ref.source()).streams()).filteredOn(s -> s.type() == MediaInfo.Stream.Type.SUBTITLE)
        .singleElement().satisfies(s -> {
          assertThat(s.codec()).isEqualTo("webvtt");
          assertThat(s.language()).isEqualTo("deu");
        });
  }

  @Test
  void pathWithSpacesAndNonAsciiCharacters(@TempDir Path dir) throws Exception {
    Path odd = Files.createDirectories(dir.resolve("dossier spécial [1]; it's, ok"));
    Path clip = Files.copy(video, odd.resolve("vidéo d'été ü 日本.mp4"));
    assertThat(FFMPEG.probe(MediaSource.of(clip)).hasAudio()).isTrue();
    Path wav = FFMPEG.extractAudio(MediaSource.of(clip), AudioOptions.defaults().withOutput(odd.resolve("sön g.wav")))
        .source().path();
    assertThat(Files.size(wav)).isGreaterThan(100_000);
    Path burned = FFMPEG.burnIn(MediaSource.of(clip), TRACK, BurnInOptions.builder().output(odd.resolve("brûlé.mp4")).build())
        .source().path();
    assertThat(difference(clip, burned, 1500, dir)).isGreaterThan(1.0);
  }

  @Test
  void streamSourceIsCopiedAndCleanedUp() throws IOException {
    // The copy's name ends with the stream's extension; a unique one finds it among other builds' temp files.
    String ext = "u" + UUID.randomUUID().toString().replace("-", "");
    try (var in = Files.newInputStream(video)) {
      MediaInfo info = FFMPEG.probe(MediaSource.of(in, "clip." + ext, null));
      assertThat(info.hasVideo()).isTrue();
    }
    assertThat(temporaryCopies(ext)).as("copy deleted after success").isEmpty();
    List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    try (var in = Files.newInputStream(video)) {
      MediaRef wav = FFMPEG.extractAudio(MediaSource.of(in, "clip." + ext, null), AudioOptions.defaults().withProgress(e -> {
        events.add(e);
        // While FFmpeg runs, the copy exists.
        if (events.size() == 1) assertThat(temporaryCopies(ext)).hasSize(1);
      }));
      Files.deleteIfExists(wav.source().path());
    }
    assertThat(events).isNotEmpty();
    assertThat(temporaryCopies(ext)).as("copy deleted after success").isEmpty();
    byte[] garbage = "not a video at all\n".repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> FFMPEG.probe(MediaSource.of(new java.io.ByteArrayInputStream(garbage), "bad." + ext, null)))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("stream 'bad." + ext + "'");
    assertThat(temporaryCopies(ext)).as("copy deleted after failure").isEmpty();
  }

  private static List<Path> temporaryCopies(String ext) {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().endsWith("." + ext)).toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void burnInStyleOptionsReachTheFilter(@TempDir Path dir) {
    Path srt = dir.resolve("it's [a] test.srt");
    String defaults = FFMPEG.subtitlesFilter(srt, BurnInOptions.defaults());
    String styled = FFMPEG.subtitlesFilter(srt, BurnInOptions.builder().fontName("Liberation Serif").fontSize(31)
        .primaryColour("#FFFF00").outlineColour("#102030").outline(4).marginVertical(57)
        .position(BurnInOptions.Position.TOP).build());
    // force_style is one option value: its commas are escaped once for the filter graph.
    assertThat(styled).startsWith("subtitles=filename=")
        .contains("force_style=FontName=Liberation Serif\\,FontSize=31\\,PrimaryColour=&H0000FFFF\\,"
            + "OutlineColour=&H00302010\\,BorderStyle=1\\,Outline=4\\,Shadow=0\\,MarginV=57\\,Alignment=6")
        .contains(":charenc=UTF-8");
    assertThat(defaults).contains("FontName=" + FfmpegMediaProcessor.BUNDLED_FONT + "\\,")
        .contains("Outline=" + BurnInOptions.defaults().outline() + "\\,")
        .endsWith("MarginV=" + BurnInOptions.defaults().marginVertical() + "\\,Alignment=2");
    // The bundled font is where fontsdir points, so the default font renders on machines without fonts.
    String fontsdir = defaults.replaceFirst("(?s).*:fontsdir=(.*?):charenc=.*", "$1");
    assertThat(Path.of(fontsdir).resolve("DejaVuSans.ttf")).isRegularFile();
    // The file name is escaped for both levels: "'" and "[" cannot end the value or the filter.
    assertThat(defaults).contains("it\\\\\\'s \\[a\\] test.srt");
  }

  @Test
  void burnInMarginMovesTheCaptionsUp(@TempDir Path dir) throws IOException {
    Path low = FFMPEG.burnIn(MediaSource.of(video), TRACK,
        BurnInOptions.builder().output(dir.resolve("low.mp4")).marginVertical(5).build()).source().path();
    Path high = FFMPEG.burnIn(MediaSource.of(video), TRACK,
        BurnInOptions.builder().output(dir.resolve("high.mp4")).marginVertical(120).build()).source().path();
    int lowRow = lowestChangedRow(video, low, 1500, dir);
    int highRow = lowestChangedRow(video, high, 1500, dir);
    assertThat(lowRow).as("text drawn with margin 5").isPositive();
    assertThat(highRow).as("text drawn with margin 120 sits higher than with 5").isPositive().isLessThan(lowRow - 40);
  }

  @Test
  void burnInPositionTopDrawsTheCaptionsInTheTopThird(@TempDir Path dir) throws IOException {
    Path bottom = FFMPEG.burnIn(MediaSource.of(video), TRACK,
        BurnInOptions.builder().output(dir.resolve("bottom.mp4")).build()).source().path();
    Path top = FFMPEG.burnIn(MediaSource.of(video), TRACK, BurnInOptions.builder().output(dir.resolve("top.mp4"))
        .position(BurnInOptions.Position.TOP).build()).source().path();
    BufferedImage b = frame(bottom, 1500, dir);
    BufferedImage t = frame(top, 1500, dir);
    int highest = -1;
    for (int row = 0; row < b.getHeight() && highest < 0; row++) {
      for (int col = 0; col < b.getWidth(); col++) {
        int p = b.getRGB(col, row);
        int q = t.getRGB(col, row);
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) d += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
        if (d > 150) {
          highest = row;
          break;
        }
      }
    }
    assertThat(highest).as("first row where top and bottom captions differ").isBetween(0, b.getHeight() / 3);
    assertThat(lowestChangedRow(bottom, top, 1500, dir)).as("the bottom captions").isGreaterThan(b.getHeight() * 2 / 3);
  }

  /** The lowest pixel row where the two videos' frames at {@code ms} differ clearly, or -1. */
  private static int lowestChangedRow(Path a, Path b, long ms, Path dir) throws IOException {
    BufferedImage x = frame(a, ms, dir);
    BufferedImage y = frame(b, ms, dir);
    for (int row = x.getHeight() - 1; row >= 0; row--) {
      for (int col = 0; col < x.getWidth(); col++) {
        int p = x.getRGB(col, row);
        int q = y.getRGB(col, row);
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) d += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
        if (d > 150) return row;
      }
    }
    return -1;
  }

  @Test
  void missingFile(@TempDir Path dir) {
    Path missing = dir.resolve("nope.mp4");
    assertThatThrownBy(() -> FFMPEG.extractAudio(MediaSource.of(missing), AudioOptions.defaults()))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("not found").hasMessageContaining("nope.mp4");
  }

  @Test
  void notAMediaFile(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n".repeat(50));
    Path out = dir.resolve("out.wav");
    assertThatThrownBy(() -> FFMPEG.extractAudio(MediaSource.of(text), AudioOptions.defaults().withOutput(out)))
        .isInstanceOf(InvalidMediaException.class)
        .hasMessageContaining("notes.mp4")
        .hasMessageMatching("(?s).*(Invalid data|moov atom).*")
        .hasMessageMatching("(?s).*(not a complete media file|not a media file).*");
    assertThat(out).doesNotExist();
    assertNoPartialFiles(dir);
  }

  @Test
  void zeroByteFile(@TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.mp4"));
    assertThatThrownBy(() -> FFMPEG.probe(MediaSource.of(empty)))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("empty (0 bytes)");
  }

  @Test
  void videoWithoutAudio(@TempDir Path dir) throws Exception {
    Path silentVideo = media.videoWithoutAudio(dir.resolve("mute.mp4"), 2);
    Path out = dir.resolve("out.wav");
    assertThatThrownBy(() -> FFMPEG.extractAudio(MediaSource.of(silentVideo), AudioOptions.defaults().withOutput(out)))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("no audio stream");
    assertThat(out).doesNotExist();
  }

  @Test
  void rangeOfVideoWithoutAudioIsExplainedAfterTheFailedRun(@TempDir Path dir) throws Exception {
    // A ranged extraction (the long-media engine's chunks) runs FFmpeg without probing first; its failure is then
    // explained by a probe, with the same typed error as above.
    Path silentVideo = media.videoWithoutAudio(dir.resolve("mute.mp4"), 2);
    Path out = dir.resolve("out.mp3");
    assertThatThrownBy(() -> FFMPEG.extractAudio(MediaSource.of(silentVideo),
        AudioOptions.of(AudioOptions.Format.MP3_16K_MONO).withRange(0, 1_000).withOutput(out)))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("no audio stream")
        .extracting(e -> ((InvalidMediaException) e).reason()).isEqualTo(InvalidMediaException.Reason.NO_STREAM);
    assertThat(out).doesNotExist();
    Path text = Files.writeString(dir.resolve("notes.wav"), "not audio at all");
    assertThatThrownBy(() -> FFMPEG.extractAudio(MediaSource.of(text),
        AudioOptions.of(AudioOptions.Format.MP3_16K_MONO).withRange(0, 1_000).withOutput(out)))
        .isInstanceOf(InvalidMediaException.class)
        .extracting(e -> ((InvalidMediaException) e).reason()).isEqualTo(InvalidMediaException.Reason.NOT_MEDIA);
  }

  @Test
  void silenceOnlyIsValidAudio(@TempDir Path dir) throws Exception {
    Path silence = media.silentAudio(dir.resolve("silence.wav"), 2);
    Path wav = FFMPEG.extractAudio(MediaSource.of(silence), AudioOptions.defaults()).source().path();
    try {
      assertThat(Files.size(wav)).isBetween(60_000L, 70_000L);
    } finally {
      Files.deleteIfExists(wav);
    }
  }

  @Test
  void unsupportedContainerIsReportedByFfmpeg(@TempDir Path dir) throws IOException {
    // h264 + aac cannot go into WebM; FFmpeg says so and nothing is left behind.
    Path out = dir.resolve("soft.webm");
    assertThatThrownBy(() -> FFMPEG.mux(MediaSource.of(video), List.of(TRACK), MuxOptions.to(out)))
        .isInstanceOf(InvalidMediaException.class).hasMessageContaining("WebM");
    assertThat(out).doesNotExist();
    assertNoPartialFiles(dir);
  }

  @Test
  void interruptKillsFfmpegAndLeavesNothing(@TempDir Path dir) throws Exception {
    Path big = media.longVideo(dir.resolve("long.mp4"), 90);
    Path out = dir.resolve("burned.mp4");
    CountDownLatch started = new CountDownLatch(1);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread worker = new Thread(() -> {
      try {
        FFMPEG.burnIn(MediaSource.of(big), TRACK, BurnInOptions.builder().output(out)
            .progress(e -> { if (e.fraction() > 0) started.countDown(); }).build());
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    worker.start();
    assertThat(started.await(60, TimeUnit.SECONDS)).as("burn-in reported progress").isTrue();
    assertThat(ffmpegChildren()).as("ffmpeg running").isNotEmpty();
    worker.interrupt();
    worker.join(15_000);
    assertThat(worker.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(CancellationException.class);
    assertThat(ffmpegChildren()).as("ffmpeg killed").isEmpty();
    assertThat(out).doesNotExist();
    assertNoPartialFiles(dir);
  }

  private static List<ProcessHandle> ffmpegChildren() {
    return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("ffmpeg")).orElse(false)).toList();
  }

  /** Mean absolute difference (0–255) of the two videos' frames at {@code ms}. */
  private static double difference(Path a, Path b, long ms, Path dir) throws IOException {
    BufferedImage x = frame(a, ms, dir);
    BufferedImage y = frame(b, ms, dir);
    long sum = 0;
    for (int row = 0; row < x.getHeight(); row++) {
      for (int col = 0; col < x.getWidth(); col++) {
        int p = x.getRGB(col, row);
        int q = y.getRGB(col, row);
        for (int shift = 0; shift <= 16; shift += 8) sum += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
      }
    }
    return sum / (3.0 * x.getWidth() * x.getHeight());
  }

  private static BufferedImage frame(Path video, long ms, Path dir) throws IOException {
    Path frames = Files.createTempDirectory(dir, "frames");
    Frame f = FFMPEG.extractFrames(MediaSource.of(video), FrameOptions.builder().timestampsMs(List.of(ms))
        .format(FrameOptions.Format.PNG).outputDirectory(frames).build()).get(0);
    return ImageIO.read(f.image().path().toFile());
  }

  private static void assertNoPartialFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".part"))).isEmpty();
    }
  }
}
