package dev.captions.cli;

import dev.captions.model.TimeMap;
import dev.captions.model.Timecodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code captions retime}: shift, change frame rate, or resync from two points. */
@Command(name = "retime", mixinStandardHelpOptions = true,
    description = {"Fix caption timing: shift every cue, convert between frame rates, or stretch between two sync points.",
        "Timed words and timestamp tags move with their cue. Cues moved before 0:00 are dropped (and reported)."},
    // Examples are command lines, not sentences: in the footer, which picocli prints as it is (no re-wrapping).
    footerHeading = "%nExamples:%n",
    footer = {"  captions retime in.srt out.srt --offset -2.5s",
        "  captions retime in.vtt out.vtt --fps 23.976:25",
        "  captions retime in.srt out.srt --sync 00:01:02=00:01:03.2,01:10:00=01:10:04"})
final class RetimeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin FileConversion files;

  @ArgGroup(exclusive = true, multiplicity = "1") How how;

  /** Exactly one way to retime. */
  static final class How {
    @Option(names = "--offset", paramLabel = "TIME",
        description = "Add TIME to every time: -2.5s, 1500ms, 00:00:01.200 (negative moves captions earlier).")
    String offset;
    @Option(names = "--fps", paramLabel = "FROM:TO",
        description = "Captions timed for FROM frames per second, for a video at TO (23.976:25 is a PAL speed-up).")
    String fps;
    @Option(names = "--sync", paramLabel = "A=B,C=D",
        description = "Two sync points: the caption at A belongs at B, the one at C at D; times in between stretch.")
    String sync;
  }

  @Override
  public Integer call() throws Exception {
    return files.run(spec, map());
  }

  /** The mapping the options ask for; a malformed value is a usage error that says what was expected. */
  TimeMap map() {
    try {
      if (how.offset != null) return TimeMap.shift(Timecodes.parse(how.offset));
      if (how.fps != null) {
        String[] p = how.fps.split(":", -1);
        if (p.length != 2) throw new IllegalArgumentException("--fps takes FROM:TO, e.g. 23.976:25");
        return TimeMap.frameRate(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
      }
      String[] points = how.sync.split(",", -1);
      if (points.length != 2) throw new IllegalArgumentException("--sync takes two points, A=B,C=D");
      long[] t = new long[4];
      for (int i = 0; i < 2; i++) {
        String[] ab = points[i].split("=", -1);
        if (ab.length != 2) throw new IllegalArgumentException("--sync point '" + points[i] + "' is not A=B");
        t[2 * i] = Timecodes.parse(ab[0]);
        t[2 * i + 1] = Timecodes.parse(ab[1]);
      }
      return TimeMap.sync(t[0], t[1], t[2], t[3]);
    } catch (IllegalArgumentException e) { // NumberFormatException included
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage().startsWith("For input")
          ? "--fps takes two numbers, FROM:TO, e.g. 23.976:25" : e.getMessage());
    }
  }
}
