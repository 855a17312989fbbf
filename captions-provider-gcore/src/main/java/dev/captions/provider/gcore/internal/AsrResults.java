package dev.captions.provider.gcore.internal;

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
   * @throws IllegalArgumentException when a subtitle's time cannot be parsed
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
    for (AiTask.Subtitle s : r.subtitles) {
      if (s == null || s.text == null || s.text.isBlank()) continue;
      long start = WireTimes.parseMs(s.startTime);
      long end = s.endTime == null ? start : WireTimes.parseMs(s.endTime);
      // An end before its start is a provider glitch; keep the text and let the shaping engine give it a duration
      // (its repair report then shows the zero-length end, so Gcore's own value is logged here).
      if (end < start) {
        LOG.info("gcore: task {} subtitle {} ends at {} ms, before its start at {} ms; kept with no duration for "
            + "the shaping engine to repair", taskId, segments.size(), end, start);
      }
      segments.add(Segment.of(start, Math.max(start, end), s.text.strip()));
    }
    return Transcript.builder().language(language).segments(segments).providerMetadata(meta).build();
  }
}
