package dev.captions.align;

import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import java.util.ArrayList;
import java.util.List;

/**
 * A transcript's words as the aligners see them: the transcript's own words when it has them, else each segment's
 * text split at white space (the text of every word kept exactly), with rough times (the given ones, or estimated
 * inside their segment by length, as the shaper would). Rebuilds the transcript with new times and nothing else
 * changed. Not thread-safe; one per alignment.
 */
final class TranscriptWords {
  final Transcript source;
  final boolean fromSegments;
  final String[] text;
  final long[] roughStart;
  final long[] roughEnd;
  /** The segment each word came from, or -1 for a transcript with its own words. */
  final int[] segment;
  private final TimedWord[] original;

  private TranscriptWords(Transcript source, boolean fromSegments, List<String> text, List<long[]> rough,
      List<Integer> segment, List<TimedWord> original) {
    this.source = source;
    this.fromSegments = fromSegments;
    int n = text.size();
    this.text = text.toArray(new String[0]);
    this.roughStart = new long[n];
    this.roughEnd = new long[n];
    this.segment = new int[n];
    this.original = original.toArray(new TimedWord[0]);
    for (int i = 0; i < n; i++) {
      roughStart[i] = rough.get(i)[0];
      roughEnd[i] = rough.get(i)[1];
      this.segment[i] = segment.get(i);
    }
  }

  static TranscriptWords of(Transcript t) {
    List<String> text = new ArrayList<>();
    List<long[]> rough = new ArrayList<>();
    List<Integer> seg = new ArrayList<>();
    List<TimedWord> orig = new ArrayList<>();
    if (!t.words().isEmpty()) {
      for (TimedWord w : t.words()) {
        text.add(w.text());
        rough.add(new long[] {w.startMs(), w.endMs()});
        seg.add(-1);
        orig.add(w);
      }
      return new TranscriptWords(t, false, text, rough, seg, orig);
    }
    List<Segment> segments = t.segments();
    for (int s = 0; s < segments.size(); s++) {
      Segment sg = segments.get(s);
      String[] parts = split(sg.text());
      long chars = 0;
      for (String p : parts) chars += p.length() + 1;
      long acc = 0;
      long span = sg.endMs() - sg.startMs();
      for (String p : parts) {
        long a = sg.startMs() + span * acc / Math.max(1, chars);
        acc += p.length() + 1;
        long b = sg.startMs() + span * (acc - 1) / Math.max(1, chars);
        text.add(p);
        rough.add(new long[] {a, Math.max(a, b)});
        seg.add(s);
        orig.add(null);
      }
    }
    return new TranscriptWords(t, true, text, rough, seg, orig);
  }

  static String[] split(String text) {
    String s = text.strip();
    return s.isEmpty() ? new String[0] : s.split("\\s+");
  }

  int size() {
    return text.length;
  }

  /** The weight of word {@code i} when time is shared by length: its characters plus one for the space. */
  int weight(int i) {
    return text[i].codePointCount(0, text[i].length()) + 1;
  }

  /**
   * The transcript with these times: words retimed; segments (when the words came from them) spanning their words.
   * A transcript with its own words keeps its segments as they were (the shaper reads the words).
   */
  Transcript rebuild(long[] start, long[] end) {
    int n = size();
    // Times in order and non-negative: each word starts no earlier than the one before and ends no earlier than it
    // starts.
    long prev = 0;
    for (int i = 0; i < n; i++) {
      start[i] = Math.max(prev, Math.max(0, start[i]));
      end[i] = Math.max(end[i], start[i]);
      prev = start[i];
    }
    List<TimedWord> words = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      TimedWord o = original[i];
      words.add(o == null ? TimedWord.of(text[i], start[i], end[i])
          : TimedWord.of(o.text(), start[i], end[i], o.confidence(), o.speaker()));
    }
    Transcript.Builder b = source.toBuilder().words(words);
    if (fromSegments) {
      List<Segment> in = source.segments();
      List<Segment> out = new ArrayList<>(in.size());
      int i = 0;
      for (int s = 0; s < in.size(); s++) {
        Segment sg = in.get(s);
        int from = i;
        while (i < n && segment[i] == s) i++;
        if (from == i) {
          out.add(sg);
          continue;
        }
        List<TimedWord> own = new ArrayList<>(words.subList(from, i));
        if (sg.speaker() != null) own.replaceAll(w -> w.withSpeaker(sg.speaker()));
        out.add(Segment.of(start[from], Math.max(start[from], end[i - 1]), sg.text(), sg.speaker(), own));
      }
      b.segments(out);
      if (in.stream().anyMatch(sg -> sg.speaker() != null)) {
        List<TimedWord> withSpeakers = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
          String sp = in.get(segment[k]).speaker();
          withSpeakers.add(sp == null ? words.get(k) : words.get(k).withSpeaker(sp));
        }
        b.words(withSpeakers);
      }
    }
    return b.build();
  }

  /** The largest |new start − rough start| over all words, in milliseconds. */
  long largestCorrection(long[] start) {
    long max = 0;
    for (int i = 0; i < size(); i++) max = Math.max(max, Math.abs(start[i] - roughStart[i]));
    return max;
  }

  /**
   * Shares {@code [from, to)} among words {@code a..b-1} by their length, inside the given speech intervals (so no
   * word sits in a pause); evenly over the whole range when there is no speech in it.
   */
  void spread(int a, int b, List<long[]> speech, long from, long to, long[] start, long[] end) {
    if (a >= b) return;
    if (to < from) to = from;
    long total = 0;
    for (int i = a; i < b; i++) total += weight(i);
    if (speech.isEmpty()) speech = List.of(new long[] {from, to});
    long speechMs = 0;
    for (long[] iv : speech) speechMs += iv[1] - iv[0];
    long acc = 0;
    for (int i = a; i < b; i++) {
      long s = acc;
      acc += weight(i);
      start[i] = at(speech, speechMs * s / Math.max(1, total), false);
      end[i] = at(speech, speechMs * (acc - 1) / Math.max(1, total), true);
      if (end[i] < start[i]) end[i] = start[i];
    }
  }

  /** The time {@code offset} ms of speech into {@code speech}; at an interval's end when {@code atEnd}. */
  private static long at(List<long[]> speech, long offset, boolean atEnd) {
    long left = offset;
    for (int k = 0; k < speech.size(); k++) {
      long len = speech.get(k)[1] - speech.get(k)[0];
      if (left < len || (atEnd && left == len) || k == speech.size() - 1) {
        return speech.get(k)[0] + Math.min(left, len);
      }
      left -= len;
    }
    return speech.isEmpty() ? 0 : speech.get(speech.size() - 1)[1];
  }
}
