package dev.captions.shaping;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Checks any caption track against a {@link StyleProfile} and explains each violation. Used on the engine's output
 * and to measure other tools' tracks. Immutable and thread-safe.
 */
public final class ComplianceChecker {
  private final StyleProfile p;

  private ComplianceChecker(StyleProfile profile) {
    this.p = Objects.requireNonNull(profile, "profile == null");
  }

  /**
   * A checker for the limits of {@code profile}.
   *
   * @param profile the profile to check against
   * @return the checker
   */
  public static ComplianceChecker of(StyleProfile profile) {
    return new ComplianceChecker(profile);
  }

  /**
   * Every violation in {@code track}, in cue order.
   *
   * @param track the track to check; not null
   * @param knownDurationMs the media's length in milliseconds, or empty when unknown (then no {@code BEYOND_MEDIA}
   *     check)
   * @return the violations, in cue order; empty when the track keeps every rule
   */
  public List<Violation> check(CaptionTrack track, OptionalLong knownDurationMs) {
    Long mediaDurationMs = CaptionShaper.boxed(knownDurationMs);
    List<Violation> out = new ArrayList<>();
    List<Cue> cues = track.cues();
    for (int i = 0; i < cues.size(); i++) {
      Cue c = cues.get(i);
      Cue next = i + 1 < cues.size() ? cues.get(i + 1) : null;
      List<String> lines = c.lines();
      int chars = 0;
      for (String line : lines) {
        int w = Graphemes.width(line);
        chars += w;
        if (w > p.maxCharsPerLine()) {
          boolean oneWord = line.trim().indexOf(' ') < 0 && !Graphemes.hasNoSpaceScript(line);
          out.add(new Violation(i, c.startMs(), Violation.Rule.MAX_CHARS_PER_LINE, w, p.maxCharsPerLine(),
              oneWord ? "a single word is longer than a line" : "the line was not broken to fit"));
        }
      }
      if (lines.size() > p.maxLines()) {
        out.add(new Violation(i, c.startMs(), Violation.Rule.MAX_LINES, lines.size(), p.maxLines(),
            "the text does not fit in " + p.maxLines() + " lines"));
      }
      long shown = c.durationMs();
      if (shown < p.minDurationMs()) {
        out.add(new Violation(i, c.startMs(), Violation.Rule.MIN_DURATION, shown, p.minDurationMs(),
            shortCause(c, next)));
      }
      if (shown > p.maxDurationMs()) {
        out.add(new Violation(i, c.startMs(), Violation.Rule.MAX_DURATION, shown, p.maxDurationMs(),
            c.words().size() == 1 ? "a single word lasts longer" : "the cue was not split"));
      }
      int words = TimingRepair.wordCount(c.text());
      if (p.maxCharsPerSecond() > 0) {
        double cps = chars * 1000.0 / shown;
        if (cps > p.maxCharsPerSecond() + 1e-9) {
          out.add(new Violation(i, c.startMs(), Violation.Rule.READING_SPEED, cps, p.maxCharsPerSecond(),
              speedCause(c, next, chars, words)));
        }
      }
      if (p.maxWordsPerMinute() > 0) {
        double wpm = words * 60_000.0 / shown;
        if (wpm > p.maxWordsPerMinute() + 1e-9) {
          out.add(new Violation(i, c.startMs(), Violation.Rule.READING_SPEED, wpm, p.maxWordsPerMinute(),
              speedCause(c, next, chars, words)));
        }
      }
      if (i > 0) {
        long gap = c.startMs() - cues.get(i - 1).endMs();
        if (gap < p.minGapMs()) {
          out.add(new Violation(i, c.startMs(), Violation.Rule.MIN_GAP, gap, p.minGapMs(),
              gap < 0 ? "cues overlap" : "cues follow each other too closely"));
        }
      }
      checkSpeakers(i, c, lines, out);
      if (mediaDurationMs != null && c.endMs() > mediaDurationMs) {
        out.add(new Violation(i, c.startMs(), Violation.Rule.BEYOND_MEDIA, c.endMs(), mediaDurationMs,
            "the cue ends after the media"));
      }
    }
    return out;
  }

