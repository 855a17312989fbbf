package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.Diagnostic;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SrtValidatorTest {
  private static List<String> validate(String srt) throws IOException {
    return SrtValidator.create().validate(new StringReader(srt)).stream().map(Diagnostic::toString)
        .collect(Collectors.toList());
  }

  @Test
  void writerOutputIsValid() throws IOException {
    String srt = SrtWriter.create().writeToString(CaptionTrack.of("en", TrackKind.CAPTIONS,
        List.of(Cue.of(0, 1000, "a\nb"), Cue.of(1000, 2000, "c"))));
    assertThat(validate(srt)).isEmpty();
  }

  @Test
  void reportsEachRule() throws IOException {
    assertThat(validate("2\n00:00:01.000 --> 00:00:02,000\nx\n\n\n3\n00:00:03,000 --> 00:00:02,000\n\n4\n00:00:04,000->00:00:05,000\ny\n"))
        .containsExactly(
            "line 1, col 1: expected cue index 1, found '2'",
            "line 2, col 1: invalid start time (expected HH:MM:SS,mmm)",
            "line 5, col 1: more than one blank line between cues",
            "line 6, col 1: expected cue index 2, found '3'",
            "line 7, col 18: the end time must be after the start time",
            "line 7, col 1: a cue needs at least one line of text",
            "line 9, col 1: expected cue index 3, found '4'",
            "line 10, col 13: expected ' --> ' after the start time");
  }

  @Test
  void writerOutputOver99HoursIsValid() throws IOException {
    long h100 = 100L * 3_600_000L;
    String srt = SrtWriter.create().writeToString(CaptionTrack.of("en", TrackKind.CAPTIONS,
        List.of(Cue.of(h100 - 1000, h100, "a"), Cue.of(h100, h100 + 1500, "b"))));
    assertThat(srt).contains("99:59:59,000 --> 100:00:00,000", "100:00:00,000 --> 100:00:01,500");
    assertThat(validate(srt)).isEmpty();
  }

  @Test
  void longHoursStillNeedTheRestOfTheTimingLine() throws IOException {
    assertThat(validate("1\n100:00:00,000 -> 100:00:01,000\nx\n\n2\n100:00:02,000 --> 100:00:01,000\ny\n"
        + "\n3\n0100:00:03,000 --> 100:00:04,000\nz\n"))
        .containsExactly(
            "line 2, col 14: expected ' --> ' after the start time",
            "line 6, col 19: the end time must be after the start time",
            "line 10, col 1: invalid start time (expected HH:MM:SS,mmm)");
  }

  @Test
  void whitespaceOnlyLinesAreReported() throws IOException {
    assertThat(validate("1\n00:00:00,000 --> 00:00:01,000\na\n \t\nb\n  \n2\n00:00:01,000 --> 00:00:02,000\nc\n"))
        .containsExactly(
            "line 4, col 1: line of only whitespace: players read it as a blank line; make it empty or remove it",
            "line 6, col 1: line of only whitespace: players read it as a blank line; make it empty or remove it");
    // Between cues too, where it is reported once and not read as a missing index.
    assertThat(validate("1\n00:00:00,000 --> 00:00:01,000\na\n\n \n2\n00:00:01,000 --> 00:00:02,000\nc\n"))
        .containsExactly(
            "line 5, col 1: line of only whitespace: players read it as a blank line; make it empty or remove it");
  }
}
