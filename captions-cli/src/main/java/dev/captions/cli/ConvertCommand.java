package dev.captions.cli;

import dev.captions.codec.CaptionFormat;
import dev.captions.model.TimeMap;
import java.nio.charset.Charset;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code captions convert}: between WebVTT, SRT and JSON. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Convert a caption file between WebVTT, SRT and JSON.",
        "Formats come from the extensions, or --from/--to; '-' reads stdin or writes stdout.",
        "The input's encoding is detected (BOM, UTF-8, else a detector) unless --encoding gives it; output is UTF-8.",
        "To or from SRT streams cue by cue: memory stays flat whatever the file's size.",
        "What the input had that was skipped or repaired, and what the output format cannot hold, go to stderr."})
final class ConvertCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "INPUT") String input;
  @Parameters(index = "1", paramLabel = "OUTPUT") String output;
  @Option(names = "--from", paramLabel = "FMT", converter = OptionValues.Format.class,
      description = "Input format: vtt, srt, json.") CaptionFormat from;
  @Option(names = "--to", paramLabel = "FMT", converter = OptionValues.Format.class,
      description = "Output format: vtt, srt, json.") CaptionFormat to;
  @Option(names = "--encoding", paramLabel = "CHARSET", converter = OptionValues.Encoding.class,
      description = "The input's encoding, e.g. windows-1250 or Shift_JIS (default: detected).") Charset encoding;

  @Override
  public Integer call() throws Exception {
    CaptionFormat in = OptionValues.formatOf(spec.commandLine(), input, from, "input", "--from");
    CaptionFormat out = OptionValues.formatOf(spec.commandLine(), output, to, "output", "--to");
    CaptionFiles.convert(spec, input, in, output, out, encoding, TimeMap.IDENTITY);
    return ExitCodes.OK;
  }
}
