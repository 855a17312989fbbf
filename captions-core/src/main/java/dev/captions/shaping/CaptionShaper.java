package dev.captions.shaping;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Turns what a transcriber heard into captions people can read, under a {@link StyleProfile}: repairs untrusted
 * timings, segments timed words into cues, breaks lines, and reports what still breaks the profile. Providers that
 * give only segments get word times estimated inside each segment (proportional to characters), so every provider's
 * output is shaped the same way. Immutable and thread-safe; calls are CPU-bound and never block on I/O.
 */
public final class CaptionShaper {
  private final StyleProfile profile;
  private final LineBreakRules rules;

  private CaptionShaper(StyleProfile profile, LineBreakRules rules) {
    this.profile = Objects.requireNonNull(profile, "profile == null");
    this.rules = rules;
  }

  /**
   * A shaper using the line-break rules registered for each track's language ({@link LineBreakRules#forLanguage}).
   *
   * @param profile the limits to shape to; not null
   * @return a shaper using the line-break rules registered for each track's language ({@link
   *     LineBreakRules#forLanguage})
   */
  public static CaptionShaper of(StyleProfile profile) {
    return new CaptionShaper(profile, null);
  }

  /**
   * {@return a shaper using {@code rules} whatever the language}
   *
   * @param profile the limits to shape to; not null
   * @param rules the line-break rules for every language; not null
   */
  public static CaptionShaper of(StyleProfile profile, LineBreakRules rules) {
    return new CaptionShaper(profile, Objects.requireNonNull(rules, "rules == null"));
  }

  /**
   * The profile this shaper shapes to.
   *
   * @return the profile; never null
   */
  public StyleProfile profile() {
    return profile;
  }

  /**
   * Shapes a transcript: its words when it has any, else its segments. Uses {@link Transcript#mediaDurationMs()} when
   * non-null to clamp times and flag speech beyond the media.
   *
   * @param transcript the transcript to shape; not null
   * @return the shaped track and its quality report
   */
  public ShapingResult shape(Transcript transcript) {
    Objects.requireNonNull(transcript, "transcript == null");
    TimingRepair repair = new TimingRepair(profile, boxed(transcript.mediaDurationMs()));
    repair.reportDropped(transcript.dropped());
    boolean fromSegments = transcript.words().isEmpty();
    List<TimedWord> words = fromSegments ? wordsOf(repair.repairSegments(transcript.segments())) : transcript.words();
    // Segments were judged for reading speed as a whole; words straight from the provider are judged here.
    ShapingResult shaped = shapeWords(repair, repair.repairWords(words, !fromSegments), transcript.language(),
        boxed(transcript.mediaDurationMs()));
    // A transcript's words are plain text; cue text is WebVTT markup (see CueMarkup), so "<3" must not become a tag.
    List<Cue> cues = new ArrayList<>(shaped.track().cues().size());
    for (Cue c : shaped.track().cues()) cues.add(c.toBuilder().plainText(c.text()).build());
    return new ShapingResult(shaped.track().toBuilder().cues(cues).build(), shaped.report());
  }

  /**
   * Re-shapes an existing track (a caption file from elsewhere): its cues are treated as untrusted segments, their
   * words kept when present and estimated otherwise, and shaped again.
   *
   * @param track the track to shape again; not null
   * @param knownDurationMs the media's length in milliseconds, or empty when unknown
   * @return the shaped track and its quality report
   */
  public ShapingResult reshape(CaptionTrack track, OptionalLong knownDurationMs) {
    Objects.requireNonNull(track, "track == null");
    Long mediaDurationMs = boxed(knownDurationMs);
    List<Segment> segments = new ArrayList<>(track.cues().size());
    for (Cue c : track.cues()) {
      String text = c.text().replace('\n', ' ');
      segments.add(Segment.of(c.startMs(), c.endMs(), text, c.speaker(), c.words()));
    }
    TimingRepair repair = new TimingRepair(profile, mediaDurationMs);
    List<TimedWord> words = repair.repairWords(wordsOf(repair.repairSegments(segments)), false);
    ShapingResult shaped = shapeWords(repair, words, track.language(), mediaDurationMs);
    CaptionTrack out = shaped.track().toBuilder().kind(track.kind()).metadata(track.metadata()).build();
    return new ShapingResult(out, shaped.report());
  }

