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
    assertThat(d).allMatch(x -> x.severity() == Diagnostic.Severity.ERROR || x.message().startsWith("header lines"));
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
  void theWritersKindAndLanguageHeadersAreNotWarnedAbout() throws IOException {
    assertThat(validate("WEBVTT\nKind: subtitles\nLanguage: es\n\n00:00.500 --> 00:01.000\nHola\n")).isEmpty();
    assertThat(validate("WEBVTT\nKind: chapters\nLanguage: pt-BR\n\n00:00.000 --> 00:01.000\nIntro\n")).isEmpty();
    // Other header lines, or these with values the writer never writes, still are.
    assertThat(validate("WEBVTT\nLanguage: Spanish (Spain)\n\n00:00.500 --> 00:01.000\nHola\n")).hasSize(1);
    assertThat(validate("WEBVTT\nX-TIMESTAMP-MAP=LOCAL:00:00:00.000,MPEGTS:0\n\n00:00.500 --> 00:01.000\nx\n"))
        .hasSize(1);
  }

  @Test
  void reportsOrderAndStructure() throws IOException {
    assertThat(validate("WEBVTT\nheader line\n\n00:02.000 --> 00:01.000\nx\n\n00:00.500 --> 00:03.000\ny\n\nSTYLE\na{}\n\nstray\n"))
        .containsExactly(
            "line 2, col 1: header lines after 'WEBVTT' (other than 'Kind:' and 'Language:') are not part of the current WebVTT syntax; "
                + "players ignore them",
            "line 4, col 15: the end timestamp must be after the start timestamp",
            "line 7, col 1: cues must be in start-time order (this one starts before the previous)",
            "line 10, col 1: STYLE blocks must come before the first cue",
            "line 13, col 1: expected a cue (optional identifier, then a timing line 'start --> end'), NOTE, STYLE or REGION block");
  }

  @Test
  void otherHeaderLinesAreAWarningNotAnError() throws IOException {
    java.util.List<dev.captions.codec.Diagnostic> d = WebVttValidator.create()
        .validate(new java.io.StringReader("WEBVTT\nX-Source: camera 2\n\n00:01.000 --> 00:02.000\nHola\n"));
    assertThat(d).singleElement().satisfies(x -> assertThat(x.severity()).isEqualTo(dev.captions.codec.Diagnostic.Severity.WARNING));
  }

  @Test
  void missingSignature() throws IOException {
    assertThat(validate("WEBVT\n")).containsExactly("line 1, col 1: the first line must start with 'WEBVTT'");
  }

  private static String cue(String payload) {
    return "WEBVTT\n\n00:00.000 --> 00:01.000\n" + payload + "\n";
  }

  @Test
  void acceptsWhatTheSyntaxAllows() throws IOException {
    // '>' is ordinary cue text; every HTML named reference is a reference; keyword lines may end in blanks
    assertThat(validate(cue("a > b, 1 -> 2 &Eacute;t&eacute; &frac12; &ne; &#x1F600; &#233;"))).isEmpty();
    assertThat(validate("WEBVTT\n\nSTYLE \n::cue{}\n\nREGION\t\nid:r\n\n00:00.000 --> 00:01.000 region:r\nx\n")).isEmpty();
    // the voice span may stay open when it is the whole payload; </rt> may be left out before </ruby>
    assertThat(validate(cue("<v.loud Ann Lee>Hi <i>there</i>\n<b>bold</b><00:00.500> later"))).isEmpty();
    assertThat(validate(cue("<ruby>\u6f22<rt>kan</rt>\u5b57<rt>ji</ruby> <lang en-GB>colour</lang> <c.a.b>x</c>"))).isEmpty();
    assertThat(validate("WEBVTT\n\n01:00:00.000 --> 123:00:00.000\n<01:00:00.001>x\n")).isEmpty();
  }

  @Test
  void referencesMustBeKnownAndEndInSemicolon() throws IOException {
    assertThat(validate(cue("&amp &bogus; &#0; &#65")))
        .containsExactly("line 4, col 1: character reference '&amp' must end with ';'",
            "line 4, col 6: '&' must start a character reference (write '&amp;')",
            "line 4, col 14: character reference '&#0;' names a character that is not allowed (NUL, CR, a control, "
                + "a surrogate, a noncharacter or past U+10FFFF)",
            "line 4, col 19: character reference '&#65' must end with ';'");
    assertThat(validate(cue("<v Ann &bad>x"))).containsExactly(
        "line 4, col 8: '&' must start a character reference (write '&amp;')");
  }

  @Test
  void tagsMustBeClosedAndNested() throws IOException {
    assertThat(validate(cue("<i>open\nstill open"))).containsExactly("line 4, col 1: <i> is never closed (add </i>)");
    assertThat(validate(cue("a</b> <i>x</i>"))).containsExactly("line 4, col 2: stray end tag </b>: no <b> is open here");
    assertThat(validate(cue("<b><i>x</b></i>"))).containsExactly(
        "line 4, col 4: <i> must be closed before </b> (line 4, col 8)",
        "line 4, col 12: stray end tag </i>: no <i> is open here");
    // a voice span that is not the whole payload needs its end tag
    assertThat(validate(cue("Hi <v Ann>there"))).containsExactly("line 4, col 4: <v> is never closed (add </v>)");
    assertThat(validate(cue("<v Ann><i>x"))).containsExactly("line 4, col 8: <i> is never closed (add </i>)");
    assertThat(validate(cue("<ruby>a<rt>b"))).containsExactly("line 4, col 1: <ruby> is never closed (add </ruby>)");
  }

  @Test
  void annotationsWhereRequiredAndOnlyThere() throws IOException {
    assertThat(validate(cue("<v>x</v> <v.loud  >y</v> <lang>z</lang> <i Ann>w</i>"))).containsExactly(
        "line 4, col 1: <v> needs an annotation: the speaker, e.g. <v Ann>",
        "line 4, col 10: <v> needs an annotation: the speaker, e.g. <v Ann>",
        "line 4, col 26: <lang> needs an annotation: a language tag, e.g. <lang en>",
        "line 4, col 41: <i> takes no annotation (only <v> and <lang> do)");
  }

  @Test
  void rubyTextOnlyInsideRuby() throws IOException {
    assertThat(validate(cue("<rt>x</rt> <ruby>a<i><rt>b</rt></i></ruby>"))).containsExactly(
        "line 4, col 1: <rt> is only allowed directly inside <ruby>",
        "line 4, col 22: <rt> is only allowed directly inside <ruby>");
  }

  @Test
  void hoursNeedTwoDigits() throws IOException {
    assertThat(validate("WEBVTT\n\n1:00:00.000 --> 1:00:01.000\nx <1:00:00.500>y\n")).containsExactly(
        "line 3, col 1: " + WebVttValidator.HOURS_RULE,
        "line 3, col 17: " + WebVttValidator.HOURS_RULE,
        "line 4, col 3: " + WebVttValidator.HOURS_RULE);
  }

  @Test
  void timestampTagsLieInsideTheCueAndIncrease() throws IOException {
    assertThat(validate(cue("a<00:05.000>b<00:00.000>c<00:00.500>d<00:00.400>e<00:00.500>f<00:01.000>g<00:00.7x>")))
        .containsExactly(
            "line 4, col 2: timestamp tag <00:05.000> must lie strictly between the cue's start and end times",
            "line 4, col 14: timestamp tag <00:00.000> must lie strictly between the cue's start and end times",
            "line 4, col 38: timestamp tag <00:00.400> must be later than the previous timestamp tag",
            "line 4, col 50: timestamp tag <00:00.500> must be later than the previous timestamp tag",
            "line 4, col 62: timestamp tag <00:01.000> must lie strictly between the cue's start and end times",
            "line 4, col 74: invalid timestamp tag <00:00.7x> (expected <[hh:]mm:ss.ttt>)");
  }

  @Test
  void cueRightAfterTheHeaderNeedsABlankLine() throws IOException {
    assertThat(validate("WEBVTT\n00:00.000 --> 00:01.000\n<i>x\n")).containsExactly(
        "line 2, col 1: a blank line must separate the 'WEBVTT' header from the first cue",
        "line 3, col 1: <i> is never closed (add </i>)");
    assertThat(validate("WEBVTT\nKind: captions\n00:00.000 --> 00:01.000\nx\n\n00:02.000 --> 00:03.000\ny")).containsExactly(
        "line 3, col 1: a blank line must separate the 'WEBVTT' header from the first cue");
    assertThat(validate("WEBVTT\n00:00.000 --> 00:01.000")).containsExactly(
        "line 2, col 1: a blank line must separate the 'WEBVTT' header from the first cue");
  }

  @Test
  void findingsOfAPayloadComeInInputOrder() throws IOException {
    assertThat(validate(cue("<i>x &bad\ny</b>"))).containsExactly(
        "line 4, col 1: <i> is never closed (add </i>)",
        "line 4, col 6: '&' must start a character reference (write '&amp;')",
        "line 5, col 2: stray end tag </b>: no <b> is open here");
  }
}
