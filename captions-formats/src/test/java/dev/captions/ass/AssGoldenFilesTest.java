package dev.captions.ass;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.formats.Golden;
import dev.captions.formats.TestTracks;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.webvtt.SrtPositions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per golden file, named after it; the file's comment says what must be read and what dropped. */
class AssGoldenFilesTest {
  private final AssCodec codec = new AssCodec();

  @Test
  void typical() {
    assertThat(codec.writeToString(TestTracks.typical())).isEqualTo(Golden.text("typical.ass"));
    ParseResult back = Golden.read(codec, "typical.ass");
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.track().language()).isEqualTo("en");
    List<Cue> cues = back.track().cues();
    assertThat(cues).hasSize(4);
    assertThat(cues.get(0).text()).isEqualTo("Hello <i>there</i>,\n<b>bold</b> and <u>under</u>");
    assertThat(cues.get(1).text()).isEqualTo("Tom &amp; Jerry &lt;3 {curly} back\\slash \\N");
    assertThat(cues.get(1).speaker()).isEqualTo("Ann");
    assertThat(cues.get(2).settings()).isEqualTo(CueSettings.builder().line(0).build());
    assertThat(cues.get(3).speaker()).isEqualTo("Bob");
  }

  @Test
  void highlight() {
    assertThat(codec.writeToString(TestTracks.highlighted())).isEqualTo(Golden.text("highlight.ass"));
    assertThat(Golden.text("highlight.ass")).contains("{\\k50}One {\\k70}two, {\\k80}three");
    assertThat(Golden.read(codec, "highlight.ass").track().cues().get(0).text())
        .isEqualTo("One <00:00:01.500>two, <00:00:02.200>three");
  }

  @Test
  void ssa_v4() {
    ParseResult r = Golden.read(codec, "ssa_v4.ssa");
    assertThat(r.diagnostics()).isEmpty();
    List<Cue> cues = r.track().cues();
    assertThat(cues).extracting(Cue::text).containsExactly("Bottom line", "Top line", "<i>Slanted, with commas, kept</i>");
    assertThat(cues.get(0).settings().isDefault()).isTrue();
    assertThat(SrtPositions.toAn(cues.get(1).settings())).isEqualTo(8);
    assertThat(cues.get(2).speaker()).isEqualTo("Narrator");
    assertThat(cues.get(2).startMs()).isEqualTo(3000);
    assertThat(cues.get(2).endMs()).isEqualTo(4500);
  }

  @Test
  void format_reordered() {
    ParseResult r = Golden.read(codec, "format_reordered.ass");
    assertThat(r.diagnostics()).isEmpty();
    Cue c = r.track().cues().get(0);
    assertThat(c.startMs()).isEqualTo(5100);
    assertThat(c.endMs()).isEqualTo(6200);
    assertThat(c.speaker()).isEqualTo("Ann");
    assertThat(c.text()).isEqualTo("Reordered fields");
  }

  @Test
  void comments_and_bad_lines() {
    ParseResult r = Golden.read(codec, "comments_and_bad_lines.ass");
    assertThat(r.track().cues()).extracting(Cue::text).containsExactly("First", "Second");
    assertThat(r.diagnostics()).extracting(Diagnostic::line).containsExactly(11, 12);
    assertThat(r.diagnostics().get(0).message()).contains("fields");
    assertThat(r.diagnostics().get(1).message()).contains("time");
  }

  @Test
  void override_tags() {
    ParseResult r = Golden.read(codec, "override_tags.ass");
    List<Cue> cues = r.track().cues();
    assertThat(cues.get(0).text()).isEqualTo("<i>It</i> is <b>bold</b>\nand\nmore");
    assertThat(cues.get(1).text()).isEqualTo("a\u00A0b {x} { open");
    assertThat(SrtPositions.toAn(cues.get(1).settings())).isEqualTo(8);
    assertThat(cues.get(2).text()).isEqualTo("<i>Styled </i>plain<i> styled</i>");
    // \pos, \fad and \c: one warning per kind, with a count.
    assertThat(r.diagnostics()).extracting(Diagnostic::message).containsExactly(
        "dropped 1 × \\c override tags: WebVTT cue text has no form for them",
        "dropped 1 × \\fad override tags: WebVTT cue text has no form for them",
        "dropped 1 × \\pos override tags: WebVTT cue text has no form for them");
  }

  @Test
  void karaoke() {
    Cue c = Golden.read(codec, "karaoke.ass").track().cues().get(0);
    assertThat(c.text()).isEqualTo("One <00:00:01.500>two, <00:00:02.200>three");
  }
}
