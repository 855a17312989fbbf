package dev.captions.provider.gcore.internal;

import dev.captions.model.DroppedItem;
import dev.captions.model.Segment;
import dev.captions.model.Transcript;
import dev.captions.provider.gcore.GcoreLanguages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a Gcore ASR result into a {@link Transcript}. Stateless. */
public final class AsrResults {
  private static final Logger LOG = LoggerFactory.getLogger(AsrResults.class);

  private AsrResults() {}

  /**
   * @param fallbackLanguage BCP-47 used when the result names no language (the language asked for), or null
   * @throws IllegalArgumentException when no subtitle's start time can be read (one unreadable time only drops that
   *     subtitle, listed in {@link Transcript#dropped()})
   */
  public static Transcript toTranscript(String taskId, AiTask.AsrResult r, String fallbackLanguage) {
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("gcore.taskId", taskId);
    List<String> detected = new ArrayList<>();
    for (String code : r.languages == null ? List.<String>of() : r.languages) {
      GcoreLanguages.toBcp47(code).ifPresent(detected::add);
    }
    if (!detected.isEmpty()) meta.put("gcore.languages", String.join(",", detected));
    String language = fallbackLanguage != null ? fallbackLanguage : detected.isEmpty() ? "und" : detected.get(0);
    boolean speech = r.speechDetected == null || r.speechDetected;
    meta.put("gcore.speechDetected", String.valueOf(speech));
    if (!speech || r.subtitles == null) return Transcript.builder().language(language).providerMetadata(meta).build();

    List<Segment> segments = new ArrayList<>(r.subtitles.size());
    List<DroppedItem> dropped = new ArrayList<>();
    for (int i = 0; i < r.subtitles.size(); i++) {
      AiTask.Subtitle s = r.subtitles.get(i);
      if (s == null || s.text == null || s.text.isBlank()) continue;
      long start;
      try {
        start = WireTimes.parseMs(s.startTime);
      } catch (IllegalArgumentException e) {
        // One bad time costs that subtitle, not the task: it is reported in the quality report.
        LOG.warn("gcore: task {} subtitle {} has an unreadable start ({}); left out", taskId, i, e.getMessage());
        dropped.add(DroppedItem.of(i, s.text.strip(), "start: " + e.getMessage()));
        continue;
      }
      long end;
      try {
        end = s.endTime == null ? start : WireTimes.parseMs(s.endTime);
      } catch (IllegalArgumentException e) {
        end = start; // the shaping engine gives it a duration and reports FIXED_END_BEFORE_START
      }
      // An end before its start is a provider glitch; keep the text and let the shaping engine give it a duration
      // (its repair report then shows the zero-length end, so Gcore's own value is logged here).
      if (end < start) {
        LOG.info("gcore: task {} subtitle {} ends at {} ms, before its start at {} ms; kept with no duration for "
            + "the shaping engine to repair", taskId, i, end, start);
      }
      segments.add(Segment.of(start, Math.max(start, end), s.text.strip()));
    }
    if (segments.isEmpty() && !dropped.isEmpty()) {
      throw new IllegalArgumentException("none of the " + dropped.size() + " subtitles has a readable start time (e.g. "
          + dropped.get(0).reason() + "), so nothing usable is left");
    }
    return Transcript.builder().language(language).segments(segments).providerMetadata(meta).dropped(dropped).build();
  }
}
