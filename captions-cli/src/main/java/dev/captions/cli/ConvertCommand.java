package dev.captions.cli;

import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.webvtt.Conversions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code captions convert}: between WebVTT, SRT and JSON. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Convert a caption file between WebVTT, SRT and JSON.",
        "Formats come from the extensions, or --from/--to; '-' reads stdin or writes stdout.",
        "What the input had that was skipped or repaired is reported on stderr."})
final class ConvertCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT") String input;
  @Parameters(index = "1", paramLabel = "OUTPUT") String output;
  @Option(names = "--from", paramLabel = "FMT", converter = OptionValues.Format.class,
      description = "Input format: vtt, srt, json.") CaptionFormat from;
  @Option(names = "--to", paramLabel = "FMT", converter = OptionValues.Format.class,
      description = "Output format: vtt, srt, json.") CaptionFormat to;

  @Override
  public Integer call() throws Exception {
    CaptionFormat in = OptionValues.formatOf(spec.commandLine(), input, from, "input", "--from");
    CaptionFormat out = OptionValues.formatOf(spec.commandLine(), output, to, "output", "--to");
    ParseResult parsed = CaptionFiles.read(spec, input, in);
    PrintWriter err = spec.commandLine().getErr();
    for (Diagnostic d : parsed.diagnostics()) err.println(input + ": " + d);
    if (out == CaptionFormat.SRT) {
      // The SRT codec converts on write; ask the same conversion what it has to drop, so the user hears about it.
      for (Diagnostic d : Conversions.toSrt(parsed.track(), true).diagnostics()) err.println(output + ": " + d.message());
    }
    CaptionFiles.write(spec, output, out, parsed.track());
    return ExitCodes.OK;
  }
}
