package dev.captions.shaping;

import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Repairs untrusted timings (LLM segments, third-party cues, ASR words) before shaping, recording every change as a
 * {@link Repair} and every implausible item as an input {@link Violation}. Not thread-safe; one per call.
 */
final class TimingRepair {
  /** Faster than this many characters per second no one speaks: the timing is wrong, not the speaker. */
  static final double IMPLAUSIBLE_CHARS_PER_SECOND = 35;
  /**
   * Word runs shorter than this are not judged: one short word's timestamps are too coarse (ASR engines round them to
   * tens of milliseconds, some give zero-length words) to tell a wrong timing from a fast speaker.
   */
  static final int MIN_CHARS_TO_JUDGE_WORDS = 10;
  /** A silence at least this long between two words starts a new run when word timings are judged. */
  static final long PAUSE_MS = 300;

  private final StyleProfile profile;
  private final Long mediaDurationMs;
  final List<Repair> repairs = new ArrayList<>();
  final List<Violation> flags = new ArrayList<>();

  TimingRepair(StyleProfile profile, Long mediaDurationMs) {
    this.profile = profile;
    this.mediaDurationMs = mediaDurationMs;
  }

  /** An input item with its original index; mutable while it is repaired. */
  private static final class Item {
    final int index;
    final Segment segment;
    long startMs;
    long endMs;

    Item(int index, Segment segment) {
      this.index = index;
      this.segment = segment;
      this.startMs = segment.startMs();
      this.endMs = segment.endMs();
    }
  }

