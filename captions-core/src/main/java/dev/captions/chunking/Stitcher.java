package dev.captions.chunking;

import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts chunk transcripts back on the media's time line. Each chunk's times are shifted by where its audio starts (a
 * measured offset: the sample position of the cut), and the words a chunk's transcriber heard in its lead-in (audio
 * that belongs to the chunk before) are dropped, so a word at a cut is kept exactly once. Stateless; thread-safe.
 */
final class Stitcher {
  private Stitcher() {}

  /**
   * Chunk {@code index}'s speaker labels kept apart from the other chunks' ({@code "A"} becomes {@code "A (part 2)"}):
   * diarisation is per request, so the same label in two chunks need not be the same person, and guessing would
   * put one person's name on another's words. One chunk keeps its labels.
   */
  static Transcript perChunkSpeakers(Transcript part, int index, int chunkCount) {
    if (chunkCount < 2) return part;
    List<String> labels = part.speakers();
    if (labels.isEmpty()) return part;
    Map<String, String> names = new LinkedHashMap<>();
    for (String label : labels) names.put(label, label + " (part " + (index + 1) + ")");
    return part.withSpeakerNames(names);
  }

  /**
   * @param chunks the plan, in order
   * @param parts each chunk's transcript, times relative to {@link Chunk#audioStartMs()}
   * @param durationMs the media's length
   */
  static Transcript stitch(List<Chunk> chunks, List<Transcript> parts, long durationMs) {
    List<TimedWord> words = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    String language = "und";
    Map<String, String> metadata = new LinkedHashMap<>();
    for (int i = 0; i < chunks.size(); i++) {
      Chunk chunk = chunks.get(i);
      Transcript part = perChunkSpeakers(parts.get(i), i, chunks.size());
      long offset = chunk.audioStartMs();
      long owned = chunk.startMs(); // everything a chunk hears from here on is its own (no word straddles a cut)
      for (TimedWord w : part.words()) {
        TimedWord shifted = w.shiftedBy(offset);
        if (shifted.startMs() >= owned) words.add(shifted);
      }
      for (Segment s : part.segments()) {
        Segment shifted = s.shiftedBy(offset);
        if (shifted.startMs() >= owned) {
          segments.add(shifted);
        } else if (!shifted.words().isEmpty()) {
          // A segment that runs from the lead-in into the chunk: keep the words past the cut, as a segment of them.
          List<TimedWord> kept = new ArrayList<>();
          for (TimedWord w : shifted.words()) if (w.startMs() >= owned) kept.add(w);
          if (!kept.isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (TimedWord w : kept) text.append(text.length() == 0 ? "" : " ").append(w.text());
            segments.add(Segment.of(kept.get(0).startMs(), Math.max(kept.get(0).startMs(), shifted.endMs()),
                text.toString(), shifted.speaker(), kept));
          }
        } else if (shifted.startMs() + (shifted.endMs() - shifted.startMs()) / 2 >= owned) {
          // Untimed words: the segment belongs where most of it is.
          segments.add(shifted);
        }
      }
      if (language.equals("und") && part.language() != null) language = part.language();
      if (metadata.isEmpty()) metadata.putAll(part.providerMetadata());
    }
    words.sort(Comparator.comparingLong(TimedWord::startMs));
    segments.sort(Comparator.comparingLong(Segment::startMs));
    metadata.put("chunks", String.valueOf(chunks.size()));
    if (chunks.size() > 1 && parts.stream().anyMatch(p -> !p.speakers().isEmpty())) {
      metadata.put("speakerLabels", "per chunk");
    }
    return Transcript.builder().words(words).segments(segments).language(language).mediaDurationMs(durationMs)
        .providerMetadata(metadata).build();
  }
}
