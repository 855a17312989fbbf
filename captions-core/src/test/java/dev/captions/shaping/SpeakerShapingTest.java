package dev.captions.shaping;

import static dev.captions.shaping.CaptionShaperTest.say;
import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.TrackKind;
import dev.captions.model.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Speakers through shaping: the profile's speaker style, never two speakers on one line, the SPEAKERS rule. */
class SpeakerShapingTest {
  private static final StyleProfile SPACED =
      StyleProfile.NETFLIX_EN.toBuilder().name("spaced").speakerStyle(StyleProfile.SpeakerStyle.SPACED_DASHES).build();

  private static ShapingResult shape(StyleProfile p, List<TimedWord> words) {
    return CaptionShaper.of(p).shape(Transcript.builder().language("en").words(words).build());
  }

  private static List<TimedWord> quickExchange() {
    List<TimedWord> w = new ArrayList<>(say("Ready?", 0, 350, 0, "A"));
    w.addAll(say("Yes.", 450, 300, 0, "B"));
    return w;
  }

  @Test
  void builtInProfilesChooseTheirSpeakerStyle() {
    assertThat(StyleProfile.NETFLIX_EN.speakerStyle()).isEqualTo(StyleProfile.SpeakerStyle.DASHES);
    assertThat(StyleProfile.NETFLIX_EN_CHILDREN.speakerStyle()).isEqualTo(StyleProfile.SpeakerStyle.DASHES);
    assertThat(StyleProfile.BBC.speakerStyle()).isEqualTo(StyleProfile.SpeakerStyle.NAMES);
    assertThat(StyleProfile.DCMP.speakerStyle()).isEqualTo(StyleProfile.SpeakerStyle.NAMES);
    assertThat(StyleProfile.builder().build().speakerStyle()).isEqualTo(StyleProfile.SpeakerStyle.DASHES);
    assertThat(SPACED).isNotEqualTo(StyleProfile.NETFLIX_EN.toBuilder().name("spaced").build());
  }

  @Test
  void netflixDashesNameNobodyButTheWordsKeepTheirSpeakers() {
    Cue cue = shape(StyleProfile.NETFLIX_EN, quickExchange()).track().cues().get(0);
    assertThat(cue.text()).isEqualTo("-Ready?\n-Yes.");
    assertThat(cue.speaker()).isNull();
    assertThat(cue.words()).extracting(TimedWord::speaker).containsExactly("A", "B");
    assertThat(shape(StyleProfile.NETFLIX_EN, quickExchange()).report().notes())
        .anySatisfy(n -> assertThat(n).startsWith("speaker names not shown").contains("--speaker-style names"));
    assertThat(shape(StyleProfile.BBC, quickExchange()).report().notes()).noneMatch(n -> n.contains("speaker"));
    assertThat(shape(StyleProfile.NETFLIX_EN, say("No speakers here.", 0, 300, 0, null)).report().notes())
        .noneMatch(n -> n.contains("speaker"));
  }

  @Test
  void spacedDashesPutASpaceAfterTheHyphen() {
    List<Cue> cues = shape(SPACED, quickExchange()).track().cues();
    assertThat(cues).singleElement().extracting(Cue::text).isEqualTo("- Ready?\n- Yes.");
  }

