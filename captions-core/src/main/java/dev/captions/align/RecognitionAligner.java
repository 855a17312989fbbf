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
    int anchored = 0;
    for (int i = 0; i < n; i++) {
      if (!matched[i]) continue;
      TimedWord first = recognised.get(bWord.get(match[firstTok[i]]));
      TimedWord last = recognised.get(bWord.get(match[firstTok[i + 1] - 1]));
      boolean neighbour = i > 0 && matched[i - 1] || i + 1 < n && matched[i + 1];
      if (!neighbour && first.confidence() < LONE_MATCH_CONFIDENCE) continue;
      anchor[i] = true;
      anchored++;
      start[i] = first.startMs();
      end[i] = Math.max(first.startMs(), last.endMs());
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
      tw.spread(from, to, speech.speechIn(gapStart, gapEnd), gapStart, gapEnd, start, end);
    }
    Transcript out = tw.rebuild(start, end);
    return new AlignedTranscript(out, new AlignmentReport(aligner, anchored, interpolated, 0,
        tw.largestCorrection(start)));
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
