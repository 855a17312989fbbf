package dev.captions.align;

import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The language-model-free half of acoustic alignment, shared by every recogniser-based aligner: given a transcript and
 * the words a recogniser heard (with their times), lines the two up by a global sequence alignment over
 * {@linkplain WordNormalizer normalised tokens}, takes the recogniser's times for confident matches (anchors), and
 * places the words between two anchors by their length inside the speech between them, never in a pause. When too
 * few words match (a recogniser for another language, music), it falls back to the {@link EnergyAligner}'s onsets.
 *
 * <p>Stateless and thread-safe.
 */
public final class RecognitionAligner {
  /** Below this share of anchored words the recognition is not trusted and the energy fallback is used. */
  static final double MIN_ANCHORED_SHARE = 0.2;
  /** A lone match (neighbours unmatched) needs at least this recogniser confidence to become an anchor. */
  static final double LONE_MATCH_CONFIDENCE = 0.9;
  /** Speaking time assumed per character when words before the first or after the last anchor are placed. */
  static final long MS_PER_CHAR = 65;
  /** How late after its utterance's onset a recogniser may start a sentence's first word and still be moved to it. */
  static final long LATE_ONSET_MS = 500;
  /** A silence this long is a pause no word runs across. */
  static final long WORD_PAUSE_MS = 200;

  private RecognitionAligner() {}

  /**
   * The tokens a recogniser needs to know to hear {@code transcript}: its words normalised, numbers spelled out
   * (e.g. for a recogniser grammar restricted to the transcript's vocabulary).
   *
   * @param transcript the transcript; not null
   * @return the distinct tokens in order of first use; never null
   */
  public static Set<String> vocabulary(Transcript transcript) {
    WordNormalizer norm = WordNormalizer.forLanguage(transcript.language());
    TranscriptWords tw = TranscriptWords.of(transcript);
    Set<String> out = new LinkedHashSet<>();
    for (String w : tw.text) out.addAll(norm.tokens(w));
    return out;
  }

