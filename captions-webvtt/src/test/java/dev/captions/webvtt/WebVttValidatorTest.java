package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.Diagnostic;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebVttValidatorTest {
  private static List<String> validate(String vtt) throws IOException {
    List<Diagnostic> d = WebVttValidator.create().validate(new StringReader(vtt));
    assertThat(d).allMatch(x -> x.severity() == Diagnostic.Severity.ERROR);
    return d.stream().map(Diagnostic::toString).collect(java.util.stream.Collectors.toList());
  }

  @Test
  void validFileHasNoErrors() throws IOException {
    assertThat(validate("WEBVTT - title\n\nREGION\nid:r\nwidth:50%\n\nSTYLE\n::cue{}\n\nNOTE hi\n\n1\n"
        + "00:01.000 --> 00:02.000 region:r align:start line:-1 position:10%,line-left size:50%\n"
        + "<v Ann>Hello &amp; <i>bye</i><00:01.500>\n")).isEmpty();
  }

  @Test
  void reportsLineColumnAndRule() throws IOException {
    assertThat(validate("WEBVTT\n\n00:00:01.000 00:00:02.000\nx\n"))
        .containsExactly("line 3, col 14: expected '-->' after the start timestamp");
    assertThat(validate("WEBVTT\n\n00:00:01.000 --> 00:00:02.000 foo:bar line:abc\na & b\n"))
        .containsExactly("line 3, col 31: unknown cue setting 'foo' (known: vertical, line, position, size, align, region)",
            "line 3, col 39: line must be an integer (e.g. -1) or a percentage (e.g. 90%)",
            "line 4, col 3: '&' must start a character reference (write '&amp;')");
  }

  @Test
  void reportsOrderAndStructure() throws IOException {
    assertThat(validate("WEBVTT\nheader line\n\n00:02.000 --> 00:01.000\nx\n\n00:00.500 --> 00:03.000\ny\n\nSTYLE\na{}\n\nstray\n"))
        .containsExactly(
            "line 2, col 1: expected a blank line after the WEBVTT line (header lines are not part of WebVTT)",
            "line 4, col 15: the end timestamp must be after the start timestamp",
            "line 7, col 1: cues must be in start-time order (this one starts before the previous)",
            "line 10, col 1: STYLE blocks must come before the first cue",
            "line 13, col 1: expected a cue (optional identifier, then a timing line 'start --> end'), NOTE, STYLE or REGION block");
  }

  @Test
  void missingSignature() throws IOException {
    assertThat(validate("WEBVT\n")).containsExactly("line 1, col 1: the first line must start with 'WEBVTT'");
  }
}
