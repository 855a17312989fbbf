package dev.captions.chunking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Words at the cuts are neither lost nor doubled, whatever the plan and the lead-in. */
class StitcherTest {
  @Property(tries = 300)
  void everyWordComesBackOnceAtItsTime(@ForAll @LongRange(min = 30_000, max = 2_000_000) long durationMs,
      @ForAll @LongRange(min = 10_000, max = 300_000) long targetMs, @ForAll @IntRange(min = 0, max = 5_000) int leadInMs,
      @ForAll long seed) {
    List<TimedWord> words = SyntheticSpeech.words(durationMs, seed);
    List<Chunk> chunks = ChunkPlanner.plan(ChunkPlannerTest.levels(words, durationMs), durationMs, targetMs, 0, leadInMs);

    List<Transcript> parts = new ArrayList<>();
    for (Chunk c : chunks) parts.add(hear(words, c, true));
    Transcript stitched = Stitcher.stitch(chunks, parts, durationMs);

    assertThat(stitched.words()).containsExactlyElementsOf(words);
    assertThat(stitched.segments()).extracting(Segment::text).containsExactlyElementsOf(texts(words));
    assertThat(stitched.mediaDurationMs()).hasValue(durationMs);
    assertThat(stitched.providerMetadata()).containsEntry("chunks", String.valueOf(chunks.size()));
  }

  @Property(tries = 200)
  void untimedSegmentsComeBackOnce(@ForAll @LongRange(min = 30_000, max = 1_000_000) long durationMs,
      @ForAll @LongRange(min = 10_000, max = 300_000) long targetMs, @ForAll @IntRange(min = 0, max = 3_000) int leadInMs,
      @ForAll long seed) {
    List<TimedWord> words = SyntheticSpeech.words(durationMs, seed);
    List<Chunk> chunks = ChunkPlanner.plan(ChunkPlannerTest.levels(words, durationMs), durationMs, targetMs, 0, leadInMs);

    List<Transcript> parts = new ArrayList<>();
    for (Chunk c : chunks) parts.add(hear(words, c, false));
    Transcript stitched = Stitcher.stitch(chunks, parts, durationMs);

    assertThat(stitched.segments()).extracting(Segment::text).containsExactlyElementsOf(texts(words));
  }

  /**
   * What a recogniser given a chunk's audio returns: the words it hears whole, timed from the audio's start, one
   * segment per word (with the word, or untimed).
   */
  private static Transcript hear(List<TimedWord> words, Chunk c, boolean withWords) {
    List<TimedWord> heard = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    for (TimedWord w : words) {
      if (w.startMs() >= c.audioStartMs() && w.endMs() <= c.endMs()) {
        TimedWord local = w.shiftedBy(-c.audioStartMs());
        heard.add(local);
        segments.add(Segment.of(local.startMs(), local.endMs(), local.text(), null,
            withWords ? List.of(local) : List.of()));
      }
    }
    return Transcript.builder().words(withWords ? heard : List.of()).segments(segments).language("en")
        .providerMetadata(Map.of("model", "test")).build();
  }

  private static List<String> texts(List<TimedWord> words) {
    List<String> out = new ArrayList<>();
    for (TimedWord w : words) out.add(w.text());
    return out;
  }
}
