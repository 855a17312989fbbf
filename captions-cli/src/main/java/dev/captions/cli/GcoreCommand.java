package dev.captions.cli;

import dev.captions.Captions;
import dev.captions.ConfigurationException;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.internal.AtomicFiles;
import dev.captions.provider.gcore.GcoreSubtitle;
import dev.captions.provider.gcore.GcoreTranscriber;
import dev.captions.provider.gcore.GcoreVideo;
import dev.captions.provider.gcore.GcoreVideos;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code captions gcore}: Gcore Video Streaming's own captioning, for the flow where Gcore hosts the video. Uses the
 * {@code gcore} provider's configuration ({@code GCORE_API_KEY}, {@code GCORE_BASE_URL}).
 */
@Command(name = "gcore", mixinStandardHelpOptions = true,
    description = {"Gcore Video Streaming: upload a video that Gcore captions itself, and download the subtitles it "
        + "generated."},
    subcommands = {GcoreCommand.Upload.class, GcoreCommand.Subtitles.class})
final class GcoreCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static GcoreVideos videos() {
    return ((GcoreTranscriber) Captions.transcriber("gcore")).videos();
  }

  /**
   * Writes each subtitle as {@code <base>.<lang>.vtt} (Gcore's code mapped to BCP-47), checking it parses as WebVTT;
   * two tracks of one language get {@code .2}, {@code .3}… so none is overwritten.
   */
  static List<Path> write(Path dir, String base, List<GcoreSubtitle> subtitles, PrintWriter err) {
    List<Path> files = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (GcoreSubtitle s : subtitles) {
      if (s.vtt().isEmpty()) {
        err.println("warning: Gcore sent subtitle " + s.id() + " (" + s.language() + ") without its WebVTT; not written");
        continue;
      }
      ParseResult parsed;
      try {
        parsed = CaptionCodecs.forFormat(CaptionFormat.WEBVTT).read(new StringReader(s.vtt().get()));
      } catch (IOException e) {
        throw new UncheckedIOException(e); // a StringReader does not fail
      }
      if (!parsed.diagnostics().isEmpty()) {
        err.println("warning: Gcore's subtitle " + s.id() + " (" + s.language() + "): " + parsed.diagnostics().size()
            + " problems, e.g. " + parsed.diagnostics().get(0));
      }
      String lang = s.bcp47().orElse(s.language().isEmpty() ? "und" : s.language());
      int n = seen.merge(lang, 1, Integer::sum);
      Path file = dir.resolve(base + "." + lang + (n > 1 ? "." + n : "") + ".vtt");
      String vtt = s.vtt().get();
      try {
        AtomicFiles.write(file, w -> w.write(vtt));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
      }
      files.add(file);
    }
    return files;
  }

  /** {@code captions gcore upload URL --name … --auto-transcribe auto --translate de,es [--wait -o DIR]}. */
  @Command(name = "upload", mixinStandardHelpOptions = true,
      description = {"Create a Gcore video from a URL with automatic transcription (and translation); with --wait, "
          + "wait for the subtitles Gcore generates and download them."})
  static final class Upload implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "An http(s) URL Gcore can download the video from.")
    String url;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The video's name at Gcore.")
    String name;

    @Option(names = "--auto-transcribe", paramLabel = "LANG", defaultValue = "auto",
        description = "Spoken language (BCP-47), auto (default) to detect it, or disable.")
    String autoTranscribe;

    @Option(names = {"-t", "--translate"}, split = ",", paramLabel = "LANG",
        description = "Also have Gcore translate into these languages, e.g. de,es (paid).")
    List<String> translate = new ArrayList<>();

    @Option(names = "--wait", description = "Wait for the subtitles and download them into the output directory.")
    boolean await;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output directory for --wait (default: .).")
    Path output = Path.of(".");

    @Option(names = "--wait-minutes", paramLabel = "MIN", defaultValue = "60",
        description = "The longest wait for --wait, in minutes (default: 60).")
    long waitMinutes;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (!url.matches("(?i)https?://.+")) {
        throw new CommandLine.ParameterException(spec.commandLine(), "URL must be an http(s) URL Gcore can download, "
            + "not '" + url + "'");
      }
      boolean transcribe = !autoTranscribe.equalsIgnoreCase("disable");
      if (await && !transcribe) {
        throw new ConfigurationException("--wait waits for the subtitles auto-transcription generates; drop "
            + "--auto-transcribe disable");
      }
      List<String> targets = new ArrayList<>();
      for (String t : translate) targets.add(t.trim());
      GcoreVideos videos = videos();
      GcoreVideo v;
      try {
        v = videos.create(name, url, transcribe ? autoTranscribe : null, targets);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(e.getMessage());
      }
      out.println("created Gcore video " + v.id() + " (" + v.name() + ", status " + v.status() + ")");
      if (!await) return ExitCodes.OK;
      int expected = 1 + targets.size();
      err.println("waiting for " + expected + " subtitle track(s) from Gcore…");
      List<GcoreSubtitle> subs = videos.awaitSubtitles(v.id(), expected, Duration.ofMinutes(waitMinutes));
      for (Path f : write(output, CaptionCommand.fileName(name), subs, err)) out.println(f);
      return ExitCodes.OK;
    }
  }

  /** {@code captions gcore subtitles ID [-o DIR]}: download every subtitle track attached to a video. */
  @Command(name = "subtitles", mixinStandardHelpOptions = true,
      description = {"Download every subtitle track attached to a Gcore video as WebVTT files."})
  static final class Subtitles implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The Gcore video id.")
    long videoId;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output directory (default: current directory).")
    Path output = Path.of(".");

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      GcoreVideos videos = videos();
      List<GcoreSubtitle> subs = videos.subtitles(videoId);
      if (subs.isEmpty()) {
        spec.commandLine().getErr().println("Gcore video " + videoId + " has no subtitles yet");
        return ExitCodes.OK;
      }
      for (Path f : write(output, "gcore-" + videoId, subs, spec.commandLine().getErr())) out.println(f);
      return ExitCodes.OK;
    }
  }
}
