package dev.captions.cli;

import dev.captions.CaptionFormatException;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code captions validate}: line:column diagnostics; non-zero exit when a file is invalid. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = {"Check caption files. Prints FILE:LINE:COL: message for every problem.",
        "Without --strict: what a tolerant reader (a browser) would skip or repair, as warnings; only a file that "
            + "cannot be read at all is invalid. With --strict: every violation of the format's syntax rules is an error.",
        "Exit code 3 when any file has an error."})
final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE") List<String> files;
  @Option(names = "--strict", description = "Apply every syntax rule of the format.") boolean strict;
  @Option(names = "--format", paramLabel = "FMT", converter = OptionValues.Format.class,
      description = "vtt, srt, json, ttml or ass (default: from the extension).") CaptionFormat format;
  @Option(names = "--encoding", paramLabel = "CHARSET", converter = OptionValues.Encoding.class,
      description = "The files' encoding (default: detected).") java.nio.charset.Charset encoding;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    // Every file's format first: a usage error must come before any file is reported on.
    java.util.Map<String, CaptionFormat> formats = new java.util.LinkedHashMap<>();
    for (String file : files) formats.put(file, OptionValues.formatOf(spec.commandLine(), file, format, "input", "--format"));
    boolean allValid = true;
    for (String file : files) {
      CaptionFormat f = formats.get(file);
      List<Diagnostic> diagnostics;
      try {
        dev.captions.webvtt.CaptionInput input = CaptionFiles.input(spec, file, encoding);
        try (Reader r = input.reader()) {
          diagnostics = new java.util.ArrayList<>(strict ? CaptionCodecs.forFormat(f).validate(r)
              : CaptionCodecs.forFormat(f).read(r).diagnostics());
        }
        diagnostics.addAll(input.diagnostics());
      } catch (CaptionFormatException e) {
        diagnostics = List.of(Diagnostic.error(e.line(), e.column(), stripPosition(e.getMessage())));
      }
      for (Diagnostic d : diagnostics) {
        // Column 0 means the whole line (a lenient reader's warning): "file:line:" as compilers print it.
        out.println(file + ":" + d.line() + ":" + (d.column() > 0 ? d.column() + ":" : "") + " "
            + d.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + d.message());
      }
      boolean valid = diagnostics.stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
      if (!valid) allValid = false;
      out.println(file + ": " + (valid ? "valid" : "INVALID") + " (" + diagnostics.size() + " problem"
          + (diagnostics.size() == 1 ? "" : "s") + ")");
    }
    return allValid ? ExitCodes.OK : ExitCodes.INVALID_INPUT;
  }

  private static String stripPosition(String message) {
    return message.replaceFirst("^line \\d+(, col \\d+)?: ", "");
  }
}
