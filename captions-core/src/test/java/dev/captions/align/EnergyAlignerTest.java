package dev.captions.align;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnergyAlignerTest {
  /**
   * 40 sentences of 3 s with 0.8 s pauses (and a 0.2 s comma pause inside each); the transcript's times drift by
   * +2 s per minute with ±0.7 s noise, rounded to seconds, as a language model's do. Every segment start lands on
   * its true onset, and no word sits in a pause.
   */
  @Test
  void driftingSegmentsSnapToTheirOnsets() {
    List<long[]> speech = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    List<Long> truth = new ArrayList<>();
    Random random = new Random(3);
    long t = 500;
    for (int i = 0; i < 40; i++) {
      speech.add(new long[] {t, t + 1400});
      speech.add(new long[] {t + 1600, t + 3000});
      truth.add(t);
      double drift = 2.0 * t / 60_000 * 1000 + (random.nextDouble() * 2 - 1) * 700;
      long start = Math.round((t + drift) / 1000) * 1000;
      segments.add(Segment.of(start, start + 3000, "Sentence number " + i + ", with some words."));
      t += 3800;
    }
    SpeechActivity activity = SpeechActivity.of(speech, t);
    Transcript in = Transcript.builder().language("es").segments(segments).build();

    AlignedTranscript out = EnergyAligner.align("energy", in, activity);

    List<Segment> aligned = out.transcript().segments();
    for (int i = 0; i < 40; i++) assertThat(aligned.get(i).startMs()).isEqualTo(truth.get(i));
    for (TimedWord w : out.transcript().words()) {
      assertThat(activity.speechIn(w.startMs(), w.startMs() + 1)).as("word %s in speech", w).isNotEmpty();
    }
    assertThat(out.transcript().segments()).extracting(Segment::text)
        .isEqualTo(segments.stream().map(Segment::text).collect(java.util.stream.Collectors.toList()));
    assertThat(out.report().anchored()).isEqualTo(40);
    assertThat(out.report().words()).isEqualTo(out.transcript().words().size());
  }

  @Test
  void silenceLeavesTheTimesAsGiven() {
    Transcript in = Transcript.builder().language("fi").segments(List.of(Segment.of(1000, 2000, "Hei maailma"))).build();
    AlignedTranscript out = EnergyAligner.align("energy", in, SpeechActivity.of(List.of(), 5000));
    assertThat(out.transcript()).isEqualTo(in);
    assertThat(out.report().leftAsGiven()).isEqualTo(2);
  }

  @Test
  void levelsBecomeSpeechIntervals() {
    float[] levels = new float[300]; // 3 s
    for (int i = 50; i < 120; i++) levels[i] = 3000;
    for (int i = 125; i < 130; i++) levels[i] = 3000; // a 50 ms hole is filled
    for (int i = 200; i < 203; i++) levels[i] = 3000; // a 30 ms click is dropped
    SpeechActivity s = SpeechActivity.fromLevels(levels, 3000);
    assertThat(s.utterances(250)).hasSize(1);
    assertThat(s.utterances(250).get(0)).containsExactly(500, 1300);
  }
}
