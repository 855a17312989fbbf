package dev.captions.cli;

import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.TrackKind;
import dev.captions.shaping.ComplianceChecker;
import dev.captions.shaping.StyleProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code captions preview}: one HTML page to review a video's caption tracks in a browser. */
@Command(name = "preview", mixinStandardHelpOptions = true,
    description = {"Write one self-contained HTML page to review captions with their video: every caption track and "
        + "the chapters track on the video, a cue list that follows playback and flags what breaks the profile, "
        + "track switching, and a timeline of cues, gaps, chapters and reading speed; click it to seek.",
        "Give a directory (a 'caption' output folder with its video) or the files: one video and any number of "
        + "caption files (vtt, srt, json; NAME.chapters.vtt is the chapters track). The video is referenced by its "
        + "path relative to the page, not copied: keep the two where they are (or move them together)."},
    footerHeading = "%nExamples:%n",
    footer = {"  captions preview out/ --video talk.mp4 -o out/talk.preview.html",
        "  captions preview talk.mp4 talk.vtt talk.es.vtt talk.chapters.vtt --profile bbc"})
final class PreviewCommand implements Callable<Integer> {
  /** File extensions read as the video (or audio) of the page. */
  static final Set<String> MEDIA = Set.of("mp4", "m4v", "mov", "mkv", "webm", "ogv", "ogg", "mp3", "m4a", "wav",
      "opus", "flac", "aac");
  /** Caption formats by preference when one track exists in several (talk.vtt and talk.srt): the first is used. */
  private static final List<String> CAPTIONS = List.of("vtt", "json", "srt");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR|FILE",
      description = "A directory to scan (not recursively), or video and caption files.")
  List<Path> inputs;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "preview.html",
      description = "The page to write (default: preview.html).")
  Path output;

  @Option(names = "--video", paramLabel = "FILE|URL",
      description = "The video, when the inputs hold none or several.")
  String video;

  @Option(names = {"-p", "--profile"}, paramLabel = "NAME", converter = OptionValues.Profile.class,
      defaultValue = "netflix", description = "Profile the cues are checked against: netflix (default), "
      + "netflix-children, bbc, dcmp.")
  StyleProfile profile;

  @CommandLine.Mixin StyleOptions style;

  @Override
  public Integer call() throws IOException {
    CommandLine cmd = spec.commandLine();
    PrintWriter err = cmd.getErr();
    StyleProfile p = style.apply(profile, cmd);
    List<Path> media = new ArrayList<>();
    Map<String, Path> captions = new LinkedHashMap<>(); // base name with language -> file, in the order found
    for (Path in : inputs) {
      if (!Files.exists(in)) throw new InvalidInputException.FileNotFound("File not found: " + in.toAbsolutePath(), null);
      List<Path> files;
      if (Files.isDirectory(in)) {
        try (Stream<Path> s = Files.list(in)) {
          files = s.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        files = List.of(in);
      }
      for (Path f : files) {
        String ext = extension(f);
        if (MEDIA.contains(ext)) {
          media.add(f);
        } else if (CAPTIONS.contains(ext) && !f.getFileName().toString().endsWith(".summary.json")) {
          String key = f.toAbsolutePath().normalize().toString();
          key = key.substring(0, key.length() - ext.length());
          Path seen = captions.get(key);
          if (seen == null || CAPTIONS.indexOf(ext) < CAPTIONS.indexOf(extension(seen))) captions.put(key, f);
        } else if (!Files.isDirectory(in)) {
          throw new CommandLine.ParameterException(cmd, f + " is neither a video (" + String.join(", ",
              new java.util.TreeSet<>(MEDIA)) + ") nor a caption file (vtt, srt, json)");
        }
      }
    }
    String src;
    String title;
    if (video != null) {
      boolean url = video.toLowerCase(Locale.ROOT).matches("https?://.*");
      if (!url && !Files.isRegularFile(Path.of(video))) {
        throw new InvalidInputException.FileNotFound("File not found: " + Path.of(video).toAbsolutePath(), null);
      }
      src = url ? video : PreviewPage.videoSrc(parent(output), Path.of(video));
      title = url ? video : Path.of(video).getFileName().toString();
    } else if (media.size() == 1) {
      src = PreviewPage.videoSrc(parent(output), media.get(0));
      title = media.get(0).getFileName().toString();
    } else {
      throw new CommandLine.ParameterException(cmd, media.isEmpty()
          ? "no video among the inputs; give it with --video FILE (or an http(s) URL)"
          : "several videos among the inputs (" + media.size() + "); choose one with --video FILE");
    }
    if (captions.isEmpty()) throw new CommandLine.ParameterException(cmd, "no caption file (vtt, srt, json) among the inputs");

    PreviewPage page = new PreviewPage(title, src, p, 0);
    for (Path f : captions.values()) {
      ParseResult parsed = CaptionFiles.read(spec, f.toString(), CaptionFormat.from(f.toString()));
      for (Diagnostic d : parsed.diagnostics()) err.println(f + ": " + d);
      CaptionTrack track = parsed.track();
      if (track.kind() == TrackKind.CHAPTERS || f.getFileName().toString().endsWith(".chapters.vtt")) {
        page.chapters(track);
      } else {
        page.addTrack(f.getFileName().toString(), track, ComplianceChecker.of(p).check(track, OptionalLong.empty()));
      }
    }
    if (page.trackCount() == 0) {
      throw new CommandLine.ParameterException(cmd, "only a chapters track among the inputs; give a caption file too");
    }
    page.write(output);
    cmd.getOut().println(output);
    return ExitCodes.OK;
  }

  private static Path parent(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent != null ? parent : Path.of(".").toAbsolutePath();
  }

  private static String extension(Path f) {
    String n = f.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