  private ShapingResult shapeWords(TimingRepair repair, List<TimedWord> words, String language, Long mediaMs) {
    LineBreaker breaker = LineBreaker.of(profile, rules != null ? rules : LineBreakRules.forLanguage(language));
    List<Cue> cues = new Segmenter(profile, breaker, tokens(words), mediaMs).segment();
    CaptionTrack track = CaptionTrack.builder().language(language).cues(cues).build();
    List<Violation> violations = new ArrayList<>(repair.flags);
    violations.addAll(ComplianceChecker.of(profile).check(track, mediaMs == null ? OptionalLong.empty() : OptionalLong.of(mediaMs)));
    CaptionQualityReport report = new CaptionQualityReport(profile.name(), cues.size(), violations, repair.repairs);
    if (profile.speakerStyle() != StyleProfile.SpeakerStyle.NAMES && words.stream().anyMatch(w -> w.speaker() != null)) {
      // Not silent: with dashes the cues name nobody, so caption formats show no names (JSON keeps them per word).
      report = report.withNote("speaker names not shown: " + profile.name() + " marks speaker changes with dashes "
          + "(StyleProfile.SpeakerStyle." + profile.speakerStyle() + "); the NAMES style (CLI --speaker-style names) "
          + "shows them");
    }
    return new ShapingResult(track, report);
  }

  /** Segment words as given, or estimated inside the segment in proportion to their characters. */
  static List<TimedWord> wordsOf(List<Segment> segments) {
    List<TimedWord> out = new ArrayList<>();
    for (Segment s : segments) {
      if (!s.words().isEmpty()) {
        for (TimedWord w : s.words()) out.add(s.speaker() != null && w.speaker() == null ? w.withSpeaker(s.speaker()) : w);
        continue;
      }
      List<Token> pieces = LineBreaker.tokenize(s.text());
      estimate(pieces, s.startMs(), s.endMs(), s.speaker(), out);
    }
    return out;
  }

  private static void estimate(List<Token> pieces, long startMs, long endMs, String speaker, List<TimedWord> out) {
    long total = 0;
    for (Token p : pieces) total += p.width + (p.spaceBefore ? 1 : 0);
    long span = endMs - startMs;
    long acc = 0;
    for (Token p : pieces) {
      acc += p.spaceBefore ? 1 : 0;
      long s = startMs + span * acc / Math.max(1, total);
      acc += p.width;
      long e = startMs + span * acc / Math.max(1, total);
      out.add(TimedWord.of(p.text(), s, e, TimedWord.UNKNOWN_CONFIDENCE, speaker));
    }
  }

  /** Words as tokens; a space-free word wider than a line is split between grapheme clusters, times estimated. */
  private List<Token> tokens(List<TimedWord> words) {
    List<Token> out = new ArrayList<>(words.size());
    String prev = null;
    for (TimedWord w : words) {
      String text = w.text();
      boolean space = prev != null && !(endsNoSpace(prev) || startsNoSpace(text));
      if (Graphemes.hasNoSpaceScript(text) && Graphemes.width(text) > profile.maxCharsPerLine()) {
        List<Token> pieces = LineBreaker.tokenize(text);
        List<TimedWord> timed = new ArrayList<>(pieces.size());
        estimate(pieces, w.startMs(), w.endMs(), w.speaker(), timed);
        for (int k = 0; k < timed.size(); k++) out.add(new Token(timed.get(k), k == 0 ? space : false));
      } else {
        out.add(new Token(w, space));
      }
      prev = text;
    }
    return out;
  }

  private static boolean endsNoSpace(String s) {
    return !s.isEmpty() && Graphemes.isNoSpaceScript(s.codePointBefore(s.length()));
  }

  private static boolean startsNoSpace(String s) {
    return !s.isEmpty() && Graphemes.isNoSpaceScript(s.codePointAt(0));
  }

  /** Internal code keeps an unknown duration as null. */
  static Long boxed(OptionalLong ms) {
    return ms.isPresent() ? ms.getAsLong() : null;
  }
}
