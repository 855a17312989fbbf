package dev.captions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's "done when" command on the shipped sample, offline (FFmpeg + Vosk):
 * {@code caption samples/talk.mp4 -f vtt,srt,ttml,ass --highlight-words --max-line-width 32 --preview}. Every output
 * passes its format's strict validator, the highlighting is in the WebVTT (a timestamp tag before each word after the
 * first) and the ASS ({@code \k} per word), no line is wider than 32 characters, and the preview page is written.
 */
class AllFormatsHighlightedSampleTest {
  static final Path SAMPLE = Path.of("..", "samples", "talk.mp4");
  static final Pattern VTT_TIMESTAMP_TAG = Pattern.compile("<(\\d{2}:)?\\d{2}:\\d{2}\\.\\d{3}>");

  @TempDir static Path out;
  static Cli run;

  @BeforeAll
  static void caption() {
    run = Cli.run("caption", SAMPLE.toString(), "-o", out.toString(), "-f", "vtt,srt,ttml,ass", "--highlight-words",
        "--max-line-width", "32", "--preview", "--quiet");
    assertThat(run.exitCode).as(run.toString()).isZero();
  }

  @Test
  void everyOutputPassesItsStrictValidator() throws Exception {
    for (String name : List.of("talk.en.vtt", "talk.en.srt", "talk.en.ttml", "talk.en.ass")) {
      Path file = out.resolve(name);
      assertThat(file).as(name).isNotEmptyFile();
      CaptionFormat format = CaptionFormat.from(name);
      try (Reader r = Files.newBufferedReader(file)) {
        assertThat(CaptionCodecs.forFormat(format).validate(r))
            .as(name).noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
      }
    }
  }

  @Test
  void webVttHasATimestampTagBeforeEveryWordButTheFirst() throws Exception {
    String vtt = Files.readString(out.resolve("talk.en.vtt"));
    CaptionTrack track;
    try (Reader r = Files.newBufferedReader(out.resolve("talk.en.vtt"))) {
      track = CaptionCodecs.forFormat(CaptionFormat.WEBVTT).read(r).track();
    }
    assertThat(track.cues()).isNotEmpty();
    int tags = 0;
    int words = 0;
    for (Cue c : track.cues()) {
      Matcher m = VTT_TIMESTAMP_TAG.matcher(c.text());
      while (m.find()) tags++;
      String visible = visible(c.text());
      words += visible.trim().split("\\s+").length;
      for (String line : visible.split("\n")) assertThat(line.length()).as(line).isLessThanOrEqualTo(32);
    }
    // A tag before every word but each cue's first, which starts with the cue (Vosk times every word it hears).
    assertThat(tags).as(vtt).isEqualTo(words - track.cues().size());
  }

  /** The text a viewer sees: tags out, the three character references WebVTT needs back in. */
  static String visible(String markup) {
    return markup.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  @Test
  void assHasKaraokeTimingForEveryWord() throws Exception {
    List<String> dialogue = Files.readAllLines(out.resolve("talk.en.ass")).stream()
        .filter(l -> l.startsWith("Dialogue:")).toList();
    assertThat(dialogue).isNotEmpty().allSatisfy(l -> assertThat(l).contains("{\\k"));
  }

  @Test
  void writesThePreviewPageNextToTheTracks() throws Exception {
    Path page = out.resolve("talk.preview.html");
    assertThat(page).isNotEmptyFile();
    assertThat(Files.readString(page)).contains("talk.mp4");
  }
}