  /** Repairs segments: drop empty, sort, drop repetition loops, fix end <= start, resolve overlaps, clamp, flag. */
  List<Segment> repairSegments(List<Segment> input) {
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < input.size(); i++) {
      Segment s = input.get(i);
      if (s.text().isBlank()) {
        repairs.add(new Repair(Repair.Kind.DROPPED_EMPTY, i, s.startMs(), "segment has no text"));
      } else {
        items.add(new Item(i, s));
      }
    }
    if (!isSorted(items)) {
      items.sort(Comparator.comparingLong((Item it) -> it.startMs));
      repairs.add(new Repair(Repair.Kind.SORTED, -1, 0, "segments were not in start-time order; sorted them"));
    }
    dropRepetitions(items);
    dropDuplicates(items);
    for (int k = 0; k < items.size(); k++) {
      Item it = items.get(k);
      if (it.endMs <= it.startMs) {
        long next = k + 1 < items.size() ? items.get(k + 1).startMs : Long.MAX_VALUE;
        long estimate = Math.max(profile.minDurationMs(),
            profile.readingTimeMs(Graphemes.width(it.segment.text().trim()), wordCount(it.segment.text())));
        long end = Math.max(it.startMs + 1, Math.min(it.startMs + estimate, next));
        repairs.add(new Repair(Repair.Kind.FIXED_END_BEFORE_START, it.index, it.startMs,
            "end " + it.endMs + " ms was not after start " + it.startMs + " ms; set to " + end + " ms"));
        it.endMs = end;
      }
    }
    for (int k = 0; k + 1 < items.size(); k++) {
      Item a = items.get(k);
      Item b = items.get(k + 1);
      if (a.endMs > b.startMs) {
        if (b.startMs > a.startMs) {
          repairs.add(new Repair(Repair.Kind.RESOLVED_OVERLAP, a.index, a.startMs, "end " + a.endMs
              + " ms overlapped the next item starting at " + b.startMs + " ms; cut to " + b.startMs + " ms"));
          a.endMs = b.startMs;
        } else {
          // Same start: the later one starts where this one ends instead.
          long newStart = a.endMs;
          repairs.add(new Repair(Repair.Kind.RESOLVED_OVERLAP, b.index, b.startMs, "started with the previous item "
              + "at " + b.startMs + " ms; moved to " + newStart + " ms"));
          long duration = Math.max(1, b.endMs - b.startMs);
          b.startMs = newStart;
          b.endMs = newStart + duration;
        }
      }
    }
    List<Segment> out = new ArrayList<>();
    for (Item it : items) {
      if (mediaDurationMs != null) {
        if (it.startMs >= mediaDurationMs) {
          repairs.add(new Repair(Repair.Kind.DROPPED_BEYOND_MEDIA, it.index, it.startMs, "starts at " + it.startMs
              + " ms, at or after the end of the media (" + mediaDurationMs + " ms)"));
          continue;
        }
        if (it.endMs > mediaDurationMs) {
          repairs.add(new Repair(Repair.Kind.CLAMPED_TO_MEDIA, it.index, it.startMs, "end " + it.endMs
              + " ms was past the end of the media; cut to " + mediaDurationMs + " ms"));
          it.endMs = mediaDurationMs;
        }
      }
      String text = it.segment.text().trim();
      double cps = Graphemes.width(text) * 1000.0 / (it.endMs - it.startMs);
      if (cps > IMPLAUSIBLE_CHARS_PER_SECOND) {
        flags.add(new Violation(-1, it.startMs, Violation.Rule.IMPLAUSIBLE_READING_SPEED, cps,
            IMPLAUSIBLE_CHARS_PER_SECOND, "input item " + it.index + " claims " + text.length() + " characters in "
                + (it.endMs - it.startMs) + " ms; its timing is probably wrong"));
      }
      out.add(Segment.of(it.startMs, it.endMs, it.segment.text(), it.segment.speaker(),
          it.startMs == it.segment.startMs() ? it.segment.words() : List.of()));
    }
    return out;
  }

  /**
   * Repairs words: drop empty, trim text, sort, drop repeated sentences, clamp to the media; then, when
   * {@code flagSpeed}, flags runs of words (sentences, split at pauses) read implausibly fast. Pass {@code false} for
   * words estimated from segments that {@link #repairSegments} already judged, so no input item is flagged twice.
   */
  List<TimedWord> repairWords(List<TimedWord> input, boolean flagSpeed) {
    List<TimedWord> words = new ArrayList<>(input.size());
    List<Integer> index = new ArrayList<>(input.size());
    int trimmed = 0;
    int firstTrimmed = -1;
    for (int i = 0; i < input.size(); i++) {
      TimedWord w = input.get(i);
      if (w.text().isBlank()) {
        repairs.add(new Repair(Repair.Kind.DROPPED_EMPTY, i, w.startMs(), "word has no text"));
      } else {
        String text = w.text().trim();
        if (!text.equals(w.text())) {
          if (trimmed++ == 0) firstTrimmed = i;
          w = TimedWord.of(text, w.startMs(), w.endMs(), w.confidence(), w.speaker());
        }
        words.add(w);
        index.add(i);
      }
    }
    if (trimmed > 0) {
      // One record for all of them: some engines put a space before every word, and a repair per word is noise.
      TimedWord first = input.get(firstTrimmed);
      repairs.add(new Repair(Repair.Kind.TRIMMED_TEXT, trimmed == 1 ? firstTrimmed : -1, first.startMs(),
          "trimmed whitespace around the text of " + trimmed + (trimmed == 1 ? " word" : " words") + " (first: word "
              + firstTrimmed + ", '" + first.text() + "')"));
    }
    boolean sorted = true;
    for (int i = 1; i < words.size() && sorted; i++) sorted = words.get(i).startMs() >= words.get(i - 1).startMs();
    if (!sorted) {
      // A stable sort keeps words with equal starts in the provider's order.
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) order.add(i);
      order.sort(Comparator.comparingLong(i -> words.get(i).startMs()));
      List<TimedWord> w2 = new ArrayList<>();
      List<Integer> i2 = new ArrayList<>();
      for (int i : order) {
        w2.add(words.get(i));
        i2.add(index.get(i));
      }
      words.clear();
      words.addAll(w2);
      index.clear();
      index.addAll(i2);
      repairs.add(new Repair(Repair.Kind.SORTED, -1, 0, "words were not in start-time order; sorted them"));
    }
    boolean[] drop = repeatedSentences(words);
    List<TimedWord> out = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      TimedWord w = words.get(i);
      if (drop[i]) continue;
      if (mediaDurationMs != null && w.startMs() >= mediaDurationMs) {
        repairs.add(new Repair(Repair.Kind.DROPPED_BEYOND_MEDIA, index.get(i), w.startMs(), "word '" + w.text()
            + "' starts at " + w.startMs() + " ms, at or after the end of the media (" + mediaDurationMs + " ms)"));
        continue;
      }
      if (mediaDurationMs != null && w.endMs() > mediaDurationMs) {
        repairs.add(new Repair(Repair.Kind.CLAMPED_TO_MEDIA, index.get(i), w.startMs(), "word '" + w.text()
            + "' ended at " + w.endMs() + " ms, past the end of the media; cut to " + mediaDurationMs + " ms"));
        w = TimedWord.of(w.text(), w.startMs(), mediaDurationMs, w.confidence(), w.speaker());
      }
      out.add(w);
    }
    for (int i = 0; i < words.size(); i++) {
      if (!drop[i]) continue;
      int from = i;
      while (i + 1 < words.size() && drop[i + 1]) i++;
      repairs.add(new Repair(Repair.Kind.DROPPED_REPETITION, index.get(from), words.get(from).startMs(),
          "dropped " + (i - from + 1) + " words repeating the sentence before them (a repetition loop)"));
    }
    if (flagSpeed) flagImplausibleRuns(out);
    return out;
  }

  /** Flags each run of words (a sentence, cut at pauses of {@link #PAUSE_MS}) whose timing no speaker could match. */
  private void flagImplausibleRuns(List<TimedWord> words) {
    int from = 0;
    for (int i = 0; i < words.size(); i++) {
      boolean last = i + 1 == words.size();
      if (last || Segmenter.endsSentence(words.get(i).text())
          || words.get(i + 1).startMs() - words.get(i).endMs() >= PAUSE_MS) {
        flagRun(words, from, i + 1);
        from = i + 1;
      }
    }
  }

  private void flagRun(List<TimedWord> words, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) sb.append(i > from ? " " : "").append(words.get(i).text());
    int chars = Graphemes.width(sb.toString());
    if (chars < MIN_CHARS_TO_JUDGE_WORDS) return;
    long startMs = words.get(from).startMs();
    long spanMs = words.get(to - 1).endMs() - startMs;
    // A zero-length run is measured as if it lasted 1 ms: it is flagged, with a finite number in the report.
    double cps = chars * 1000.0 / Math.max(1, spanMs);
    if (cps > IMPLAUSIBLE_CHARS_PER_SECOND) {
      flags.add(new Violation(-1, startMs, Violation.Rule.IMPLAUSIBLE_READING_SPEED, cps, IMPLAUSIBLE_CHARS_PER_SECOND,
          "input words '" + sb + "' from " + startMs + " ms claim " + chars + " characters in " + spanMs
              + " ms; their timing is probably wrong"));
    }
  }

  /** Marks the words of every sentence that repeats the previous one when the run of repeats is 3 or longer. */
  private static boolean[] repeatedSentences(List<TimedWord> words) {
    boolean[] drop = new boolean[words.size()];
    List<int[]> sentences = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < words.size(); i++) {
      if (Segmenter.endsSentence(words.get(i).text()) || i == words.size() - 1) {
        sentences.add(new int[] {start, i + 1});
        start = i + 1;
      }
    }
    List<String> keys = new ArrayList<>();
    for (int[] s : sentences) {
      StringBuilder sb = new StringBuilder();
      for (int i = s[0]; i < s[1]; i++) sb.append(words.get(i).text()).append(' ');
      keys.add(normalizeKey(sb.toString()));
    }
    for (int[] run : repetitionRuns(keys)) {
      for (int s = run[0] + 1; s < run[1]; s++) {
        for (int i = sentences.get(s)[0]; i < sentences.get(s)[1]; i++) drop[i] = true;
      }
    }
    return drop;
  }

  /** Records the items a transcriber left out of its transcript (unreadable times) as repairs, so none is lost silently. */
  void reportDropped(List<dev.captions.model.DroppedItem> dropped) {
    for (dev.captions.model.DroppedItem d : dropped) {
      repairs.add(new Repair(Repair.Kind.DROPPED_UNREADABLE_TIME, d.index(), -1, "dropped '" + d.text() + "': "
          + d.reason()));
    }
  }

  /**
   * Drops an item whose text equals the previous item's and that starts before that one ends (or with it): a model
   * writing the same cue twice. A phrase said again later, after the first one ended, is kept.
   */
  private void dropDuplicates(List<Item> items) {
    for (int k = 1; k < items.size(); k++) {
      Item a = items.get(k - 1);
      Item b = items.get(k);
      String key = normalizeKey(a.segment.text());
      if (!key.isEmpty() && key.equals(normalizeKey(b.segment.text()))
          && (b.startMs < Math.max(a.endMs, a.startMs + 1))) {
        repairs.add(new Repair(Repair.Kind.DROPPED_DUPLICATE, b.index, b.startMs, "dropped '" + b.segment.text().trim()
            + "' at " + b.startMs + "-" + b.endMs + " ms: it repeats the item at " + a.startMs + "-" + a.endMs + " ms"));
        items.remove(k);
        k--;
      }
    }
  }

  private void dropRepetitions(List<Item> items) {
    List<String> keys = new ArrayList<>();
    for (Item it : items) keys.add(normalizeKey(it.segment.text()));
    List<int[]> runs = repetitionRuns(keys);
    for (int r = runs.size() - 1; r >= 0; r--) {
      int[] run = runs.get(r);
      Item first = items.get(run[0]);
      repairs.add(new Repair(Repair.Kind.DROPPED_REPETITION, first.index, first.startMs, "dropped "
          + (run[1] - run[0] - 1) + " repeats of '" + first.segment.text().trim() + "' (a repetition loop)"));
      items.subList(run[0] + 1, run[1]).clear();
    }
  }

  /** Runs [from, to) of at least 3 equal consecutive non-empty keys. */
  static List<int[]> repetitionRuns(List<String> keys) {
    List<int[]> runs = new ArrayList<>();
    for (int i = 0; i < keys.size(); ) {
      int j = i + 1;
      while (j < keys.size() && !keys.get(i).isEmpty() && keys.get(j).equals(keys.get(i))) j++;
      if (j - i >= 3) runs.add(new int[] {i, j});
      i = j;
    }
    return runs;
  }

  static String normalizeKey(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(sb::appendCodePoint);
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  private static boolean isSorted(List<Item> items) {
    for (int i = 1; i < items.size(); i++) if (items.get(i).startMs < items.get(i - 1).startMs) return false;
    return true;
  }

  static int wordCount(String text) {
    String t = text.trim();
    return t.isEmpty() ? 0 : t.split("\\s+").length;
  }
}
