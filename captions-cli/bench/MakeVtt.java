import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes about MB megabytes of realistic two-line WebVTT cues to FILE: {@code java MakeVtt.java FILE MB}. */
public class MakeVtt {
  public static void main(String[] args) throws IOException {
    Path file = Path.of(args[0]);
    long target = Long.parseLong(args[1]) * 1_000_000L;
    String[] lines = {"Well, I suppose we could try the other door", "<i>if nobody minds waiting</i> a little longer",
        "Où est la gare ? Je ne sais pas, désolé.", "Tom &amp; Jerry were here &lt;3", "<v Ann>Let's go then.</v>"};
    long written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("WEBVTT\n");
      for (long i = 0; written < target; i++) {
        long start = i * 2000;
        String cue = "\n" + (i % 5 == 0 ? (i + 1) + "\n" : "") + ts(start) + " --> " + ts(start + 1800)
            + (i % 7 == 0 ? " line:0 position:20%" : "") + "\n" + lines[(int) (i % 5)] + "\n"
            + lines[(int) ((i + 2) % 5)] + "\n";
        w.write(cue);
        written += cue.length();
      }
    }
  }

  private static String ts(long ms) {
    return String.format("%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }
}
