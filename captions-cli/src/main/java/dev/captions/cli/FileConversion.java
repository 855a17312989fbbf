package dev.captions.cli;

import dev.captions.codec.CaptionFormat;
import dev.captions.model.TimeMap;
import java.io.IOException;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The input, output, formats and encoding that {@code convert} and {@code retime} share (a picocli mixin), and the
 * one way both run: read, re-time, write.
 */
final class FileConversion {
  @Parameters(index = "0", paramLabel = "INPUT") String input;
  @Parameters(index = "1", paramLabel = "OUTPUT") String output;
  @Option(names = "--from", paramLabel = "FMT", converter = OptionValues.Format.class,
      description = "Input format: vtt, srt, json, ttml, ass (default: from INPUT's extension).") CaptionFormat from;
  @Option(names = "--to", paramLabel = "FMT", converter = OptionValues.Format.class,
      description = "Output format: vtt, srt, json, ttml, ass (default: from OUTPUT's extension).") CaptionFormat to;
  @Option(names = "--encoding", paramLabel = "CHARSET", converter = OptionValues.Encoding.class,
      description = "The input's encoding, e.g. windows-1250 or Shift_JIS (default: detected).") Charset encoding;

  /** Converts INPUT to OUTPUT with every time passed through {@code map}. */
  int run(CommandLine.Model.CommandSpec spec, TimeMap map) throws IOException {
    CaptionFormat in = OptionValues.formatOf(spec.commandLine(), input, from, "input", "--from");
    CaptionFormat out = OptionValues.formatOf(spec.commandLine(), output, to, "output", "--to");
    CaptionFiles.convert(spec, input, in, output, out, encoding, map);
    return ExitCodes.OK;
  }
}
