package dev.captions.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.ass.AssCodec;
import dev.captions.codec.CaptionCodec;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.ttml.TtmlCodec;
import dev.captions.webvtt.CueText;
import dev.captions.webvtt.SrtPositions;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Tracks with what both formats hold — italic, bold and underline nested any way, line breaks, a speaker, numpad
 * positions, times on centiseconds, word timestamp tags — read back as written: same times, speaker, position, and
 * the same characters with the same styles and the same word times (compared per character, since each format nests
 * the tags its own way). Nothing is reported lost.
 */
class StyledRoundTripPropertyTest {
  @Provide
  Arbitrary<CaptionTrack> tracks() {
    Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5);
    Arbitrary<String> piece = Arbitraries.oneOf(word, word.map(w -> "<i>" + w + "</i>"), word.map(w -> "<b>" + w + "</b>"),
        word.map(w -> "<u>" + w + "</u>"), word.map(w -> "<i><b>" + w + "</b> " + w + "</i>"),
        word.map(w -> "<u>" + w + " <i>" + w + "</i></u>"), Arbitraries.just("\n"), Arbitraries.just("&amp; &lt;"));
    Arbitrary<String> text = piece.list().ofMinSize(1).ofMaxSize(8).map(l -> String.join(" ", l))
        .filter(s -> !s.isBlank() && !CueText.plainText(s).isBlank());
    Arbitrary<Cue> cue = Combinators.combine(text, Arbitraries.integers().between(1, 9),
        Arbitraries.of("", "Ann", "Bob Lee"), Arbitraries.integers().between(1, 500), Arbitraries.integers().between(0, 3))
        .as((t, an, speaker, cs, stamps) -> {
          long start = cs * 10L;
          long end = start + 3000;
          String withStamps = t;
          // Timestamp tags before some words, increasing, inside the cue, on centiseconds.
          String[] tokens = t.split(" ", -1);
          StringBuilder sb = new StringBuilder();
          long at = start;
          for (int i = 0; i < tokens.length; i++) {
            if (i > 0) sb.append(' ');
            if (i > 0 && i <= stamps && !tokens[i].startsWith("<") && !tokens[i].equals("\n") && !tokens[i].isEmpty()) {
              at += 200;
              sb.append('<').append(dev.captions.model.Timecodes.format(at)).append('>');
            }
            sb.append(tokens[i]);
          }
          withStamps = sb.toString();
          Cue.Builder b = Cue.builder().startMs(start).endMs(end).markup(withStamps).settings(SrtPositions.fromAn(an));
          if (!speaker.isEmpty()) b.speaker(speaker);
          return b.build();
        });
    return cue.list().ofMinSize(1).ofMaxSize(5).map(cues -> CaptionTrack.of("en", TrackKind.CAPTIONS, cues));
  }

  @Property(tries = 200)
  void ttml(@ForAll("tracks") CaptionTrack track) throws Exception {
    check(new TtmlCodec(), track);
  }

  @Property(tries = 200)
  void ass(@ForAll("tracks") CaptionTrack track) throws Exception {
    check(new AssCodec(), track);
  }

  private static void check(CaptionCodec codec, CaptionTrack track) throws Exception {
    net.jqwik.api.statistics.Statistics.label("timestamp tags")
        .collect(track.cues().stream().anyMatch(c -> c.text().contains("<0")));
    net.jqwik.api.statistics.Statistics.label("styles").collect(track.cues().stream().anyMatch(c -> c.text().contains("<i>")));
    String written = codec.writeToString(track);
    assertThat(codec.write(track, new java.io.StringWriter()).losses()).isEmpty();
    ParseResult back = codec.read(new StringReader(written));
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.track().language()).isEqualTo("en");
    assertThat(back.track().cues()).hasSameSizeAs(track.cues());
    for (int i = 0; i < track.cues().size(); i++) {
      Cue in = track.cues().get(i);
      Cue out = back.track().cues().get(i);
      String where = codec.format() + " " + in + "\n" + written;
      assertThat(out.startMs()).as(where).isEqualTo(in.startMs());
      assertThat(out.endMs()).as(where).isEqualTo(in.endMs());
      assertThat(out.speaker()).as(where).isEqualTo(in.speaker());
      assertThat(out.settings()).as(where).isEqualTo(in.settings());
      assertThat(styled(out.text())).as(where + "\n" + out.text()).isEqualTo(styled(in.text()));
    }
  }

  /**
   * One entry per visible character: the character, its i/b/u flags, and the time of the last timestamp tag before
   * it (a tag at a line break or a space moves onto the next visible character).
   */
  static List<String> styled(String markup) {
    List<String> out = new ArrayList<>();
    long[] stamp = {-1};
    walk(CueText.parse(markup), new boolean[3], stamp, out);
    return out;
  }

  private static void walk(CueText.Node node, boolean[] style, long[] stamp, List<String> out) {
    // Depth is bounded by the generator (3), so recursion is fine in this test.
    for (CueText.Node child : node.children()) {
      switch (child.type()) {
        case TEXT:
          for (char c : child.text().toCharArray()) {
            if (c == ' ' || c == '\n') out.add(String.valueOf(c));
            else out.add(c + (style[0] ? "i" : "") + (style[1] ? "b" : "") + (style[2] ? "u" : "") + "@" + stamp[0]);
          }
          break;
        case TIMESTAMP:
          stamp[0] = child.timestampMs();
          break;
        default:
          int k = child.type() == CueText.Type.ITALIC ? 0 : child.type() == CueText.Type.BOLD ? 1
              : child.type() == CueText.Type.UNDERLINE ? 2 : -1;
          boolean was = k >= 0 && style[k];
          if (k >= 0) style[k] = true;
          walk(child, style, stamp, out);
          if (k >= 0) style[k] = was;
      }
    }
  }
}
