package dev.captions.media.ffmpeg;

import dev.captions.PipelineStage;
import dev.captions.CaptionsException;
import dev.captions.InvalidMediaException;
import dev.captions.InvalidMediaException.Reason;
import dev.captions.ProgressEvent;
import dev.captions.ProgressListener;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.internal.AtomicFiles;
import dev.captions.media.ffmpeg.internal.CachedResource;
import dev.captions.media.ffmpeg.internal.FfmpegBinary;
import dev.captions.media.ffmpeg.internal.FfmpegErrors;
import dev.captions.media.ffmpeg.internal.FfmpegLocator;
import dev.captions.media.ffmpeg.internal.FfmpegRun;
import dev.captions.media.ffmpeg.internal.FilterEscaping;
import dev.captions.media.ffmpeg.internal.Languages;
import dev.captions.media.ffmpeg.internal.MediaInput;
import dev.captions.media.ffmpeg.internal.OutputFile;
import dev.captions.media.ffmpeg.internal.ProbeParser;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Frame;
import dev.captions.model.MediaInfo;
import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import dev.captions.model.Timecodes;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.BurnInOptions;
import dev.captions.spi.FrameOptions;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.MuxOptions;
import dev.captions.spi.ProviderConfig;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A {@link MediaProcessor} that runs FFmpeg as a subprocess: probe, audio extraction, frame extraction, burn-in and
 * soft-subtitle muxing, all offline.
 *
 * <p>The binary is found by {@link #checkReady()} (which the caption pipeline calls at {@code build()}) or on first
 * use (see {@link Builder#ffmpegPath(Path)} and the module README): a configured path,
 * else the static build from a {@code ws.schild:jave-nativebin-<platform>} jar, extracted to a per-user cache, else
 * {@code ffmpeg} on {@code PATH}.
 *
 * <p><b>Threading:</b> thread-safe; each call runs its own process. <b>Blocking:</b> every operation blocks until
 * FFmpeg exits. Interrupting the calling thread kills FFmpeg and throws
 * {@link java.util.concurrent.CancellationException}. Outputs are written to a hidden temporary file next to the
 * target and moved into place when complete. A failed run throws {@link InvalidMediaException} with FFmpeg's reason.
 */
public final class FfmpegMediaProcessor implements MediaProcessor {
  /** The provider name. */
  public static final String NAME = "ffmpeg";
  /** The font family burned-in captions use unless {@link BurnInOptions#fontName()} says otherwise. */
  public static final String BUNDLED_FONT = "DejaVu Sans";

  private static final String FONT_RESOURCE = "fonts/DejaVuSans.ttf";
  private static final String FONT_SHA256 = "abdc775b21b1bc470d50c97e790d276f2054b7504e56e5bd3e64f48d68582322";
  private static final Set<MediaOperation> OPERATIONS = EnumSet.allOf(MediaOperation.class);

  private final Path configuredPath;
  private final Path cacheDirectory;
  private final Function<String, String> environment;
  private volatile FfmpegBinary binary;
  private volatile Path fontsDirectory;

  private FfmpegMediaProcessor(Builder b) {
    this.configuredPath = b.ffmpegPath;
    this.environment = b.environment;
    this.cacheDirectory = b.cacheDirectory != null ? b.cacheDirectory : FfmpegLocator.defaultCacheRoot(environment);
  }

  /** {@return a processor that finds FFmpeg on its own (no configured path)} */
  public static FfmpegMediaProcessor create() {
    return builder().build();
  }

  /**
   * A builder with the defaults (the bundled binary, else {@code ffmpeg} on {@code PATH}).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A processor configured from {@code config}: key {@code path} (system property {@code captions.ffmpeg.path},
   * environment {@code FFMPEG_PATH}) and key {@code cacheDir} (system property {@code captions.ffmpeg.cacheDir}).
   *
   * @param config the provider's configuration
   * @return the processor
   */
  public static FfmpegMediaProcessor fromConfig(ProviderConfig config) {
    Builder b = builder().environment(config.environment());
    config.get("path", "FFMPEG_PATH").map(Paths::get).ifPresent(b::ffmpegPath);
    config.get("cacheDir").map(Paths::get).ifPresent(b::cacheDirectory);
    return b.build();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<MediaOperation> operations() {
    return OPERATIONS;
  }

  /** The audio is written to a local temporary file. */
  @Override
  public Set<MediaSource.Kind> audioOutputKinds() {
    return EnumSet.of(MediaSource.Kind.FILE);
  }

  /** Every {@link AudioOptions.Format}: PCM WAV, MP3, AAC, FLAC and Opus (the bundled FFmpeg has each encoder). */
  @Override
  public Set<AudioOptions.Format> audioFormats() {
    return EnumSet.allOf(AudioOptions.Format.class);
  }

  /**
   * The FFmpeg executable this processor runs, found (and, for the bundled build, extracted) on the first call.
   *
   * @throws dev.captions.ConfigurationException when none is found, naming the three ways to provide one
   * @return the executable's path
   */
  public Path ffmpegPath() {
    return binary().path();
  }

  /**
   * Finds the FFmpeg binary now, without running it (the bundled static build is extracted to the cache the first
   * time, about a second), so that a missing binary fails when the caption pipeline is built, before any media work.
   * Cheap once found: the binary is remembered.
   *
   * @throws dev.captions.ConfigurationException when none is found, naming the three ways to provide one (including
   *     the {@code ws.schild:jave-nativebin-<platform>} artifact for this machine)
   */
  @Override
  public void checkReady() {
    binary();
  }

  private FfmpegBinary binary() {
    FfmpegBinary b = binary;
    if (b == null) {
      synchronized (this) {
        b = binary;
        if (b == null) {
          b = new FfmpegLocator(configuredPath, cacheDirectory, FfmpegMediaProcessor.class.getClassLoader(),
              environment, System.getProperty("os.name"), System.getProperty("os.arch")).locate();
          binary = b;
        }
      }
    }
    return b;
  }

  @Override
  public MediaInfo probe(MediaSource media) {
    try (MediaInput in = MediaInput.of(media)) {
      return probe(in);
    }
  }

  private MediaInfo probe(MediaInput in) {
    List<String> cmd = command();
    cmd.add("-i");
    cmd.add(in.argument());
    FfmpegRun.Result r = run(cmd, ProgressListener.NONE, PipelineStage.PROBE, 0);
    // Without an output FFmpeg always exits 1; whether it listed the input tells success from failure.
    if (!ProbeParser.opened(r.stderr())) throw FfmpegErrors.failure("read " + in.displayName(), r.exitCode(), r.stderr());
    MediaInfo info = ProbeParser.parse(r.stderr());
    if (info.streams().isEmpty()) {
      throw new InvalidMediaException(Reason.NOT_MEDIA, in.displayName() + " has no audio or video streams. Pass an audio or video file.");
    }
    return info;
  }

  /** Probes {@code in}; throws when it is not media or has no audio stream. */
  private MediaInfo requireAudio(MediaInput in) {
    MediaInfo info = probe(in);
    if (!info.hasAudio()) {
      throw new InvalidMediaException(Reason.NO_STREAM, in.displayName() + " has no audio stream (it has " + info.streams()
          + "), so there is no speech to caption. Use a file with an audio track.");
    }
    return info;
  }

  @Override
  public MediaRef extractAudio(MediaSource media, AudioOptions options) {
    Objects.requireNonNull(options, "options == null");
    try (MediaInput in = MediaInput.of(media)) {
      // The probe gives the length for progress. With a whole range given (the long-media engine's chunks: a dozen or
      // more per video) the length is known and the probe's process is saved; a failure is explained by one then.
      MediaInfo info = options.endMs().isPresent() ? null : requireAudio(in);
      AudioOptions.Format format = options.format();
      try (OutputFile out = OutputFile.create(options.output().orElse(null), format.extension())) {
        List<String> cmd = command();
        long rangeMs = -1;
        if (options.startMs() > 0 || options.endMs().isPresent()) {
          // Input seeking: fast, and sample-exact for PCM input (what the long-media engine cuts chunks from).
          if (options.startMs() > 0) cmd.addAll(List.of("-ss", seconds(options.startMs())));
          if (options.endMs().isPresent()) {
            rangeMs = options.endMs().getAsLong() - options.startMs();
            cmd.addAll(List.of("-t", seconds(rangeMs)));
          }
        }
        cmd.addAll(List.of("-i", in.argument(), "-map", "0:a:0", "-vn", "-sn", "-dn"));
        switch (format) {
          case WAV_16K_MONO:
            cmd.addAll(List.of("-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le", "-f", "wav"));
            break;
          case MP3:
            cmd.addAll(List.of("-c:a", "libmp3lame", "-q:a", "4", "-f", "mp3"));
            break;
          case AAC:
            cmd.addAll(List.of("-c:a", "aac", "-b:a", "128k", "-f", "ipod"));
            break;
          case FLAC:
            cmd.addAll(List.of("-ac", "1", "-ar", "16000", "-c:a", "flac", "-f", "flac"));
            break;
          case MP3_16K_MONO:
            // Constant 24 kbit/s (MPEG-2 Layer III at 16 kHz), LAME's fastest search (compression_level 9): the
            // long-media engine encodes every chunk of a long video, and this is its cheapest compressed form.
            cmd.addAll(List.of("-ac", "1", "-ar", "16000", "-c:a", "libmp3lame", "-b:a", "24k", "-compression_level", "9",
                "-f", "mp3"));
            break;
          case OGG_OPUS:
            // 24 kbit/s VoIP-tuned Opus: speech stays intelligible to recognisers at ~0.16 MB per minute. Encoder
            // complexity 0: measured on 5 min of speech, 2.0 s CPU against 8.4 s at the default 10, for a file 1.5%
            // larger; the encoding is the long-media engine's only CPU-heavy step for cloud providers.
            cmd.addAll(List.of("-ac", "1", "-ar", "16000", "-c:a", "libopus", "-b:a", "24k", "-application", "voip",
                "-compression_level", "0", "-f", "ogg"));
            break;
          default:
            throw new IllegalArgumentException("unknown audio format " + format);
        }
        long expectedMs = rangeMs >= 0 ? rangeMs : Math.max(0, info.durationMs() - options.startMs());
        Path result;
        try {
          result = runToOutput(cmd, out, options.progress(), PipelineStage.EXTRACT_AUDIO, expectedMs,
              "extract audio from " + in.displayName());
        } catch (InvalidMediaException e) {
          if (info == null) requireAudio(in); // "not media" or "no audio stream (it has …)" say more than FFmpeg's error
          throw e;
        }
        return MediaRef.of(MediaSource.of(result).withMimeType(format.mimeType()), NAME, null);
      }
    }
  }

  @Override
  public List<Frame> extractFrames(MediaSource video, FrameOptions options) {
    Objects.requireNonNull(options, "options == null");
    try (MediaInput in = MediaInput.of(video)) {
      MediaInfo info = requireVideo(in);
      for (long t : options.timestampsMs()) {
        if (info.durationMs() > 0 && t >= info.durationMs()) {
          throw new InvalidMediaException("Cannot take a frame at " + Timecodes.format(t) + ": " + in.displayName()
              + " is only " + Timecodes.format(info.durationMs()) + " long. Ask for times before the end.");
        }
      }
      Path dir = frameDirectory(options);
      List<Frame> frames = new ArrayList<>();
      List<Path> written = new ArrayList<>();
      boolean done = false;
      try {
        List<Long> times = options.timestampsMs();
        for (int i = 0; i < times.size(); i++) {
          long t = times.get(i);
          String fileName = String.format(Locale.ROOT, "frame-%03d-%dms.%s", i, t, options.format().extension());
          try (OutputFile out = OutputFile.create(dir.resolve(fileName), options.format().extension())) {
            List<String> cmd = command();
            cmd.addAll(List.of("-ss", seconds(t), "-i", in.argument(), "-map", "0:v:0", "-frames:v", "1", "-an",
                "-sn", "-f", "image2", "-update", "1"));
            if (options.width() > 0) cmd.addAll(List.of("-vf", "scale=" + options.width() + ":-2"));
            if (options.format() == FrameOptions.Format.JPEG) cmd.addAll(List.of("-q:v", "2"));
            Path image = runToOutput(cmd, out, ProgressListener.NONE, PipelineStage.EXTRACT_FRAMES, 0,
                "extract a frame at " + Timecodes.format(t) + " from " + in.displayName());
            written.add(image);
            frames.add(Frame.of(t, MediaSource.of(image).withMimeType(options.format().mimeType())));
          }
          report(options.progress(), PipelineStage.EXTRACT_FRAMES, (i + 1.0) / times.size(), "frame " + (i + 1) + "/" + times.size());
        }
        done = true;
        return List.copyOf(frames);
      } finally {
        if (!done) {
          for (Path p : written) deleteQuietly(p);
          if (options.outputDirectory().isEmpty()) deleteQuietly(dir);
        }
      }
    }
  }

  @Override
  public MediaRef burnIn(MediaSource video, CaptionTrack track, BurnInOptions options) {
    Objects.requireNonNull(track, "track == null");
    Objects.requireNonNull(options, "options == null");
    try (MediaInput in = MediaInput.of(video)) {
      MediaInfo info = requireVideo(in);
      // MP4 (H.264/AAC) unless the output names another container: never the input's (an .avi stays playable).
      String container = containerFor(options.output().orElse(null), "mp4");
      Path work = tempDirectory("captions-burn-");
      try (OutputFile out = OutputFile.create(options.output().orElse(null), container)) {
        List<String> cmd = command();
        cmd.addAll(List.of("-i", in.argument(), "-map", "0:v:0", "-map", "0:a?"));
        List<String> filters = new ArrayList<>();
        // Scale first, so that captions are drawn at the output's resolution (crisp text, libass sizes them to it).
        if (options.width() > 0 || options.height() > 0) {
          filters.add("scale=" + (options.width() > 0 ? options.width() : -2) + ":"
              + (options.height() > 0 ? options.height() : -2));
        }
        if (!track.cues().isEmpty()) {
          // libass fails on an empty subtitle file; with no cues the video is just re-encoded.
          Path srt = writeTrack(track, CaptionFormat.SRT, work.resolve("captions.srt"));
          filters.add(subtitlesFilter(srt, options));
        }
        if (!filters.isEmpty()) cmd.addAll(List.of("-vf", String.join(",", filters)));
        cmd.addAll(videoEncoder(container));
        cmd.addAll(audioCodec(container, info));
        Path result = runToOutput(cmd, out, options.progress(), PipelineStage.BURN_IN, info.durationMs(),
            "burn captions into " + in.displayName());
        return MediaRef.of(MediaSource.of(result), NAME, null);
      } finally {
        deleteTree(work);
      }
    }
  }

  @Override
  public MediaRef mux(MediaSource video, List<CaptionTrack> tracks, MuxOptions options) {
    Objects.requireNonNull(tracks, "tracks == null");
    Objects.requireNonNull(options, "options == null");
    if (tracks.isEmpty()) throw new IllegalArgumentException("at least one caption track is needed to mux");
    try (MediaInput in = MediaInput.of(video)) {
      MediaInfo info = probe(in);
      String container = containerFor(options.output().orElse(null), inputContainer(video, "mkv"));
      boolean mp4 = container.equals("mp4") || container.equals("m4v") || container.equals("mov");
      CaptionFormat subtitleFormat = mp4 ? CaptionFormat.SRT : CaptionFormat.WEBVTT;
      Path work = tempDirectory("captions-mux-");
      try (OutputFile out = OutputFile.create(options.output().orElse(null), container)) {
        List<String> cmd = command();
        cmd.addAll(List.of("-i", in.argument()));
        for (int i = 0; i < tracks.size(); i++) {
          Path sub = writeTrack(tracks.get(i), subtitleFormat, work.resolve("track" + i + "." + subtitleFormat.extension()));
          cmd.addAll(List.of("-i", sub.toString()));
        }
        cmd.addAll(List.of("-map", "0:v?", "-map", "0:a?", "-map", "0:s?"));
        for (int i = 0; i < tracks.size(); i++) cmd.addAll(List.of("-map", (i + 1) + ":0"));
        cmd.addAll(List.of("-c:v", "copy", "-c:a", "copy", "-c:s", mp4 ? "mov_text" : "webvtt"));
        int existing = (int) info.streams().stream().filter(s -> s.type() == MediaInfo.Stream.Type.SUBTITLE).count();
        for (int i = 0; i < tracks.size(); i++) {
          cmd.addAll(List.of("-metadata:s:s:" + (existing + i), "language=" + Languages.iso639_2(tracks.get(i).language())));
        }
        Path result = runToOutput(cmd, out, options.progress(), PipelineStage.MUX, info.durationMs(),
            "add subtitles to " + in.displayName());
        return MediaRef.of(MediaSource.of(result), NAME, null);
      } finally {
        deleteTree(work);
      }
    }
  }

  // --- helpers -----------------------------------------------------------------------------------------------------

  private List<String> command() {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary().path().toString());
    cmd.addAll(List.of("-hide_banner", "-nostdin"));
    return cmd;
  }

  private MediaInfo requireVideo(MediaInput in) {
    MediaInfo info = probe(in);
    if (!info.hasVideo()) {
      throw new InvalidMediaException(Reason.NO_STREAM, in.displayName() + " has no video stream (it has " + info.streams()
          + "). Pass a video file.");
    }
    return info;
  }

  private static FfmpegRun.Result run(List<String> cmd, ProgressListener progress, PipelineStage stage, long durationMs) {
    try {
      return FfmpegRun.run(cmd, progress, stage, durationMs);
    } catch (IOException e) {
      throw new CaptionsException("Cannot start FFmpeg (" + cmd.get(0) + "): " + e
          + ". Check that the binary is executable, or configure another with captions.ffmpeg.path.", e);
    }
  }

  /** Runs a command that writes one file: output options are appended, and the file is moved into place on success. */
  private static Path runToOutput(List<String> cmd, OutputFile out, ProgressListener progress, PipelineStage stage,
      long durationMs, String what) {
    cmd.addAll(List.of("-progress", "pipe:1", "-nostats", "-y", out.partial().toString()));
    FfmpegRun.Result r = run(cmd, progress, stage, durationMs);
    if (r.exitCode() != 0) throw FfmpegErrors.failure(what, r.exitCode(), r.stderr());
    try {
      return out.commit();
    } catch (IOException e) {
      throw FfmpegErrors.failure(what, r.exitCode(), r.stderr());
    }
  }

  /** The {@code -vf} argument that draws {@code subtitles} in the style of {@code o}; package-private for tests. */
  String subtitlesFilter(Path subtitles, BurnInOptions o) {
    String style = "FontName=" + o.fontName().orElse(BUNDLED_FONT)
        + ",FontSize=" + o.fontSize()
        + ",PrimaryColour=" + BurnInOptions.assColour(o.primaryColour(), 0)
        + ",OutlineColour=" + BurnInOptions.assColour(o.outlineColour(), 0)
        + ",BorderStyle=1,Outline=" + o.outline() + ",Shadow=0"
        + ",MarginV=" + o.marginVertical()
        // libass reads force_style's Alignment for an SRT as the legacy SSA value: 2 bottom centre, 6 (2 + 4) top
        // centre; the numpad value 8 would be taken as "middle" (checked by FfmpegMediaProcessorTest).
        + ",Alignment=" + (o.position() == BurnInOptions.Position.TOP ? 6 : 2);
    return "subtitles=filename=" + FilterEscaping.optionValue(subtitles.toString())
        + ":fontsdir=" + FilterEscaping.optionValue(fontsDirectory().toString())
        + ":charenc=UTF-8"
        + ":force_style=" + FilterEscaping.optionValue(style);
  }

  /** The bundled font, copied once to the cache so libass can load it from a directory. */
  private Path fontsDirectory() {
    Path d = fontsDirectory;
    if (d == null) {
      URL font = FfmpegMediaProcessor.class.getResource(FONT_RESOURCE);
      if (font == null) throw new IllegalStateException("bundled font " + FONT_RESOURCE + " missing from the jar");
      Path dir = cacheDirectory.resolve("fonts").resolve("dejavu-sans-2.37");
      CachedResource.extract(font, dir, "DejaVuSans.ttf", FONT_SHA256, false);
      fontsDirectory = d = dir;
    }
    return d;
  }

  private static List<String> videoEncoder(String container) {
    if (container.equals("webm")) {
      return List.of("-c:v", "libvpx", "-b:v", "1M", "-deadline", "realtime", "-cpu-used", "8");
    }
    return List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-pix_fmt", "yuv420p");
  }

  /** Copies the audio when it is already the container's usual codec, else re-encodes to it. */
  private static List<String> audioCodec(String container, MediaInfo info) {
    String codec = info.streams().stream().filter(s -> s.type() == MediaInfo.Stream.Type.AUDIO)
        .map(MediaInfo.Stream::codec).findFirst().orElse(null);
    if (codec == null) return List.of();
    switch (container) {
      case "webm":
        return codec.equals("opus") || codec.equals("vorbis") ? List.of("-c:a", "copy") : List.of("-c:a", "libopus");
      case "mkv":
        return List.of("-c:a", "copy");
      default:
        // MP4/MOV: AAC, the one audio codec every player of an H.264 MP4 takes; AAC input is copied untouched.
        return codec.equals("aac") ? List.of("-c:a", "copy") : List.of("-c:a", "aac", "-b:a", "160k");
    }
  }

  /** The output's extension, else {@code fallback}. */
  private static String containerFor(Path output, String fallback) {
    if (output == null) return fallback;
    try {
      BurnInOptions.checkContainer(output);
    } catch (dev.captions.ConfigurationException e) {
      throw new InvalidMediaException(e.getMessage());
    }
    return extension(output.getFileName().toString());
  }

  /** The input's container when a video can be written in it (muxing keeps the streams as they are), else fallback. */
  private static String inputContainer(MediaSource video, String fallback) {
    String ext = extension(video.name());
    return BurnInOptions.CONTAINERS.contains(ext) ? ext : fallback;
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static Path writeTrack(CaptionTrack track, CaptionFormat format, Path file) {
    try {
      AtomicFiles.write(file, w -> CaptionCodecs.forFormat(format).write(track, w));
      return file;
    } catch (IOException e) {
      throw new CaptionsException("Cannot write a temporary caption file " + file + ": " + e, e);
    }
  }

  private static Path frameDirectory(FrameOptions options) {
    if (options.outputDirectory().isPresent()) {
      Path dir = options.outputDirectory().get();
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new CaptionsException("Cannot create the frame directory " + dir + ": " + e
            + ". Choose a writable directory.", e);
      }
      return dir;
    }
    return tempDirectory("captions-frames-");
  }

  private static Path tempDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new CaptionsException("Cannot create a temporary directory: " + e
          + ". Check java.io.tmpdir has space and is writable.", e);
    }
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
  }

  private static void report(ProgressListener listener, PipelineStage stage, double fraction, String message) {
    try {
      listener.onProgress(ProgressEvent.of(stage, fraction, message));
    } catch (RuntimeException ignored) {
      // a listener must not break the operation
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // best effort
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(FfmpegMediaProcessor::deleteQuietly);
    } catch (IOException ignored) {
      // best effort: a temp directory
    }
  }

  @Override
  public String toString() {
    FfmpegBinary b = binary;
    return "FfmpegMediaProcessor{" + (b != null ? b : configuredPath != null ? configuredPath : "not located yet") + '}';
  }

  /** Builds an {@link FfmpegMediaProcessor}. Not thread-safe. */
  public static final class Builder {
    private Path ffmpegPath;
    private Path cacheDirectory;
    private Function<String, String> environment = System::getenv;

    private Builder() {}

    /**
     * An FFmpeg executable to use instead of the bundled one or the one on PATH.
     *
     * @param ffmpegPath the executable, or {@code null} to find one
     * @return this builder
     */
    public Builder ffmpegPath(Path ffmpegPath) {
      this.ffmpegPath = ffmpegPath;
      return this;
    }

    /**
     * Where the bundled binary and font are extracted; default {@code ~/.cache/captions/ffmpeg}.
     *
     * @param cacheDirectory the directory, or {@code null} for the default
     * @return this builder
     */
    public Builder cacheDirectory(Path cacheDirectory) {
      this.cacheDirectory = cacheDirectory;
      return this;
    }

    /**
     * The environment lookup used for {@code PATH} and {@code XDG_CACHE_HOME} (tests).
     *
     * @param environment maps a variable name to its value or {@code null}; not null
     * @return this builder
     */
    public Builder environment(Function<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment == null");
      return this;
    }

    /**
     * Builds the processor; finds no binary yet (that happens on first use).
     *
     * @return the processor
     */
    public FfmpegMediaProcessor build() {
      return new FfmpegMediaProcessor(this);
    }
  }
}