  /**
   * Aligns {@code transcript} to what a recogniser heard.
   *
   * @param aligner the aligner's name for the report; not null
   * @param transcript the transcript to time; its text is kept exactly; not null
   * @param recognised the recogniser's words with times from the audio, in time order; not null
   * @param speech where the audio has speech; not null
   * @return the transcript with aligned times and the report
   */
  public static AlignedTranscript align(String aligner, Transcript transcript, List<TimedWord> recognised,
      SpeechActivity speech) {
    Objects.requireNonNull(aligner, "aligner == null");
    Objects.requireNonNull(recognised, "recognised == null");
    Objects.requireNonNull(speech, "speech == null");
    TranscriptWords tw = TranscriptWords.of(Objects.requireNonNull(transcript, "transcript == null"));
    int n = tw.size();
    if (n == 0) return new AlignedTranscript(transcript, new AlignmentReport(aligner, 0, 0, 0, 0));
    WordNormalizer norm = WordNormalizer.forLanguage(transcript.language());
    Map<String, Integer> ids = new HashMap<>();
    List<Integer> aTok = new ArrayList<>();
    int[] firstTok = new int[n + 1];
    for (int i = 0; i < n; i++) {
      firstTok[i] = aTok.size();
      for (String t : norm.tokens(tw.text[i])) aTok.add(ids.computeIfAbsent(t, k -> ids.size()));
    }
    firstTok[n] = aTok.size();
    List<Integer> bTok = new ArrayList<>();
    List<Integer> bWord = new ArrayList<>();
    for (int j = 0; j < recognised.size(); j++) {
      for (String t : norm.tokens(recognised.get(j).text())) {
        // A token the transcript never uses cannot match: one id for all of them keeps the map small.
        bTok.add(ids.getOrDefault(t, -1));
        bWord.add(j);
      }
    }
    int[] a = aTok.stream().mapToInt(Integer::intValue).toArray();
    int[] b = bTok.stream().mapToInt(Integer::intValue).toArray();
    int[] match = SequenceAligner.align(a, b);

    // Anchors: words whose every token matched, confirmed by a matched neighbour or a confident recogniser.
    boolean[] matched = new boolean[n];
    for (int i = 0; i < n; i++) {
      boolean all = firstTok[i] < firstTok[i + 1];
      for (int t = firstTok[i]; t < firstTok[i + 1] && all; t++) all = match[t] >= 0;
      matched[i] = all;
    }
    long[] start = new long[n];
    long[] end = new long[n];
    boolean[] anchor = new boolean[n];
    boolean[] heardUsed = new boolean[recognised.size()];
    for (int t = 0; t < a.length; t++) if (match[t] >= 0) heardUsed[bWord.get(match[t])] = true;
    List<long[]> utterances = speech.utterances(WORD_PAUSE_MS);
    int anchored = 0;
    for (int i = 0; i < n; i++) {
      if (!matched[i]) continue;
      TimedWord first = recognised.get(bWord.get(match[firstTok[i]]));
      TimedWord last = recognised.get(bWord.get(match[firstTok[i + 1] - 1]));
      boolean neighbour = i > 0 && matched[i - 1] || i + 1 < n && matched[i + 1];
      if (!neighbour && first.confidence() < LONE_MATCH_CONFIDENCE) continue;
      anchor[i] = true;
      anchored++;
      // A recogniser may start a word in the silence before it: the start moves to where the speech begins.
      start[i] = speechFrom(speech, first.startMs(), last.endMs());
      end[i] = last.endMs();
      // It may also start a sentence's first word late, after a soft onset ("th", "h"): when nothing else was heard
      // between the onset of its utterance and the word, and the transcript ends a sentence before it, the word
      // starts at the onset.
      if (i > 0 && endsSentence(tw.text[i - 1])) {
        int u0 = utteranceAt(utterances, start[i]);
        int j = bWord.get(match[firstTok[i]]);
        if (u0 >= 0) {
          long onset = utterances.get(u0)[0];
          boolean heardBetween = j > 0 && recognised.get(j - 1).endMs() > onset;
          boolean previousAfter = anchor[i - 1] && end[i - 1] > onset;
          if (onset < start[i] && start[i] - onset <= LATE_ONSET_MS && !heardBetween && !previousAfter) {
            start[i] = onset;
          }
        }
      }
      // No word crosses a pause. A recogniser's word that does (it stretched into the silence, or over the tail of
      // the word before) keeps the side of the pause it mostly covers, the later side at a sentence start.
      int u = utteranceAt(utterances, start[i]);
      if (u >= 0 && utterances.get(u)[1] < end[i]) {
        long before = utterances.get(u)[1] - start[i];
        boolean next = u + 1 < utterances.size() && utterances.get(u + 1)[0] < end[i];
        long after = next ? Math.min(end[i], utterances.get(u + 1)[1]) - utterances.get(u + 1)[0] : 0;
        boolean sentenceStart = i > 0 && endsSentence(tw.text[i - 1]);
        if (next && (sentenceStart || after > before)) {
          start[i] = utterances.get(u + 1)[0];
          end[i] = Math.min(end[i], utterances.get(u + 1)[1]);
        } else {
          end[i] = utterances.get(u)[1];
        }
      }
      end[i] = Math.max(start[i] + 1, end[i]);
    }
    if (anchored < MIN_ANCHORED_SHARE * n) {
      return EnergyAligner.align(aligner + "+energy", transcript, speech);
    }

    // Words between anchors: spread by length over the speech between them.
    int interpolated = 0;
    int i = 0;
    while (i < n) {
      if (anchor[i]) {
        i++;
        continue;
      }
      int from = i;
      while (i < n && !anchor[i]) i++;
      int to = i; // words [from, to) have no anchor
      interpolated += to - from;
      long need = 0;
      for (int k = from; k < to; k++) need += tw.weight(k) * MS_PER_CHAR;
      long gapStart;
      long gapEnd;
      if (from > 0 && to < n) {
        gapStart = end[from - 1];
        gapEnd = start[to];
      } else if (to < n) { // before the first anchor: the speech just before it
        gapEnd = start[to];
        gapStart = speechBack(speech, gapEnd, need);
      } else if (from > 0) { // after the last anchor: the speech just after it
        gapStart = end[from - 1];
        gapEnd = speechForward(speech, gapStart, need);
      } else {
        gapStart = 0;
        gapEnd = speech.durationMs();
      }
      if (from > 0 && endsSentence(tw.text[from - 1])) {
        // A sentence starts after a pause: not in the tail of the anchor before it.
        int u = utteranceAt(utterances, gapStart + 1);
        if (u >= 0 && utterances.get(u)[0] <= gapStart) u++;
        if (u >= 0 && u < utterances.size() && utterances.get(u)[0] < gapEnd) gapStart = utterances.get(u)[0];
      }
      // Sentences inside the run start after a pause too: each boundary goes to the onset nearest its share of
      // the time, and each part is spread over its own side.
      int part = from;
      long partStart = gapStart;
      for (int p = from + 1; p < to; p++) {
        if (!endsSentence(tw.text[p - 1])) continue;
        long partNeed = 0;
        long restNeed = 0;
        for (int k = part; k < p; k++) partNeed += tw.weight(k);
        for (int k = p; k < to; k++) restNeed += tw.weight(k);
        long target = partStart + (gapEnd - partStart) * partNeed / Math.max(1, partNeed + restNeed);
        long[] onset = nearestOnset(utterances, partStart, gapEnd, target);
        if (onset == null) continue;
        tw.spread(part, p, evidence(recognised, heardUsed, utterances, speech, partStart, onset[0],
            partNeed * MS_PER_CHAR), partStart, onset[0], start, end);
        part = p;
        partStart = onset[1];
      }
      long restNeed = 0;
      for (int k = part; k < to; k++) restNeed += tw.weight(k) * MS_PER_CHAR;
      tw.spread(part, to, evidence(recognised, heardUsed, utterances, speech, partStart, gapEnd, restNeed), partStart,
          gapEnd, start, end);
    }
    Transcript out = tw.rebuild(start, end);
    return new AlignedTranscript(out, new AlignmentReport(aligner, anchored, interpolated, 0,
        tw.largestCorrection(start)));
  }

