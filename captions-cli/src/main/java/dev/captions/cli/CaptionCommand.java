package dev.captions.cli;

import dev.captions.CaptionPipeline;
import dev.captions.Captions;
import dev.captions.ConfigurationException;
import dev.captions.PipelineResult;
import dev.captions.align.AlignmentMode;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.CaptionTrack;
import dev.captions.model.MediaSource;
import dev.captions.provider.gcore.GcoreSubtitle;
import dev.captions.provider.gcore.GcoreTranscriber;
import dev.captions.provider.gcore.GcoreVideo;
import dev.captions.shaping.StyleProfile;
import dev.captions.spi.BurnInOptions;
import dev.captions.spi.Transcriber;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code captions caption}: the whole pipeline on one or more videos. */
@Command(name = "caption", mixinStandardHelpOptions = true,
    description = {"Caption videos into WebVTT/SRT files; optionally translate, summarise, burn in and mux. "
        + "Extracts the audio, transcribes it, shapes readable cues and writes the caption files. With no provider "
        + "named, it uses a configured cloud provider that can take the input, else the offline default (ffmpeg + "
        + "vosk); it prints which ones it uses. Every input is processed; the exit code is that of the first that "
        + "failed."})
final class CaptionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "VIDEO", description = "Video or audio files, or http(s) URLs.")
  List<String> videos = new ArrayList<>();

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Output directory (default: current directory).")
  Path output = Path.of(".");

  @Option(names = {"-f", "--formats"}, split = ",", paramLabel = "FMT", converter = OptionValues.Format.class,
      defaultValue = "vtt,srt", description = "Caption formats: vtt, srt, json, ttml, ass (default: vtt,srt).")
  List<CaptionFormat> formats;

  @Option(names = "--transcriber", paramLabel = "NAME", description = "Transcriber: vosk, gemini, openai, gcore.")
  String transcriber;

  @Option(names = "--media", paramLabel = "NAME",
      description = "Media processor: ffmpeg, ittybit, or none (the transcriber takes the input as it is).")
  String media;

  @Option(names = "--translator", paramLabel = "NAME", description = "Translator for --translate: gemini, openai. "
      + "With --transcriber gcore and no translator, Gcore translates (one task per language).")
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

  @Option(names = "--align", paramLabel = "MODE", converter = OptionValues.Align.class, defaultValue = "auto",
      description = "Put the transcript's times on the audio's clock: auto (default: for transcribers whose times are "
          + "untrusted or absent, e.g. gemini, openai gpt-4o-transcribe), on, off.")
  AlignmentMode align;

  @Option(names = "--burn", description = "Also write an MP4 (H.264/AAC) of the video with the captions burned in.")
  boolean burn;

  @Option(names = "--burn-language", paramLabel = "LANG",
      description = "Burn in this language's track (the spoken language or one of --translate); implies --burn.")
  String burnLanguage;

  @Option(names = "--size", paramLabel = "SIZE", converter = OptionValues.Size.class,
      description = "Size of the burned-in video: 1080p, 720p, 480p or WxH (default: the input's).")
  OptionValues.FrameSize size;

  @Option(names = "--mux", description = "Also write a copy of the video with every track as a soft subtitle stream.")
  boolean mux;

  @Option(names = "--summary", description = "Also summarise the video: title, one sentence and chapters "
      + "(printed, and written to NAME.summary.json and NAME.chapters.vtt).")
  boolean summary;

  @Option(names = "--gcore-video", paramLabel = "ID", description = "Caption this Gcore video (its MP4 rendition) "
      + "instead of a VIDEO, and attach every written track to it.")
  Long gcoreVideo;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary lines; errors only.")
  boolean quiet;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time-out of one request to a cloud provider "
      + "(default: 120; uploads get 5 times as long). Sets captions.<provider>.requestTimeoutMs for every provider.")
  Double timeoutSeconds;

  // Issue 16: style overrides, burn-in style, prompt and vocabulary, preview page.
  @CommandLine.Mixin StyleOptions style;

  @CommandLine.Mixin BurnStyleOptions burnStyle;

  @Option(names = "--prompt", paramLabel = "TEXT", description = "Context for the transcriber: topic, names, style "
      + "(openai and gemini use it; with others it is ignored with a warning).")
  String prompt;

  @Option(names = "--vocabulary", paramLabel = "FILE", description = "Terms to spell as written (names, jargon): a "
      + "UTF-8 file, one term per line; '#' after a space or at the start starts a comment. Sent with the prompt (openai, gemini).")
  Path vocabularyFile;

  @Option(names = "--highlight-words", description = "Word-by-word highlighting (karaoke): a WebVTT timestamp tag "
      + "before each word, \\k timing in ASS, timed spans in TTML; SRT cannot hold it (reported).")
  boolean highlightWords;

  @Option(names = "--preview", description = "Also write NAME.preview.html: the video with every track, a cue list "
      + "and a timeline of cues and reading speed, flagging what breaks the profile (see 'captions preview').")
  boolean preview;

  /** The profile with {@link #style}'s overrides; set by {@link #call()}. */
  private StyleProfile effectiveProfile;
  private List<String> vocabulary = List.of();

  // Speakers (issue 16): --speakers, --speaker-names, --speaker-style.
  @Option(names = "--speakers", description = "Label who speaks (transcribers openai, gemini). Shown as the "
      + "profile says: dashes when two speakers share a cue (netflix), or names, WebVTT <v Name> and SRT "
      + "'Name: ' (bbc, dcmp).")
  boolean speakers;

  @Option(names = "--speaker-names", split = ",", paramLabel = "LABEL=NAME", description = "Real names for the "
      + "transcriber's labels, e.g. A=Ana,B=Ben; implies --speakers.")
  Map<String, String> speakerNames = new LinkedHashMap<>();

  @Option(names = "--speaker-style", paramLabel = "STYLE", converter = SpeakerStyleValue.class,
      description = "Override the profile's speaker style: dashes, spaced-dashes or names.")
  StyleProfile.SpeakerStyle speakerStyle;

  /** {@code --speaker-style}: the style's name in lower case, {@code _} written {@code -}. */
  static final class SpeakerStyleValue implements CommandLine.ITypeConverter<StyleProfile.SpeakerStyle> {
    @Override
    public StyleProfile.SpeakerStyle convert(String value) {
      for (StyleProfile.SpeakerStyle s : StyleProfile.SpeakerStyle.values()) {
        if (s.name().replace('_', '-').equalsIgnoreCase(value.trim())) return s;
      }
      throw new CommandLine.TypeConversionException("unknown speaker style '" + value
          + "'; valid values: dashes, spaced-dashes, names");
    }
  }

  /** The cloud providers whose request time-out {@code --timeout} sets. */
  static final List<String> CLOUD_PROVIDERS = List.of("gemini", "openai", "gcore", "ittybit");

  /** The file base name for a Gcore video (its name), or null to name files after each input. */
  private String gcoreBase;

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
    PrintWriter err = spec.commandLine().getErr();
    if (speakerStyle != null) profile = profile.toBuilder().speakerStyle(speakerStyle).build();
    effectiveProfile = style.apply(profile, spec.commandLine());
    if (vocabularyFile != null) vocabulary = Vocabulary.read(vocabularyFile);
    if (videos.isEmpty() && gcoreVideo == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give at least one VIDEO, or --gcore-video ID");
    }
    if (!videos.isEmpty() && gcoreVideo != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give VIDEO arguments or --gcore-video, not both");
    }
    GcoreTranscriber gcore = null;
    Transcriber t = null;
    if (transcriber != null) t = Captions.transcriber(transcriber);
    if (gcoreVideo != null) {
      gcore = t instanceof GcoreTranscriber ? (GcoreTranscriber) t : (GcoreTranscriber) Captions.transcriber("gcore");
      if (t == null) t = gcore;
    }

    List<MediaSource> sources = new ArrayList<>();
    if (gcoreVideo != null) {
      GcoreVideo v = gcore.videos().get(gcoreVideo);
      String mp4 = v.asrMp4Url().orElseThrow(() -> new ConfigurationException("Gcore video " + gcoreVideo
          + " has no MP4 rendition (mp4_url); ask Gcore support to enable MP4 for the account."));
      sources.add(MediaSource.ofUrl(mp4));
      gcoreBase = v.name() != null && !v.name().isBlank() ? fileName(v.name()) : "gcore-" + gcoreVideo;
      if (!quiet) err.println("Gcore video " + gcoreVideo + ": " + mp4);
    }
    for (String video : videos) {
      sources.add(video.toLowerCase(Locale.ROOT).matches("https?://.*")
          ? MediaSource.ofUrl(video) : MediaSource.of(Path.of(video)));
    }
    Set<MediaSource.Kind> kinds = EnumSet.noneOf(MediaSource.Kind.class);
    for (MediaSource s : sources) kinds.add(s.kind());

    List<String> targets = new ArrayList<>();
    for (String l : translate) targets.add(l.trim());
    try (ConsoleProgress progress = ConsoleProgress.create(quiet)) {
      // Built once without translations, to learn which transcriber discovery picks: when it is Gcore and no
      // translator is named, Gcore translates, so no translator is looked for.
      // No prompt here: its "ignored" warning belongs to the pipeline that runs.
      CaptionPipeline pipeline = builder(t, kinds, progress, List.of(), false).prompt(null).vocabulary(List.of()).build();
      boolean gcoreTranslates = translator == null && !targets.isEmpty()
          && pipeline.transcriber() instanceof GcoreTranscriber;
      if (gcoreTranslates) {
        gcore = (GcoreTranscriber) pipeline.transcriber();
        if (burnLanguage != null && !burnLanguage.equalsIgnoreCase(language)) {
          throw new ConfigurationException("--burn-language " + burnLanguage + " with Gcore's own translation is not "
              + "supported (Gcore's translated track is timed on its own); name a translator (--translator gemini or "
              + "openai), or burn in the spoken language.");
        }
        if (mux) {
          throw new ConfigurationException("--mux with Gcore's own translation is not supported; name a translator "
              + "(--translator gemini or openai), or leave out --mux.");
        }
        pipeline = builder(t, kinds, progress, List.of(), burnLanguage != null).build();
      } else {
        pipeline = builder(t, kinds, progress, targets, burnLanguage != null).build();
      }
      if (!quiet) {
        err.println("using " + pipeline.mediaProcessor().map(m -> "media processor " + m.name())
            .orElse("no media processor") + " and transcriber " + pipeline.transcriber().name()
            + (gcoreTranslates ? " (Gcore also translates into " + String.join(", ", targets) + ")" : ""));
      }

      int exit = ExitCodes.OK;
      List<String> failed = new ArrayList<>();
      for (MediaSource source : sources) {
        String base = gcoreBase != null ? gcoreBase : stripExtension(source.name());
        try {
          captionOne(pipeline, source, base, gcoreTranslates ? gcore : null, targets, progress, out, err);
        } catch (RuntimeException e) {
          progress.finish();
          int code = CaptionsCommand.exitCode(e);
          if (sources.size() == 1) throw e; // the one input: reported as every other command reports errors
          err.println("captions: " + source.name() + ": " + CaptionsCommand.oneLine(e));
          String hint = CaptionsCommand.hint(e);
          if (hint != null) err.println("hint: " + hint);
          failed.add(source.name() + " (exit " + code + ")");
          if (exit == ExitCodes.OK) exit = code;
        }
      }
      if (!failed.isEmpty()) {
        err.println("captions: " + failed.size() + " of " + sources.size() + " inputs failed: " + String.join(", ", failed));
      }
      return exit;
    }
  }

  private CaptionPipeline.Builder builder(Transcriber t, Set<MediaSource.Kind> kinds, ConsoleProgress progress,
      List<String> targets, boolean withBurnLanguage) {
    Set<CaptionFormat> fmts = new LinkedHashSet<>(formats);
    boolean burning = burn || burnLanguage != null || burnStyle.any();
    CaptionPipeline.Builder b = Captions.pipeline().outputs(output, fmts.toArray(new CaptionFormat[0]))
        .profile(effectiveProfile).burnIn(burning).summarize(summary || summarizer != null).mux(mux)
        .spokenLanguage(language).translateTo(targets.toArray(new String[0]))
        .prompt(prompt).vocabulary(vocabulary).highlightWords(highlightWords).alignTiming(align);
    if (withBurnLanguage) b.burnInLanguage(burnLanguage);
    if (burning) {
      BurnInOptions.Builder look = BurnInOptions.builder();
      if (size != null) look.size(size.width(), size.height());
      b.burnIn(burnStyle.applyTo(look, spec.commandLine()).build());
    }
    if (t != null) b.transcriber(t);
    if (media != null) {
      if (media.trim().equalsIgnoreCase("none")) b.withoutMediaProcessor();
      else b.mediaProcessor(Captions.mediaProcessor(media));
    }
    // The first build (to learn the transcriber) has no targets: a translator there would be a build() error.
    if (translator != null && !targets.isEmpty()) b.translator(Captions.translator(translator));
    if (summarizer != null) b.summarizer(Captions.summarizer(summarizer));
    // All local files (the usual case) or all URLs: discovery then picks only providers that can take them.
    if (kinds.size() == 1) b.expectedSource(kinds.iterator().next());
    if (gcoreBase != null) b.baseName(gcoreBase);
    if (speakers || !speakerNames.isEmpty()) b.speakers(true).speakerNames(speakerNames);
    return b.progress(progress);
  }

  private void captionOne(CaptionPipeline pipeline, MediaSource source, String base, GcoreTranscriber gcoreTranslator,
      List<String> targets, ConsoleProgress progress, PrintWriter out, PrintWriter err) {
    PipelineResult r = pipeline.run(source);
    progress.finish();
    Map<String, CaptionTrack> tracks = new LinkedHashMap<>(r.tracks());
    List<Path> files = new ArrayList<>(r.files());
    if (gcoreTranslator != null) {
      // Gcore translates by transcribing again with subtitles_language: one (paid) task per language.
      Set<CaptionFormat> fmts = new LinkedHashSet<>(formats);
      for (String lang : targets) {
        if (tracks.containsKey(lang)) continue;
        CaptionPipeline.Builder lb = Captions.pipeline();
        if (pipeline.mediaProcessor().isPresent()) lb.mediaProcessor(pipeline.mediaProcessor().get());
        else lb.withoutMediaProcessor();
        PipelineResult lr = lb
            .transcriber(gcoreTranslator.withSubtitlesLanguage(lang)).spokenLanguage(language)
            .outputs(output, fmts.toArray(new CaptionFormat[0])).profile(effectiveProfile).baseName(base).progress(progress)
            .build().run(source);
        progress.finish();
        tracks.put(lang, lr.captions());
        files.addAll(lr.files());
      }
    }
    if (r.captions().cues().isEmpty()) {
      err.println("warning: no speech found in " + source.name() + "; the caption files hold an empty track.");
    }
    if (!quiet) {
      out.println(source.name() + ": " + r.captions().cues().size() + " cues (" + r.captions().language() + "); "
          + r.quality().summary());
    }
    if (r.summary().isPresent()) {
      if (!quiet) SummaryOutput.print(out, r.summary().get());
      files.add(SummaryOutput.write(output, base, r.summary().get()));
    }
    if (preview) files.add(writePreview(source, base, r, tracks));
    for (Path f : files) out.println(f);
    r.captionedVideo().filter(ref -> !ref.source().isFile()).ifPresent(ref -> out.println(ref.source().uri()));
    r.subtitledVideo().filter(ref -> !ref.source().isFile()).ifPresent(ref -> out.println(ref.source().uri()));
    if (gcoreVideo != null) attachToGcore(tracks, out);
  }

  /**
   * Writes {@code base.preview.html} into the output directory: every track (the spoken language's flagged from the
   * run's quality report, the others checked against the same profile), the chapters when summarised, the video by
   * its path relative to the page (or its URL).
   */
  private Path writePreview(MediaSource source, String base, PipelineResult r, Map<String, CaptionTrack> tracks) {
    long known = r.mediaDurationMs().orElse(0);
    String src = source.isFile() ? PreviewPage.videoSrc(output, source.path()) : source.uri().toString();
    PreviewPage page = new PreviewPage(source.name(), src, effectiveProfile, known);
    for (Map.Entry<String, CaptionTrack> e : tracks.entrySet()) {
      CaptionTrack track = e.getValue();
      boolean spoken = track == r.captions();
      page.addTrack(base + "." + e.getKey() + (spoken ? " (spoken)" : ""), track, spoken ? r.quality().violations()
          : dev.captions.shaping.ComplianceChecker.of(effectiveProfile).check(track, r.mediaDurationMs()));
    }
    r.quality().notes().forEach(page::note);
    r.summary().ifPresent(s -> page.chapters(s.toChaptersTrack(Math.max(known, r.captions().endMs()))));
    Path file = output.resolve(base + ".preview.html");
    page.write(file);
    return file;
  }

  /** Attaches every written track to the Gcore video, named after its language ("English (AI)"). */
  private void attachToGcore(Map<String, CaptionTrack> tracks, PrintWriter out) {
    GcoreTranscriber gcore = (GcoreTranscriber) Captions.transcriber("gcore");
    for (CaptionTrack track : tracks.values()) {
      if (track.cues().isEmpty()) continue;
      String name = Locale.forLanguageTag(track.language()).getDisplayLanguage(Locale.ENGLISH) + " (AI)";
      GcoreSubtitle s = gcore.videos().addSubtitles(gcoreVideo, name, track);
      out.println("attached " + track.language() + " to Gcore video " + gcoreVideo + " as '" + s.name() + "' (subtitle "
          + s.id() + ")");
    }
  }

  /** A title as a file name: letters, digits, '.', '-' and '_' kept, every other run of characters one '-'. */
  static String fileName(String title) {
    String s = title.strip().replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() ? "video" : s;
  }

  static String stripExtension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
