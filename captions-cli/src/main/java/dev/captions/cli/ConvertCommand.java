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
  @Option(names = "--from", paramLabel = "FMT", description = "Input format: vtt, srt, json.") String from;
  @Option(names = "--to", paramLabel = "FMT", description = "Output format: vtt, srt, json.") String to;

  @Override
  public Integer call() throws Exception {
    CaptionFormat in = CaptionFiles.formatOf(input, from, "input");
    CaptionFormat out = CaptionFiles.formatOf(output, to, "output");
    ParseResult parsed = CaptionFiles.read(input, in);
    PrintWriter err = spec.commandLine().getErr();
    for (Diagnostic d : parsed.diagnostics()) err.println(input + ": " + d);
    if (out == CaptionFormat.SRT) {
      // The SRT codec converts on write; ask the same conversion what it has to drop, so the user hears about it.
      for (Diagnostic d : Conversions.toSrt(parsed.track(), true).diagnostics()) err.println(output + ": " + d.message());
    }
    CaptionFiles.write(output, out, parsed.track());
    return ExitCodes.OK;
  }
}
