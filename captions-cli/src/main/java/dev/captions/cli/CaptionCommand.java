package dev.captions.cli;

import dev.captions.CaptionPipeline;
import dev.captions.Captions;
import dev.captions.PipelineResult;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.MediaSource;
import dev.captions.shaping.StyleProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code captions caption}: the whole pipeline on one or more videos. */
@Command(name = "caption", mixinStandardHelpOptions = true,
    description = {"Caption videos into WebVTT/SRT files; optionally translate, summarise and burn in.",
        "Extracts the audio, transcribes it, shapes readable cues and writes the caption files.",
        "With no provider named, it uses a configured cloud provider that can take the input, else the offline",
        "default (ffmpeg + vosk); it prints which ones it uses."})
final class CaptionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "Video or audio files, or http(s) URLs.")
  List<String> videos;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output directory (default: current directory).")
  Path output = Path.of(".");

  @Option(names = {"-f", "--formats"}, split = ",", paramLabel = "FMT", converter = OptionValues.Format.class,
      defaultValue = "vtt,srt", description = "Caption formats: vtt, srt, json (default: vtt,srt).")
  List<CaptionFormat> formats;

  @Option(names = "--transcriber", paramLabel = "NAME", description = "Transcriber: vosk, gemini, openai, gcore.")
  String transcriber;

  @Option(names = "--media", paramLabel = "NAME", description = "Media processor: ffmpeg, ittybit.")
  String media;

  @Option(names = "--translator", paramLabel = "NAME", description = "Translator for --translate: gemini, openai.")
  String translator;

  @Option(names = "--summarizer", paramLabel = "NAME", description = "Summarizer: gemini, openai (implies --summary).")
  String summarizer;

  @Option(names = {"-l", "--language"}, paramLabel = "CODE", description = "Spoken language (BCP-47) or auto (default).")
  String language = "auto";

  @Option(names = {"-t", "--translate"}, split = ",", paramLabel = "LANG", description = "Also translate into these languages, e.g. es,fr.")
  List<String> translate = new ArrayList<>();

  @Option(names = {"-p", "--profile"}, paramLabel = "NAME", converter = OptionValues.Profile.class, defaultValue = "netflix",
      description = "Caption style: netflix (default), netflix-children, bbc, dcmp.")
  StyleProfile profile;

  @Option(names = "--burn", description = "Also write a copy of the video with the captions burned in.")
  boolean burn;

  @Option(names = "--summary", description = "Also summarise the video into a title and chapters.")
  boolean summary;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary lines; errors only.")
  boolean quiet;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time-out of one request to a cloud provider "
      + "(default: 120; uploads get 5 times as long). Sets captions.<provider>.requestTimeoutMs for every provider.")
  Double timeoutSeconds;

  /** The cloud providers whose request time-out {@code --timeout} sets. */
  static final List<String> CLOUD_PROVIDERS = List.of("gemini", "openai", "gcore", "ittybit");

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (timeoutSeconds != null) {
      if (!(timeoutSeconds > 0) || timeoutSeconds > 86_400) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be a number of seconds above 0 "
            + "and at most 86400, but is " + timeoutSeconds);
      }
      // Providers read their configuration from system properties (captions.<provider>.<key>), which win over
      // environment variables: the option a user typed wins.
      String ms = Long.toString(Math.max(1, Math.round(timeoutSeconds * 1000)));
      for (String p : CLOUD_PROVIDERS) System.setProperty("captions." + p + ".requestTimeoutMs", ms);
    }
    Set<CaptionFormat> fmts = new LinkedHashSet<>(formats);
    CaptionPipeline.Builder b = Captions.pipeline().outputs(output, fmts.toArray(new CaptionFormat[0])).profile(profile)
        .burnIn(burn).summarize(summary || summarizer != null)
        .spokenLanguage(language).translateTo(translate.stream().map(String::trim).toArray(String[]::new));
    if (transcriber != null) b.transcriber(Captions.transcriber(transcriber));
    if (media != null) b.mediaProcessor(Captions.mediaProcessor(media));
    if (translator != null) b.translator(Captions.translator(translator));
    if (summarizer != null) b.summarizer(Captions.summarizer(summarizer));
    List<MediaSource> sources = new ArrayList<>();
    for (String video : videos) {
      sources.add(video.toLowerCase(Locale.ROOT).matches("https?://.*")
          ? MediaSource.ofUrl(video) : MediaSource.of(Path.of(video)));
    }
    // All local files (the usual case) or all URLs: discovery then picks only providers that can take them.
    Set<MediaSource.Kind> kinds = EnumSet.noneOf(MediaSource.Kind.class);
    for (MediaSource s : sources) kinds.add(s.kind());
    if (kinds.size() == 1) b.expectedSource(kinds.iterator().next());

    try (ConsoleProgress progress = ConsoleProgress.create(quiet)) {
      CaptionPipeline pipeline = b.progress(progress).build();
      if (!quiet) {
        spec.commandLine().getErr().println("using " + pipeline.mediaProcessor().map(m -> "media processor " + m.name())
            .orElse("no media processor") + " and transcriber " + pipeline.transcriber().name());
      }
      for (MediaSource source : sources) {
        PipelineResult r = pipeline.run(source);
        progress.finish();
        if (r.captions().cues().isEmpty()) {
          spec.commandLine().getErr().println("warning: no speech found in " + source.name()
              + "; the caption files hold an empty track.");
        }
        if (!quiet) {
          out.println(source.name() + ": " + r.captions().cues().size() + " cues (" + r.captions().language() + "); "
              + r.quality().summary());
          r.summary().ifPresent(s -> out.println("  title: " + s.title() + " (" + s.chapters().size() + " chapters)"));
        }
        for (Path f : r.files()) out.println(f);
        r.captionedVideo().filter(ref -> !ref.source().isFile()).ifPresent(ref -> out.println(ref.source().uri()));
      }
    }
    return ExitCodes.OK;
  }
}
