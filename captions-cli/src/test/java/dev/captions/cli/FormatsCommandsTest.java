package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TTML and ASS ({@code captions-formats}) through {@code convert} and {@code validate}, chosen by extension. */
class FormatsCommandsTest {
  @TempDir Path dir;

  @Test
  void convertToTtmlAndAssAndValidate() throws Exception {
    Path vtt = dir.resolve("in.vtt");
    Files.writeString(vtt, "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\n<i>Tom</i> &amp; Jerry\n");
    for (String ext : new String[] {"ttml", "ass"}) {
      Path out = dir.resolve("out." + ext);
      Cli r = Cli.run("convert", vtt.toString(), out.toString());
      assertThat(r.exitCode).as(r.toString()).isZero();
      Cli v = Cli.run("validate", out.toString());
      assertThat(v.exitCode).as(v.toString()).isZero();
      Path back = dir.resolve("back-" + ext + ".srt");
      assertThat(Cli.run("convert", out.toString(), back.toString()).exitCode).isZero();
      assertThat(Files.readString(back)).isEqualTo("1\n00:00:01,000 --> 00:00:02,500\n<i>Tom</i> & Jerry\n");
    }
    assertThat(Files.readString(dir.resolve("out.ass"))).contains("{\\i1}Tom{\\i0} & Jerry");
    assertThat(Files.readString(dir.resolve("out.ttml"))).contains("<span tts:fontStyle=\"italic\">Tom</span> &amp; Jerry");
  }
}
