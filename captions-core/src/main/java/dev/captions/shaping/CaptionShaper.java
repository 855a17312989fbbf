package dev.captions.shaping;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.DefaultCaptionTrack;
import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import java.util.List;
import java.util.Objects;

/**
 * Turns a transcript into readable cues. PLACEHOLDER until the shaping engine lands (issue 4): one cue per segment,
 * or per seven words, with no repair.
 */
public final class CaptionShaper {
  private final StyleProfile profile;

  private CaptionShaper(StyleProfile profile) {
    this.profile = Objects.requireNonNull(profile, "profile == null");
  }

  public static CaptionShaper of(StyleProfile profile) {
    return new CaptionShaper(profile);
  }

  public StyleProfile profile() {
    return profile;
  }

  /** Shapes a transcript; uses {@link Transcript#mediaDurationMs()} when known. */
  public ShapingResult shape(Transcript transcript) {
    DefaultCaptionTrack.Builder b = CaptionTrack.builder().language(transcript.language());
    List<TimedWord> words = transcript.words();
    if (!words.isEmpty()) {
      for (int i = 0; i < words.size(); i += 7) {
        List<TimedWord> group = words.subList(i, Math.min(words.size(), i + 7));
        StringBuilder text = new StringBuilder();
        for (TimedWord w : group) text.append(text.length() == 0 ? "" : " ").append(w.text());
        long start = group.get(0).startMs();
        long end = Math.max(start + 1, group.get(group.size() - 1).endMs());
        b.addCue(Cue.of(start, end, text.toString()));
      }
    } else {
      for (Segment s : transcript.segments()) {
        if (s.text().isBlank()) continue;
        b.addCue(Cue.of(s.startMs(), Math.max(s.startMs() + 1, s.endMs()), s.text().strip()));
      }
    }
    return new ShapingResult(b.build(), new CaptionQualityReport(List.of(), List.of()));
  }

  /** Re-shapes an existing track. */
  public ShapingResult reshape(CaptionTrack track, Long mediaDurationMs) {
    return new ShapingResult(track, new CaptionQualityReport(List.of(), List.of()));
  }
}
