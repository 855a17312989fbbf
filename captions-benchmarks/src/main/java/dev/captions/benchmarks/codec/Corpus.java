package dev.captions.benchmarks.codec;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Realistic caption content: two-line cues of 30–42 characters per line, 1–4 s long, fixed seed. */
final class Corpus {
  private static final String[] WORDS = {
    "the", "and", "you", "that", "was", "for", "are", "with", "his", "they", "this", "have", "from", "one", "had",
    "word", "but", "what", "some", "we", "can", "out", "other", "were", "all", "there", "when", "up", "use", "your",
    "how", "said", "each", "she", "which", "their", "time", "if", "will", "way", "about", "many", "then", "them",
    "would", "write", "like", "so", "these", "her", "long", "make", "thing", "see", "him", "two", "has", "look",
    "more", "day", "could", "go", "come", "did", "number", "sound", "no", "most", "people", "my", "over", "know",
    "water", "than", "call", "first", "who", "may", "down", "side", "been", "now", "find", "café", "naïve", "über"
  };

  private Corpus() {}

  /** About {@code approxCues} cues. */
  static CaptionTrack track(int approxCues) {
    Random r = new Random(42);
    List<Cue> cues = new ArrayList<>(approxCues);
    long t = 0;
    StringBuilder sb = new StringBuilder(100);
    for (int i = 0; i < approxCues; i++) {
      sb.setLength(0);
      line(r, sb);
      sb.append('\n');
      line(r, sb);
      long start = t + r.nextInt(400);
      long end = start + 1000 + r.nextInt(3000);
      cues.add(Cue.builder().id(i % 5 == 0 ? Integer.toString(i + 1) : null).startMs(start).endMs(end)
          .text(i % 7 == 0 ? "<i>" + sb + "</i>" : sb.toString()).build());
      t = end;
    }
    return CaptionTrack.of("en", TrackKind.CAPTIONS, cues);
  }

  private static void line(Random r, StringBuilder sb) {
    int target = 30 + r.nextInt(13);
    int start = sb.length();
    boolean first = true;
    while (sb.length() - start < target) {
      if (!first) sb.append(' ');
      String w = WORDS[r.nextInt(WORDS.length)];
      sb.append(first ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
      first = false;
    }
    sb.append(r.nextInt(4) == 0 ? "," : r.nextInt(3) == 0 ? "." : "");
  }
}