  /**
   * How fast {@code cue} is read, in this profile's unit ({@link #readingSpeedUnit()}): displayed characters per
   * second (counted as {@link #check} counts them) when the profile limits characters per second, else words per
   * minute. A cue of zero duration reads infinitely fast ({@link Double#POSITIVE_INFINITY}) unless it is empty.
   *
   * @param cue the cue; not null
   * @return the reading speed, at least 0
   */
  public double readingSpeed(Cue cue) {
    boolean cps = p.maxCharsPerSecond() > 0 || p.maxWordsPerMinute() == 0;
    double amount = 0;
    if (cps) {
      for (String line : cue.lines()) amount += Graphemes.width(line);
    } else {
      amount = TimingRepair.wordCount(cue.text());
    }
    if (amount == 0) return 0;
    long shown = cue.durationMs();
    if (shown <= 0) return Double.POSITIVE_INFINITY;
    return cps ? amount * 1000.0 / shown : amount * 60_000.0 / shown;
  }

  /**
   * The profile's reading-speed limit in {@link #readingSpeedUnit()}.
   *
   * @return the limit; 0 when the profile sets none
   */
  public double readingSpeedLimit() {
    return p.maxCharsPerSecond() > 0 || p.maxWordsPerMinute() == 0 ? p.maxCharsPerSecond() : p.maxWordsPerMinute();
  }

  /**
   * The unit of {@link #readingSpeed} and {@link #readingSpeedLimit()}.
   *
   * @return {@code "chars/s"} or {@code "words/min"}
   */
  public String readingSpeedUnit() {
    return p.maxCharsPerSecond() > 0 || p.maxWordsPerMinute() == 0 ? "chars/s" : "words/min";

  }

  /** Speaker turns in the cue's words against the profile's speaker style ({@link Violation.Rule#SPEAKERS}). */
  private void checkSpeakers(int i, Cue c, List<String> lines, List<Violation> out) {
    int turns = speakerTurns(c);
    if (turns < 2) return;
    StyleProfile.SpeakerStyle style = p.speakerStyle();
    if (style == StyleProfile.SpeakerStyle.NAMES) {
      out.add(new Violation(i, c.startMs(), Violation.Rule.SPEAKERS, turns, 1,
          "speakers change inside the cue, but named speakers (" + p.name() + ") need one speaker per cue"));
      return;
    }
    if (turns > 2) {
      out.add(new Violation(i, c.startMs(), Violation.Rule.SPEAKERS, turns, 2,
          "more than two speaker turns in one cue; dashes allow two, one per line"));
      return;
    }
    String dash = style.linePrefix().trim();
    if (lines.size() != 2 || !lines.get(0).startsWith(dash) || !lines.get(1).startsWith(dash)) {
      out.add(new Violation(i, c.startMs(), Violation.Rule.SPEAKERS, turns, 2,
          "two speakers share the cue without one line each starting with \"" + dash + "\""));
    }
  }

  /** Runs of words by the same speaker; 0 or 1 when the words name no speaker or one. */
  private static int speakerTurns(Cue c) {
    int turns = 0;
    boolean any = false;
    String prev = null;
    for (var w : c.words()) {
      if (w.speaker() != null) any = true;
      if (turns == 0 || !Objects.equals(prev, w.speaker())) turns++;
      prev = w.speaker();
    }
    return any ? turns : 0;
  }

  private String shortCause(Cue c, Cue next) {
    if (c.words().isEmpty()) return "the cue is too short";
    long lastEnd = lastWordEnd(c);
    if (next == null || next.startMs() - lastEnd >= p.pauseMs()) {
      return "isolated speech: lingering longer than " + p.maxLingerMs() + " ms over silence is not allowed";
    }
    return "the next cue starts " + (next.startMs() - c.startMs()) + " ms after this one and they cannot be merged";
  }

  private String speedCause(Cue c, Cue next, int chars, int words) {
    if (c.words().isEmpty()) return "the cue is too short for its text";
    // The longest the cue may stay: until the linger limit after its last word, or the gap before the next cue.
    long spoken = lastWordEnd(c) + p.maxLingerMs() - c.startMs();
    if (next != null) spoken = Math.min(spoken, next.startMs() - p.minGapMs() - c.startMs());
    long need = p.readingTimeMs(chars, words);
    if (spoken < need) {
      return String.format(Locale.ROOT, "speech is faster than the reading speed (%d ms available, %d ms needed)",
          spoken, need);
    }
    return "the cue could be shown longer";
  }

  private static long lastWordEnd(Cue c) {
    long m = 0;
    for (var w : c.words()) m = Math.max(m, w.endMs());
    return m;
  }
}
