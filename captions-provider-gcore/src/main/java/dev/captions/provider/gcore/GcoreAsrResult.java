package dev.captions.provider.gcore;

import dev.captions.model.Transcript;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a finished Gcore transcription task returned: the parsed {@link Transcript} plus Gcore's own WebVTT
 * ({@code vttContent}), the plain text and the detected languages. Immutable.
 */
public final class GcoreAsrResult {
  private final String taskId;
  private final Transcript transcript;
  private final String vttContent;
  private final String concatenatedText;
  private final List<String> detectedLanguages;
  private final boolean speechDetected;

  GcoreAsrResult(String taskId, Transcript transcript, String vttContent, String concatenatedText,
      List<String> detectedLanguages, boolean speechDetected) {
    this.taskId = Objects.requireNonNull(taskId, "taskId == null");
    this.transcript = Objects.requireNonNull(transcript, "transcript == null");
    this.vttContent = vttContent;
    this.concatenatedText = concatenatedText == null ? "" : concatenatedText;
    this.detectedLanguages = List.copyOf(detectedLanguages);
    this.speechDetected = speechDetected;
  }

  /**
   * Gcore's ASR task id.
   *
   * @return the id; never null
   */
  public String taskId() {
    return taskId;
  }

  /**
   * Segments as Gcore timed them (translated when a subtitles language was asked for).
   *
   * @return the transcript; never null
   */
  public Transcript transcript() {
    return transcript;
  }

  /**
   * Gcore's own WebVTT, unshaped; prefer shaping {@link #transcript()} with the SDK's caption rules.
   *
   * @return the WebVTT text, or empty when Gcore gave none
   */
  public Optional<String> vttContent() {
    return Optional.ofNullable(vttContent);
  }

  /**
   * All the recognised text in one string, as Gcore gives it.
   *
   * @return the text; {@code ""} when none
   */
  public String concatenatedText() {
    return concatenatedText;
  }

  /**
   * Spoken languages Gcore detected (up to 5, BCP-47), most prominent first; empty when it did not say.
   *
   * @return the languages; unmodifiable
   */
  public List<String> detectedLanguages() {
    return detectedLanguages;
  }

  /**
   * Whether Gcore heard any speech.
   *
   * @return false for silence or music only
   */
  public boolean speechDetected() {
    return speechDetected;
  }

  @Override
  public String toString() {
    return "GcoreAsrResult{task=" + taskId + ", " + transcript + ", detected=" + detectedLanguages + '}';
  }
}
