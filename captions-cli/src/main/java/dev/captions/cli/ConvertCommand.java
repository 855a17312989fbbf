package dev.captions.cli;

import dev.captions.model.TimeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code captions convert}: between WebVTT, SRT and JSON. */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = {"Convert a caption file between WebVTT, SRT and JSON.",
        "Formats come from the extensions, or --from/--to; '-' reads stdin or writes stdout.",
        "The input's encoding is detected (BOM, UTF-8, else a detector) unless --encoding gives it; output is UTF-8.",
        "Every pair streams cue by cue: memory stays flat whatever the file's size.",
        "What the input had that was skipped or repaired, and what the output format cannot hold, go to stderr."})
final class ConvertCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin FileConversion files;

  @Override
  public Integer call() throws Exception {
    return files.run(spec, TimeMap.IDENTITY);
  }
}
