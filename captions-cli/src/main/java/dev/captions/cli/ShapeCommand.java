package dev.captions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.shaping.CaptionShaper;
import dev.captions.shaping.ShapingResult;
import dev.captions.shaping.StyleProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code captions shape}: re-shape a caption file, or shape a timed-word transcript, into readable cues. */
@Command(name = "shape", mixinStandardHelpOptions = true,
    description = {"Make readable cues from a caption file or a timed-word transcript JSON.",
        "Re-shapes a caption file (vtt, srt, json track) or shapes a transcript: line length, line breaks, reading "
            + "speed, durations, gaps. Repairs bad timings and reports what it did.",
        "Transcript JSON: {\"language\":\"en\",\"words\":[{\"text\":\"Hi\",\"start\":0.0,\"end\":0.3}, ...]}",
        "  or {\"segments\":[{\"text\":\"...\",\"start\":0.0,\"end\":2.5}, ...]} (times in seconds)."})
final class ShapeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT") String input;
  @Parameters(index = "1", paramLabel = "OUTPUT") String output;
  @Option(names = {"-p", "--profile"}, paramLabel = "NAME", converter = OptionValues.Profile.class, defaultValue = "netflix",
      description = "netflix (default), netflix-children, bbc, dcmp.")
  StyleProfile profile;
  @CommandLine.Mixin StyleOptions style;
  @Option(names = "--from", paramLabel = "FMT", converter = OptionValues.Format.class,
      description = "Input format when not given by the extension.") CaptionFormat from;
  @Option(names = "--to", paramLabel = "FMT", converter = OptionValues.Format.class,
      description = "Output format when not given by the extension.") CaptionFormat to;

  @Override
  public Integer call() throws Exception {
    CaptionShaper shaper = CaptionShaper.of(style.apply(profile, spec.commandLine()));
    CaptionFormat inFormat = OptionValues.formatOf(spec.commandLine(), input, from, "input", "--from");
    CaptionFormat outFormat = OptionValues.formatOf(spec.commandLine(), output, to, "output", "--to");
    PrintWriter err = spec.commandLine().getErr();
    ShapingResult result;
    Transcript transcript = inFormat == CaptionFormat.JSON ? readTranscript() : null;
    if (transcript != null) {
      result = shaper.shape(transcript);
    } else {
      ParseResult parsed = CaptionFiles.read(spec, input, inFormat);
      for (Diagnostic d : parsed.diagnostics()) err.println(input + ": " + d);
      result = shaper.reshape(parsed.track(), java.util.OptionalLong.empty());
    }
    // Captions are asked for the cue text; the timed words the cues were made of go only where they have a place
    // (JSON), so no other format reports them as lost.
    CaptionFiles.write(spec, output, outFormat,
        outFormat == CaptionFormat.JSON ? result.track() : result.track().withoutWords());
    err.println(input + ": " + result.track().cues().size() + " cues; " + result.report().summary());
    return ExitCodes.OK;
  }

  /** A transcript JSON (words or segments), or null when the JSON is a caption track (has "cues"). */
  private Transcript readTranscript() throws IOException {
    JsonNode root;
    try (Reader r = CaptionFiles.open(spec, input)) {
      root = JSON.readTree(r);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidInputException(input + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject() || root.has("cues")) return null;
    if (!root.has("words") && !root.has("segments")) {
      throw new InvalidInputException(input + ": a transcript JSON needs \"words\" or \"segments\" (or \"cues\" for a track)");
    }
    Transcript.Builder b = Transcript.builder().language(root.path("language").asText("und"));
    List<TimedWord> words = new ArrayList<>();
    for (JsonNode w : root.path("words")) words.add(TimedWord.of(text(w), ms(w, "start"), Math.max(ms(w, "start"), ms(w, "end"))));
    List<Segment> segments = new ArrayList<>();
    for (JsonNode s : root.path("segments")) {
      segments.add(Segment.of(ms(s, "start"), Math.max(ms(s, "start"), ms(s, "end")), text(s)));
    }
    return b.words(words).segments(segments).build();
  }

  private String text(JsonNode n) {
    JsonNode t = n.get("text");
    if (t == null || !t.isTextual()) throw new InvalidInputException(input + ": every word and segment needs a \"text\" string");
    return t.asText();
  }

  private long ms(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isNumber() || v.asDouble() < 0) {
      throw new InvalidInputException(input + ": \"" + field + "\" must be a number of seconds >= 0 in " + n);
    }
    return Math.round(v.asDouble() * 1000);
  }
}
