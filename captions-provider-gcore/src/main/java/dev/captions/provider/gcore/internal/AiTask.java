package dev.captions.provider.gcore.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Wire shape of {@code GET /streaming/ai/tasks/{id}} (and the legacy {@code /streaming/ai/results/{id}}). Unknown
 * fields are ignored; every field may be absent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AiTask {
  @JsonProperty("task_id") public String taskId;
  @JsonProperty("status") public String status;
  @JsonProperty("progress") public Integer progress;
  @JsonProperty("task_data") public JsonNode taskData;
  /** An ASR result, or {@code {"error": "..."}} for a failed task; kept as a tree because its shape depends on it. */
  @JsonProperty("result") public JsonNode result;

  /** Wire shape of a transcription result. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class AsrResult {
    @JsonProperty("subtitles") public List<Subtitle> subtitles = List.of();
    /** camelCase on the wire, unlike every other field. */
    @JsonProperty("vttContent") public String vttContent;
    @JsonProperty("concatenated_text") public String concatenatedText;
    @JsonProperty("languages") public List<String> languages = List.of();
    /** Absent in older responses: then speech is assumed when there are subtitles. */
    @JsonProperty("speech_detected") public Boolean speechDetected;
    @JsonProperty("error") public String error;
  }

  /** One timed sentence; times are {@code "HH:mm:ss.fff"} strings. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Subtitle {
    @JsonProperty("start_time") public String startTime;
    @JsonProperty("end_time") public String endTime;
    @JsonProperty("text") public String text;
  }

  /** Wire shape of the create response {@code {"task_id": "..."}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public static final class Created {
    @JsonProperty("task_id") public String taskId;
  }
}
