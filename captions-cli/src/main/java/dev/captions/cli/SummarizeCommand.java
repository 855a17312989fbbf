package dev.captions.cli;

import dev.captions.Captions;
import dev.captions.ConfigurationException;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.internal.AtomicFiles;
import dev.captions.model.Language;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Frame;
import dev.captions.model.MediaSource;
import dev.captions.model.VideoSummary;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.FrameOptions;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummaryRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code captions summarize}: the frames-only flow (keyframes + a vision model): no transcription. A summarizer that
 * reads frames gets keyframes spread over the video; one that takes the video itself (Gemini on a URL) gets it.
 */
@Command(name = "summarize", mixinStandardHelpOptions = true,
    description = {"Summarise a video from its keyframes (or the video itself), without transcribing it: a title, one "
        + "sentence and chapters, printed and written to NAME.summary.json and NAME.chapters.vtt."})
final class SummarizeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "VIDEO", description = "A video file or an http(s) URL.")
  String video;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output directory (default: current directory).")
  Path output = Path.of(".");

  @Option(names = "--summarizer", paramLabel = "NAME", description = "Summarizer: openai, gemini.")
  String summarizer;

  @Option(names = "--media", paramLabel = "NAME", description = "Media processor for the keyframes: ffmpeg, ittybit.")
  String media;

  @Option(names = "--frames", paramLabel = "N", defaultValue = "8",
      description = "How many keyframes, spread evenly over the video (default: 8).")
  int frames;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "The video's length, when the media processor "
      + "cannot probe it (ittybit): saves the audio job that would otherwise tell it.")
  Double durationSeconds;

  @Option(names = {"-l", "--language"}, paramLabel = "CODE", defaultValue = "en",
      description = "Language of the summary (BCP-47, default: en).")
  String language;

  @Option(names = {"-q", "--quiet"}, description = "Only the files written.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (frames < 1 || frames > 50) throw new CommandLine.ParameterException(spec.commandLine(), "--frames must be 1..50");
    Language.requireTag(language, "summary language");
    MediaSource source = video.toLowerCase(Locale.ROOT).matches("https?://.*")
        ? MediaSource.ofUrl(video) : MediaSource.of(Path.of(video));
    Summarizer s = summarizer != null ? Captions.summarizer(summarizer) : Captions.summarizer();
    SummaryRequest.Builder req = SummaryRequest.builder().language(language);
    long durationMs = durationSeconds != null ? Math.round(durationSeconds * 1000) : -1;
    if (durationSeconds != null && durationMs <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--duration must be > 0 seconds");
    }
    if (s.usesFrames()) {
      MediaProcessor m = media != null ? Captions.mediaProcessor(media) : Captions.mediaProcessor();
      if (!m.supports(MediaOperation.EXTRACT_FRAMES) || !m.acceptedSources().contains(source.kind())) {
        throw new ConfigurationException("Media processor '" + m.name() + "' cannot take keyframes from a "
            + source.kind().name().toLowerCase(Locale.ROOT) + "; name one with --media (ffmpeg takes files and URLs, "
            + "ittybit URLs).");
      }
      if (durationMs <= 0) durationMs = lengthOf(m, source, err);
      List<Long> at = FrameOptions.midpoints(durationMs, frames);
      List<Frame> keyframes = m.extractFrames(source, FrameOptions.builder().timestampsMs(at).width(512).build());
      req.frames(keyframes);
    } else if (s.acceptedSources().contains(source.kind())) {
      req.video(source);
    } else {
      throw new ConfigurationException("Summarizer '" + s.name() + "' reads neither keyframes nor a "
          + source.kind().name().toLowerCase(Locale.ROOT) + "; use --summarizer openai (keyframes) or gemini (a URL).");
    }
    if (durationMs > 0) req.mediaDurationMs(durationMs);
    VideoSummary summary = s.summarize(req.build());

    String base = CaptionCommand.stripExtension(source.name());
    if (!quiet) {
      out.println(source.name() + ": summarised by " + s.name());
      SummaryOutput.print(out, summary);
    }
    out.println(SummaryOutput.write(output, base, summary));
    long end = durationMs > 0 ? durationMs
        : summary.chapters().isEmpty() ? 0 : summary.chapters().get(summary.chapters().size() - 1).startMs() + 1;
    CaptionTrack chapters = summary.toChaptersTrack(end);
    if (!chapters.cues().isEmpty()) {
      Path file = output.resolve(base + ".chapters.vtt");
      try {
        AtomicFiles.write(file, w -> CaptionCodecs.forFormat(CaptionFormat.WEBVTT).write(chapters, w));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
      }
      out.println(file);
    }
    return ExitCodes.OK;
  }

  /**
   * The video's length: probed, or, from a processor that cannot probe (Ittybit), the duration its audio job
   * reports. Known before any keyframe is asked for, so no frame job is placed past the end.
   */
  private static long lengthOf(MediaProcessor m, MediaSource source, PrintWriter err) {
    if (m.supports(MediaOperation.PROBE)) {
      long d = m.probe(source).durationMs();
      if (d > 0) return d;
    } else if (m.supports(MediaOperation.EXTRACT_AUDIO)) {
      err.println("note: " + m.name() + " cannot probe; one audio job tells the video's length (give --duration to "
          + "skip it)");
      var length = m.extractAudio(source, AudioOptions.defaults()).durationMs();
      if (length.isPresent() && length.getAsLong() > 0) return length.getAsLong();
    }
    throw new ConfigurationException("The length of " + source.name() + " is unknown (" + m.name() + " did not tell it), "
        + "so keyframes cannot be placed inside the video. Give --duration SECONDS, or use --media ffmpeg.");
  }
}
