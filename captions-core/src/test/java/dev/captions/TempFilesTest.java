package dev.captions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.fakes.FakeMediaProcessor;
import dev.captions.fakes.FakeTextCodec;
import dev.captions.fakes.FakeTranscriber;
import dev.captions.fakes.ServiceFixture;
import dev.captions.model.Frame;
import dev.captions.model.MediaInfo;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.FrameOptions;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import dev.captions.model.MediaRef;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummaryRequest;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing left behind (issue 10): a run with a summary, a failed run and a cancelled run leave no new file in the
 * temporary directory (extracted audio, summary frames) and no {@code .tmp} in the output directory; caption files get
 * the usual permissions, not the owner-only ones of a temporary file.
 */
@Timeout(30)
class TempFilesTest {
  static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

  @TempDir Path dir;
  Path video;
  Path services;
  Path out;

  @BeforeEach
  void setUp() throws IOException {
    video = dir.resolve("talk.mp4");
    Files.write(video, new byte[] {0, 0, 0, 24});
    services = Files.createDirectories(dir.resolve("services"));
    out = dir.resolve("out");
  }

  /** What this JVM's runs may create in the temporary directory (other processes share it, so only ours count). */
  static Set<String> ours() throws IOException {
    try (Stream<Path> s = Files.list(TMP)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("captions-") || n.startsWith("fake-") || n.endsWith(".tmp"))
          .collect(Collectors.toSet());
    }
  }

  static Set<String> outputs(Path out) throws IOException {
    if (!Files.exists(out)) return Set.of();
    try (Stream<Path> s = Files.list(out)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  <T> T withCodec(java.util.concurrent.Callable<T> body) throws Exception {
    return ServiceFixture.with(services, Map.of(CaptionCodec.class, List.of(FakeTextCodec.class.getName())), body);
  }

  /** Like FFmpeg: writes the frames as JPEG files into the directory it is given, or a temporary one of its own. */
  static final class FrameWritingMedia implements MediaProcessor {
    final FakeMediaProcessor audio = new FakeMediaProcessor();
    final List<Path> frames = new ArrayList<>();

    @Override
    public String name() {
      return "frame-media";
    }

    @Override
    public Set<MediaOperation> operations() {
      return EnumSet.of(MediaOperation.PROBE, MediaOperation.EXTRACT_AUDIO, MediaOperation.EXTRACT_FRAMES);
    }

    @Override
    public MediaInfo probe(MediaSource media) {
      return audio.probe(media);
    }

    @Override
    public MediaRef extractAudio(MediaSource media, AudioOptions options) {
      return audio.extractAudio(media, options);
    }

    @Override
    public List<Frame> extractFrames(MediaSource video, FrameOptions options) {
      try {
        Path d = options.outputDirectory().isPresent() ? options.outputDirectory().get()
            : Files.createTempDirectory("captions-frames-");
        List<Frame> out = new ArrayList<>();
        for (long t : options.timestampsMs()) {
          Path jpg = Files.write(d.resolve("frame-" + t + ".jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8});
          frames.add(jpg);
          out.add(Frame.of(t, MediaSource.of(jpg)));
        }
        return out;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static final class FrameSummarizer implements Summarizer {
    volatile boolean framesExisted;

    @Override
    public String name() {
      return "frame-summarizer";
    }

    @Override
    public boolean usesFrames() {
      return true;
    }

    @Override
    public dev.captions.model.VideoSummary summarize(SummaryRequest request) {
      framesExisted = !request.frames().isEmpty()
          && request.frames().stream().allMatch(f -> Files.isRegularFile(f.image().path()));
      return dev.captions.model.VideoSummary.of("Title", "One sentence.",
          List.of(dev.captions.model.Chapter.of(0, "Start", "")), request.language());
    }
  }

  /** A transcriber whose transcribe is {@code body}. */
  static Transcriber transcriber(java.util.function.Supplier<Transcript> body) {
    return new Transcriber() {
      @Override
      public String name() {
        return "scripted";
      }

      @Override
      public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
        return body.get();
      }
    };
  }

  @Test
  void aRunWithASummaryLeavesNoFramesNoAudioAndNoTmpFiles() throws Exception {
    Set<String> before = ours();
    FrameWritingMedia media = new FrameWritingMedia();
    FrameSummarizer summarizer = new FrameSummarizer();
    PipelineResult r = withCodec(() -> Captions.pipeline().mediaProcessor(media)
        .transcriber(new FakeTranscriber("t", PipelineTest.WORDS, EnumSet.allOf(MediaSource.Kind.class)))
        .summarizer(summarizer).summarize(true).outputs(out, CaptionFormat.WEBVTT).build()
        .run(MediaSource.of(video)));

    assertThat(r.summary()).isPresent();
    assertThat(summarizer.framesExisted).as("the summarizer saw the frames").isTrue();
    assertThat(media.frames).hasSize(8).noneMatch(Files::exists);
    assertThat(ours()).isEqualTo(before);
    assertThat(outputs(out)).noneMatch(n -> n.endsWith(".tmp")).contains("talk.vtt"); // an undetermined language gets no tag in the name
  }

  @Test
  void aFailedRunLeavesNoNewFile() throws Exception {
    Set<String> before = ours();
    FakeMediaProcessor media = new FakeMediaProcessor();
    Transcriber failing = transcriber(() -> {
      throw new ProviderException("failing", "the provider broke", 503, "req_1", true, null);
    });
    assertThatThrownBy(() -> withCodec(() -> Captions.pipeline().mediaProcessor(media).transcriber(failing)
        .outputs(out, CaptionFormat.WEBVTT).build().run(MediaSource.of(video))))
        .isInstanceOf(ProviderException.class);
    assertThat(media.lastAudio).doesNotExist();
    assertThat(ours()).isEqualTo(before);
    assertThat(outputs(out)).isEmpty();
  }

  @Test
  void aCancelledRunLeavesNoNewFile() throws Exception {
    Set<String> before = ours();
    FakeMediaProcessor media = new FakeMediaProcessor();
    CountDownLatch started = new CountDownLatch(1);
    Transcriber hanging = transcriber(() -> {
      started.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("interrupted");
      }
      throw new AssertionError("unreachable");
    });
    CompletableFuture<PipelineResult> run = withCodec(() -> Captions.pipeline().mediaProcessor(media).transcriber(hanging)
        .outputs(out, CaptionFormat.WEBVTT).build().runAsync(MediaSource.of(video)));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    run.cancel(true);
    // the run's own thread deletes the audio once the interrupt reaches it
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (Files.exists(media.lastAudio) && System.nanoTime() < deadline) Thread.sleep(10);
    assertThat(media.lastAudio).doesNotExist();
    assertThat(ours()).isEqualTo(before);
    assertThat(outputs(out)).isEmpty();
  }

  @Test
  void captionFilesGetTheUsualPermissionsNotOwnerOnly() throws Exception {
    withCodec(() -> Captions.pipeline().mediaProcessor(new FakeMediaProcessor())
        .transcriber(new FakeTranscriber("t", PipelineTest.WORDS, EnumSet.allOf(MediaSource.Kind.class)))
        .outputs(out, CaptionFormat.WEBVTT).build().run(MediaSource.of(video)));
    Path vtt = out.resolve("talk.vtt"); // an undetermined language gets no tag in the name
    Path plain = Files.write(dir.resolve("plain.txt"), new byte[0]); // what the umask gives a new file here
    assertThat(Files.getPosixFilePermissions(vtt)).isEqualTo(Files.getPosixFilePermissions(plain));
    assertThat(Files.getPosixFilePermissions(vtt)).contains(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE);
  }
}