  @Test
  void namedSpeakersNeverShareACue() {
    ShapingResult r = shape(StyleProfile.BBC, quickExchange());
    assertThat(r.track().cues()).extracting(Cue::speaker, Cue::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "Ready?"), org.assertj.core.groups.Tuple.tuple("B", "Yes."));
    assertThat(r.report().violations()).noneMatch(v -> v.rule() == Violation.Rule.SPEAKERS);
  }

  @Test
  void segmentSpeakersReachTheCues() {
    Transcript t = Transcript.builder().language("en").segments(List.of(
        Segment.of(0, 2500, "I told you we would be late.", "A", List.of()),
        Segment.of(2700, 5000, "It was not my fault this time.", "B", List.of()))).build();
    List<Cue> cues = CaptionShaper.of(StyleProfile.DCMP).shape(t).track().cues();
    assertThat(cues).extracting(Cue::speaker).containsExactly("A", "B");
    assertThat(cues.get(0).words()).extracting(TimedWord::speaker).containsOnly("A");
  }

  /**
   * A fast, three-person conversation (turns of one to fourteen words, gaps 40–700 ms) shaped under each style: every
   * word lands in exactly one cue, in order; a cue holds one speaker, or two in the style's dash form; and the
   * checker finds no SPEAKERS violation in the engine's own output.
   */
  @Test
  void fastConversationsKeepEveryLineToOneSpeaker() {
    String[] vocabulary = "yes no well I think so but we should go now the train leaves at nine okay".split(" ");
    int dashCues = 0;
    for (long seed = 1; seed <= 40; seed++) {
      Random r = new Random(seed);
      List<TimedWord> words = new ArrayList<>();
      long t = r.nextInt(500);
      String speaker = "A";
      for (int turn = 0; turn < 30; turn++) {
        int n = 1 + r.nextInt(r.nextBoolean() ? 3 : 14);
        for (int k = 0; k < n; k++) {
          // Distinct words: repeated ones could look like a repetition loop, which timing repair removes.
          String w = vocabulary[r.nextInt(vocabulary.length)].replaceAll("\\W", "") + words.size()
              + (r.nextInt(6) == 0 ? "." : "");
          long dur = 120 + 45L * w.length();
          words.add(TimedWord.of(w, t, t + dur, TimedWord.UNKNOWN_CONFIDENCE, speaker));
          t += dur + 10 + r.nextInt(60);
        }
        t += 40 + r.nextInt(660);
        String next;
        do next = String.valueOf("ABC".charAt(r.nextInt(3))); while (next.equals(speaker));
        speaker = next;
      }
      for (StyleProfile p : List.of(StyleProfile.NETFLIX_EN, SPACED, StyleProfile.BBC, StyleProfile.DCMP)) {
        ShapingResult shaped = shape(p, words);
        List<TimedWord> seen = new ArrayList<>();
        for (Cue c : shaped.track().cues()) {
          seen.addAll(c.words());
          assertSpeakerForm(p, c);
          if (c.text().startsWith(p.speakerStyle().linePrefix() + "w") && p.speakerStyle() != StyleProfile.SpeakerStyle.NAMES) {
            dashCues++;
          }
        }
        // Timing repair may move a word; its text and speaker stay.
        assertThat(seen).as("seed %d, %s", seed, p.name()).extracting(TimedWord::text, TimedWord::speaker)
            .isEqualTo(words.stream().map(w -> org.assertj.core.groups.Tuple.tuple(w.text(), w.speaker())).toList());
        assertThat(shaped.report().violations()).as("seed %d, %s", seed, p.name())
            .noneMatch(v -> v.rule() == Violation.Rule.SPEAKERS);
      }
    }
    assertThat(dashCues).as("the corpus makes flashing turns share dash cues").isGreaterThan(10);
  }

  private static void assertSpeakerForm(StyleProfile p, Cue c) {
    List<List<TimedWord>> turns = new ArrayList<>();
    for (TimedWord w : c.words()) {
      if (turns.isEmpty() || !Objects.equals(last(turns).get(0).speaker(), w.speaker())) turns.add(new ArrayList<>());
      last(turns).add(w);
    }
    if (p.speakerStyle() == StyleProfile.SpeakerStyle.NAMES) {
      assertThat(turns).as(c.toString()).hasSize(1);
      assertThat(c.speaker()).isEqualTo(c.words().get(0).speaker());
      return;
    }
    assertThat(c.speaker()).as("dash styles name nobody").isNull();
    assertThat(turns).as(c.toString()).hasSizeBetween(1, 2);
    if (turns.size() == 2) {
      String dash = p.speakerStyle().linePrefix();
      assertThat(c.text()).isEqualTo(dash + text(turns.get(0)) + "\n" + dash + text(turns.get(1)));
    } else {
      assertThat(c.text()).doesNotStartWith("-");
    }
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }

  private static String text(List<TimedWord> words) {
    StringBuilder sb = new StringBuilder();
    for (TimedWord w : words) sb.append(sb.length() == 0 ? "" : " ").append(w.text());
    return sb.toString();
  }

  @Test
  void checkerFlagsSpeakersMixedBeyondTheStyle() {
    List<TimedWord> a = say("We should go now", 0, 300, 20, "A");
    List<TimedWord> b = say("Not yet", 1400, 300, 20, "B");
    List<TimedWord> both = new ArrayList<>(a);
    both.addAll(b);
    List<TimedWord> three = new ArrayList<>(both);
    three.addAll(say("Stop", 2200, 300, 0, "C"));
    CaptionTrack track = CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(
        Cue.builder().startMs(0).endMs(2100).text("We should go now Not yet").words(both).build(),
        Cue.builder().startMs(2200).endMs(4000).text("-We should go now\n-Not yet").words(both).build(),
        Cue.builder().startMs(4100).endMs(6500).text("-We should go now\n-Not yet Stop").words(three).build()));

    List<Violation> netflix = ComplianceChecker.of(StyleProfile.NETFLIX_EN).check(track, OptionalLong.empty());
    assertThat(netflix).filteredOn(v -> v.rule() == Violation.Rule.SPEAKERS)
        .extracting(Violation::cueIndex, Violation::measured, Violation::limit)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 2.0, 2.0), org.assertj.core.groups.Tuple.tuple(2, 3.0, 2.0));
    List<Violation> bbc = ComplianceChecker.of(StyleProfile.BBC).check(track, OptionalLong.empty());
    assertThat(bbc).filteredOn(v -> v.rule() == Violation.Rule.SPEAKERS).extracting(Violation::cueIndex)
        .containsExactly(0, 1, 2);
    assertThat(bbc).filteredOn(v -> v.rule() == Violation.Rule.SPEAKERS).first()
        .satisfies(v -> assertThat(v.cause()).contains("one speaker per cue"));
  }

  @Test
  void transcriptSpeakersAndNames() {
    Transcript t = Transcript.builder().language("en")
        .words(List.of(TimedWord.of("Hi", 0, 300, 0.9, "speaker_1"), TimedWord.of("there", 300, 600, 0.9, "speaker_0")))
        .segments(List.of(Segment.of(0, 600, "Hi there", "speaker_1", List.of(TimedWord.of("Hi", 0, 300, 0.9, "speaker_1")))))
        .build();
    assertThat(t.speakers()).containsExactly("speaker_1", "speaker_0");
    Transcript named = t.withSpeakerNames(Map.of("speaker_1", "Ana"));
    assertThat(named.speakers()).containsExactly("Ana", "speaker_0");
    assertThat(named.segments().get(0).speaker()).isEqualTo("Ana");
    assertThat(named.segments().get(0).words().get(0).speaker()).isEqualTo("Ana");
    assertThat(named.words()).extracting(TimedWord::speaker).containsExactly("Ana", "speaker_0");
    assertThat(t.withSpeakerNames(Map.of())).isSameAs(t);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.withSpeakerNames(Map.of("speaker_1", " ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speaker_1");
  }
}
