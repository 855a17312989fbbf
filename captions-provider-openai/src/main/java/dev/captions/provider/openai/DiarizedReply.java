package dev.captions.provider.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.ProviderException;
import dev.captions.http.Json;
import dev.captions.model.DroppedItem;
import dev.captions.model.Segment;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code diarized_json} body of {@code gpt-4o-transcribe-diarize}:
 * <pre>{@code {"task":"transcribe","duration":27.4,"text":"…",
 *  "segments":[{"type":"transcript.text.segment","id":"seg_001","start":0.0,"end":4.7,"text":"…","speaker":"A"}],
 *  "usage":{"type":"duration","seconds":28}}}</pre>
 * openai-java 4.x hands this body over as {@code Transcription.text} (its {@code isJson()} does not know the format;
 * openai-java issue 652), so it is parsed here with Jackson. Segments keep the model's speaker labels ({@code A},
 * {@code B}, …). A segment without usable times is left out and reported as dropped; a body that is not this JSON is a
 * {@link ProviderException} (not retried: the request was billed). Stateless.
 */
final class DiarizedReply {
  final List<Segment> segments;
  final List<DroppedItem> dropped;
  /** The audio's length in seconds as the reply states it, or 0 when absent. */
  final double durationSec;

  private DiarizedReply(List<Segment> segments, List<DroppedItem> dropped, double durationSec) {
    this.segments = segments;
    this.dropped = dropped;
    this.durationSec = durationSec;
  }

  /**
   * @param body the reply's body as received
   * @throws ProviderException when the body is not JSON or has no {@code segments} list
   */
  static DiarizedReply read(String body) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw malformed("it is not JSON (" + e.getOriginalMessage() + ")", body, e);
    }
    if (root == null || !root.isObject()) throw malformed("it is not a JSON object", body, null);
    JsonNode list = root.get("segments");
    if (list == null || !list.isArray()) throw malformed("it has no \"segments\" list", body, null);
    List<Segment> segments = new ArrayList<>(list.size());
    List<DroppedItem> dropped = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode s = list.get(i);
      String text = s.path("text").asText("").strip();
      if (text.isEmpty()) continue;
      double start = s.path("start").asDouble(Double.NaN);
      double end = s.path("end").asDouble(Double.NaN);
      if (!s.path("start").isNumber() || !(start >= 0) || start > MAX_SECONDS) {
        dropped.add(DroppedItem.of(i, text, "segment " + s.path("id").asText("#" + i) + " has no usable start ("
            + s.path("start") + ")"));
        continue;
      }
      long startMs = Math.round(start * 1000);
      long endMs = s.path("end").isNumber() && end >= start && end <= MAX_SECONDS ? Math.round(end * 1000) : startMs;
      String speaker = s.path("speaker").asText("").strip();
      segments.add(Segment.of(startMs, endMs, text, speaker.isEmpty() ? null : speaker, List.of()));
    }
    double duration = root.path("duration").isNumber() ? root.path("duration").asDouble() : 0;
    return new DiarizedReply(segments, dropped, duration > 0 && duration <= MAX_SECONDS ? duration : 0);
  }

  /** A year: anything later is not a time in an upload of at most 25 MB. */
  private static final double MAX_SECONDS = 366 * 86_400.0;

  private static ProviderException malformed(String why, String body, Throwable cause) {
    String preview = body == null ? "null" : body.length() > 120 ? body.substring(0, 120) + "…" : body;
    return new ProviderException(OpenAiSettings.PROVIDER, "audio/transcriptions: the diarized_json reply could not be "
        + "read: " + why + "; body starts " + preview.replaceAll("\\s+", " ") + ". Not sent again, since it may have "
        + "been billed", 200, null, false, cause);
  }
}