  /**
   * Where the unanchored words of a gap were spoken: the recogniser's own unmatched words there (it heard something,
   * just not the transcript's spelling) when they cover at least half the time the words need; else the speech in the
   * gap, without a sliver under 150 ms at its start (the tail of the anchor before it).
   */
  private static List<long[]> evidence(List<TimedWord> heard, boolean[] used, List<long[]> utterances,
      SpeechActivity speech, long from, long to, long needMs) {
    List<long[]> spans = new ArrayList<>();
    long covered = 0;
    for (int j = firstEndingAfter(heard, from); j < heard.size() && heard.get(j).startMs() < to; j++) {
      TimedWord w = heard.get(j);
      if (used[j] || w.startMs() < from) continue;
      long s0 = speechFrom(speech, w.startMs(), Math.min(w.endMs(), to));
      long e = Math.min(Math.min(w.endMs(), to), utteranceEnd(utterances, s0));
      if (e <= s0) continue;
      if (!spans.isEmpty() && spans.get(spans.size() - 1)[1] >= s0) {
        covered += Math.max(0, e - spans.get(spans.size() - 1)[1]);
        spans.get(spans.size() - 1)[1] = Math.max(e, spans.get(spans.size() - 1)[1]);
      } else {
        spans.add(new long[] {s0, e});
        covered += e - s0;
      }
    }
    if (covered * 2 >= needMs) return spans;
    List<long[]> sp = new ArrayList<>(speech.speechIn(from, to));
    if (sp.size() > 1 && sp.get(0)[0] == from && sp.get(0)[1] - sp.get(0)[0] < 150) sp.remove(0);
    return sp;
  }

  /** {@code t} when it is in speech, else the first speech after it before {@code limit}, else {@code t}. */
  private static long speechFrom(SpeechActivity speech, long t, long limit) {
    List<long[]> sp = speech.speechIn(t, Math.max(t + 1, limit));
    return sp.isEmpty() ? t : sp.get(0)[0];
  }

  private static int firstEndingAfter(List<TimedWord> heard, long t) {
    int lo = 0;
    int hi = heard.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (heard.get(mid).startMs() < t - 10_000) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The utterance onset strictly inside {@code (from, to)} nearest {@code target}, as {@code {end of the utterance
   * before it, onset}}, or null when the range holds none.
   */
  private static long[] nearestOnset(List<long[]> utterances, long from, long to, long target) {
    long[] best = null;
    for (int u = Math.max(1, utteranceAt(utterances, from)); u >= 1 && u < utterances.size(); u++) {
      long on = utterances.get(u)[0];
      if (on >= to) break;
      if (on <= from) continue;
      if (best == null || Math.abs(on - target) < Math.abs(best[1] - target)) {
        best = new long[] {Math.max(from, utterances.get(u - 1)[1]), on};
      }
    }
    return best;
  }

  /** The index of the utterance around {@code t} (or the first after it), or -1 when none is. */
  private static int utteranceAt(List<long[]> utterances, long t) {
    int lo = 0;
    int hi = utterances.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (utterances.get(mid)[1] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo < utterances.size() ? lo : -1;
  }

  static boolean endsSentence(String word) {
    String w = word.strip();
    while (!w.isEmpty() && "\"'”’)]".indexOf(w.charAt(w.length() - 1)) >= 0) w = w.substring(0, w.length() - 1);
    if (w.isEmpty()) return false;
    char c = w.charAt(w.length() - 1);
    return c == '.' || c == '!' || c == '?' || c == '。' || c == '…';
  }

  /** The end of the utterance (speech without a pause of {@link #WORD_PAUSE_MS}) around {@code t}, or MAX_VALUE. */
  private static long utteranceEnd(List<long[]> utterances, long t) {
    int lo = 0;
    int hi = utterances.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long[] u = utterances.get(mid);
      if (t < u[0] - 50) hi = mid - 1;
      else if (t > u[1]) lo = mid + 1;
      else return u[1];
    }
    return Long.MAX_VALUE;
  }

  /** The time before {@code endMs} from which the speech up to it lasts {@code needMs}. */
  static long speechBack(SpeechActivity speech, long endMs, long needMs) {
    List<long[]> before = speech.speechIn(0, endMs);
    long left = needMs;
    for (int k = before.size() - 1; k >= 0; k--) {
      long len = before.get(k)[1] - before.get(k)[0];
      if (len >= left) return before.get(k)[1] - left;
      left -= len;
    }
    return before.isEmpty() ? Math.max(0, endMs - needMs) : before.get(0)[0];
  }

  /** The time after {@code startMs} by which the speech from it lasts {@code needMs}. */
  static long speechForward(SpeechActivity speech, long startMs, long needMs) {
    List<long[]> after = speech.speechIn(startMs, Math.max(startMs, speech.durationMs()));
    long left = needMs;
    for (long[] iv : after) {
      long len = iv[1] - iv[0];
      if (len >= left) return iv[0] + left;
      left -= len;
    }
    return after.isEmpty() ? startMs + needMs : after.get(after.size() - 1)[1];
  }
}
