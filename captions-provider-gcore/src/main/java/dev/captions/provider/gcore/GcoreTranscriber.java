package dev.captions.provider.gcore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.PipelineStage;
import dev.captions.InvalidMediaException;
import dev.captions.InvalidMediaException.Reason;
import dev.captions.ProviderException;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import dev.captions.provider.gcore.internal.AiTask;
import dev.captions.provider.gcore.internal.AsrResults;
import dev.captions.provider.gcore.internal.GcoreHttp;
import dev.captions.spi.Async;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.http.JobPoller;
import dev.captions.http.JobStatus;
import dev.captions.http.PollingProviderBuilder;
import dev.captions.http.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gcore Video Streaming AI ASR as a {@link Transcriber}: creates a {@code transcription} task with
 * {@code POST /streaming/ai/tasks} and polls {@code GET /streaming/ai/tasks/{id}} until it ends.
 *
 * <ul>
 *   <li><b>Input:</b> an http(s) URL of an MP4 that Gcore can download without authorisation (Gcore advises the 480p
 *       rendition; {@link GcoreVideo#asrMp4Url()} picks it). Local files and streams are rejected with
 *       {@link InvalidMediaException} before any call.</li>
 *   <li><b>Language:</b> {@link TranscriptionOptions#language()} (BCP-47) is sent as {@code audio_language} in Gcore's
 *       ISO 639-2/B form; when absent Gcore detects the language and supports code-switching, and the transcript's
 *       language is the first one Gcore reports.</li>
 *   <li><b>Translation:</b> a transcriber built with {@link Builder#subtitlesLanguage} (or derived with
 *       {@link #withSubtitlesLanguage}) sends {@code subtitles_language}: Gcore transcribes and translates in one task,
 *       and the returned transcript is in that language, timed like the original. Gcore bills translation by duration
 *       and needs one task per target language.</li>
 *   <li><b>Statuses:</b> {@code RECEIVED}, {@code PENDING}, {@code STARTED} and {@code RETRY} (re-queued after an
 *       internal failure) keep polling; {@code SUCCESS} returns; {@code FAILURE} throws {@link ProviderException} with
 *       Gcore's {@code result.error}; {@code REVOKED} throws too; an unknown status is logged and waited on until the
 *       overall timeout ({@link dev.captions.ProviderTimeoutException}).</li>
 *   <li><b>Cancellation:</b> interrupting the thread (or cancelling {@link #transcribeAsync}'s future) stops polling
 *       and calls {@code POST /streaming/ai/tasks/{id}/cancel}, which revokes the task at Gcore.</li>
 *   <li><b>No speech:</b> {@code speech_detected: false} gives an empty transcript, not an error.</li>
 * </ul>
 *
 * <p>Retries: polling GETs and the cancel call are retried on 408/429/5xx and I/O failures, also while the body is read
 * (honouring {@code Retry-After}). Tasks are billed, so a create is never sent twice blind: it carries a token of ours
 * in {@code client_user_id}, and when its reply is lost Gcore is asked for the task with that token
 * ({@code GET /streaming/ai/tasks?search=…}) before the create is sent again. Whenever the run gives up on a created
 * task (time-out, a failed status check, cancellation) the task is cancelled.
 *
 * <p>Thread-safe and immutable; one instance may serve concurrent calls.
 */
public final class GcoreTranscriber implements Transcriber {
  private static final Logger LOG = LoggerFactory.getLogger(GcoreTranscriber.class);
  private static final Map<String, JobStatus.State> STATES = Map.of(
      "received", JobStatus.State.PENDING, "pending", JobStatus.State.PENDING, "retry", JobStatus.State.PENDING,
      "started", JobStatus.State.RUNNING, "success", JobStatus.State.SUCCEEDED, "failure", JobStatus.State.FAILED,
      "revoked", JobStatus.State.CANCELLED);

  private final GcoreHttp http;
  private final JobPoller poller;
  private final String subtitlesLanguage;

  private GcoreTranscriber(GcoreHttp http, JobPoller poller, String subtitlesLanguage) {
    this.http = http;
    this.poller = poller;
    this.subtitlesLanguage = subtitlesLanguage;
  }

  /**
   * A builder with the defaults; {@link Builder#build()} needs an API key.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return GcoreHttp.PROVIDER;
  }

  @Override
  public Set<MediaSource.Kind> acceptedSources() {
    return EnumSet.of(MediaSource.Kind.URL);
  }

  /**
   * Gcore AI ASR takes an MP4 video, never a separate audio file: the pipeline hands it the source itself.
   *
   * @return false, always
   */
  @Override
  public boolean acceptsExtractedAudio() {
    return false;
  }

  /**
   * Refuses, before any call, what Gcore documents it cannot take: anything but an http(s) URL, and a URL whose file
   * name ends in an extension other than {@code .mp4}/{@code .m4v} (an audio file, WebM, MKV…). A URL without an
   * extension is sent as it is.
   *
   * @param media the media Gcore would get; never null
   * @throws InvalidMediaException when {@code media} is a URL of a file that is not an MP4
   */
  @Override
  public void checkInput(MediaSource media) {
    Objects.requireNonNull(media, "media == null");
    if (!media.isUrl()) return; // transcribeTask says what to do with a file
    String path = media.uri().getPath() == null ? "" : media.uri().getPath();
    String file = path.substring(path.lastIndexOf('/') + 1);
    int dot = file.lastIndexOf('.');
    String ext = dot < 0 ? "" : file.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    if (!ext.isEmpty() && !ext.equals("mp4") && !ext.equals("m4v")) {
      throw new InvalidMediaException(Reason.UNSUPPORTED_SOURCE, "Gcore AI ASR takes an MP4 video, but " + media.name()
          + " is a '." + ext + "' file. Pass the video's MP4 URL (for a Gcore video, its 480p rendition: "
          + "GcoreVideo.asrMp4Url()); do not put a media processor's audio extraction in front of Gcore.");
    }
  }

  /** {@return the BCP-47 language this transcriber translates into, or null when it transcribes only} */
  public String subtitlesLanguage() {
    return subtitlesLanguage;
  }

  /**
   * A transcriber sharing this one's connection that also translates into {@code bcp47} through Gcore's
   * {@code subtitles_language} (null: transcription only).
   *
   * @param bcp47 the language to translate into, or {@code null}
   * @throws IllegalArgumentException when the language has no ISO 639-2 code
   * @return the new transcriber
   */
  public GcoreTranscriber withSubtitlesLanguage(String bcp47) {
    if (bcp47 != null) GcoreLanguages.toGcore(bcp47);
    return new GcoreTranscriber(http, poller, bcp47);
  }

  /** {@return a {@link GcoreVideos} client on the same connection and key} */
  public GcoreVideos videos() {
    return new GcoreVideos(http, poller.toBuilder().stage(dev.captions.PipelineStage.TRANSCRIBE).timeout(java.time.Duration.ofHours(1)).build());
  }

  @Override
  public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
    return transcribeTask(audio, options).transcript();
  }

  /**
   * Like {@link #transcribe} but returns everything the task gave, including Gcore's own {@code vttContent}.
   *
   * @param audio the media's http(s) URL
   * @param options language, timeout and progress
   * @throws InvalidMediaException when {@code audio} is not an http(s) URL
   * @throws dev.captions.ConfigurationException when speakers are asked (Gcore returns no speaker labels)
   * @throws ProviderException when Gcore rejects the request or the task fails (with Gcore's reason)
   * @throws dev.captions.ProviderTimeoutException when the task does not finish within the timeout
   * @throws java.util.concurrent.CancellationException when interrupted (the task is revoked at Gcore)
   * @return the task's full result
   */
  public GcoreAsrResult transcribeTask(MediaSource audio, TranscriptionOptions options) {
    Objects.requireNonNull(audio, "audio == null");
    Objects.requireNonNull(options, "options == null");
    options.checkSpeakersSupported(this); // Gcore AI ASR returns no speaker labels
    checkInput(audio);
    if (!audio.isUrl()) {
      throw new InvalidMediaException(Reason.UNSUPPORTED_SOURCE, "Gcore AI ASR downloads the media itself, so it needs an http(s) URL of an MP4, "
          + "but got a " + audio.kind().name().toLowerCase(java.util.Locale.ROOT) + " (" + audio.name() + "). Upload "
          + "the file (e.g. to Gcore Video Streaming, then GcoreVideos.get(id).asrMp4Url()) and pass "
          + "MediaSource.ofUrl(\"https://…/480.mp4\").");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("task_name", "transcription");
    body.put("url", audio.uri().toString());
    options.language().ifPresent(l -> body.put("audio_language", GcoreLanguages.toGcore(l)));
    if (subtitlesLanguage != null) body.put("subtitles_language", GcoreLanguages.toGcore(subtitlesLanguage));

    String taskId = createOnce(body);
    LOG.info("gcore: transcription task {} created for {}{}", taskId, audio,
        subtitlesLanguage != null ? " (translating to " + subtitlesLanguage + ")" : "");

    JobPoller p = options.timeout().map(t -> poller.toBuilder().timeout(t).build()).orElse(poller);
    String asked = subtitlesLanguage != null ? subtitlesLanguage : options.language().orElse(null);
    return p.poll(taskId, () -> check(taskId, asked), () -> cancel(taskId), options.progress());
  }

  /**
   * Creates the task exactly once. Gcore bills tasks and takes no idempotency key, so the create carries our own token
   * in {@code client_user_id}; when its reply is lost (reset, time-out, an unreadable body, a 500/504 that may have
   * followed the work), the task is looked up by that token ({@code GET /streaming/ai/tasks?search=…}) before the create
   * is sent again, at most as often as the retry policy allows. 429/502/503, which did no work, are retried by the
   * policy itself.
   */
  private String createOnce(Map<String, Object> body) {
    String token = CLIENT_TOKEN_PREFIX + UUID.randomUUID();
    Map<String, Object> tagged = new LinkedHashMap<>(body);
    tagged.put("client_user_id", token);
    Request create = RetryPolicy.markRefusalsRetryable(
        http.request("streaming", "ai", "tasks").post(http.json().json(tagged)).build());
    int attempts = http.json().retryPolicy().maxAttempts();
    for (int attempt = 1; ; attempt++) {
      try {
        AiTask.Created created = http.json().sendForBody(create, AiTask.Created.class);
        if (created.taskId == null || created.taskId.isBlank()) {
          throw new ProviderException(name(), "creating the transcription task returned no task_id", 200, null, false,
              null);
        }
        return created.taskId;
      } catch (ProviderException e) {
        if (!mayHaveCreated(e)) throw e;
        String found = lookUp(token);
        if (found != null) {
          LOG.info("gcore: the reply to the task create was lost ({}); found the task {} it created", e.getMessage(),
              found);
          return found;
        }
        if (attempt >= attempts) {
          throw new ProviderException(name(), "creating the transcription task failed " + attempt + " time(s) and Gcore "
              + "lists no task tagged " + token + "; last failure: " + e.getMessage(), e.httpStatus(), e.requestId(),
              e.isRetryable(), e);
        }
        LOG.info("gcore: the task create failed ({}) and Gcore lists no task tagged {}; sending it again (attempt {} of "
            + "{})", e.getMessage(), token, attempt + 1, attempts);
        Async.checkCancelled();
      }
    }
  }

  /** A create that failed this way may still have made the task at Gcore. */
  private static boolean mayHaveCreated(ProviderException e) {
    int status = e.httpStatus();
    return status == 0 || status / 100 == 2 || status == 500 || status == 504 || status == 408;
  }

  /**
   * The id of the task tagged {@code token}, or {@code null}: {@code GET /streaming/ai/tasks?search=token} searches the
   * tasks' {@code task_data}; the body is {@code {"results":[task…]}} (a bare list is accepted too), and only a task
   * whose {@code task_data} holds the token counts.
   */
  private String lookUp(String token) {
    Request search = http.request("streaming", "ai", "tasks").get().build();
    search = search.newBuilder().url(search.url().newBuilder().addQueryParameter("search", token).build()).build();
    JsonNode page = http.json().send(search);
    JsonNode results = page == null ? null : page.isArray() ? page : page.get("results");
    if (results == null || !results.isArray()) return null;
    for (JsonNode task : results) {
      JsonNode data = task.path("task_data");
      boolean tagged = token.equals(data.path("client_user_id").asText(null)) || data.toString().contains(token);
      String id = task.path("task_id").asText(null);
      if (tagged && id != null && !id.isBlank()) return id;
    }
    return null;
  }

  /** The start of every {@code client_user_id} this SDK sends: {@code captions-} and a random UUID follow. */
  static final String CLIENT_TOKEN_PREFIX = "captions-";

  private JobStatus<GcoreAsrResult> check(String taskId, String askedLanguage) {
    AiTask task = http.json().sendForBody(http.request("streaming", "ai", "tasks", taskId).get().build(), AiTask.class);
    double progress = task.progress == null ? Double.NaN : task.progress / 100.0;
    JobStatus.State state = JobStatus.State.classify(task.status, STATES);
    switch (state) {
      case SUCCEEDED:
        return JobStatus.succeeded(task.status, toResult(taskId, task.result, askedLanguage));
      case FAILED:
      case CANCELLED:
        return JobStatus.of(task.status, STATES, progress, null, errorOf(task.result));
      default:
        return JobStatus.of(task.status, STATES, progress, null, null);
    }
  }

  private GcoreAsrResult toResult(String taskId, JsonNode resultNode, String askedLanguage) {
    AiTask.AsrResult r;
    try {
      r = resultNode == null || resultNode.isNull() ? new AiTask.AsrResult()
          : http.json().mapper().treeToValue(resultNode, AiTask.AsrResult.class);
    } catch (JsonProcessingException e) {
      throw new ProviderException(name(), "task " + taskId + " succeeded but its result is not the documented shape: "
          + e.getOriginalMessage(), 0, taskId, false, e);
    }
    Transcript transcript;
    try {
      transcript = AsrResults.toTranscript(taskId, r, askedLanguage);
    } catch (IllegalArgumentException e) {
      throw new ProviderException(name(), "task " + taskId + " returned no usable subtitle: " + e.getMessage(),
          200, taskId, false, e);
    }
    List<String> detected = new ArrayList<>();
    for (String code : r.languages == null ? List.<String>of() : r.languages) {
      GcoreLanguages.toBcp47(code).ifPresent(detected::add);
    }
    return new GcoreAsrResult(taskId, transcript, r.vttContent, r.concatenatedText, detected,
        r.speechDetected == null || r.speechDetected);
  }

  private static String errorOf(JsonNode result) {
    if (result == null || result.isNull()) return null;
    JsonNode e = result.get("error");
    if (e != null && !e.isNull()) return e.isTextual() ? e.asText() : e.toString();
    return result.isTextual() ? result.asText() : null;
  }

  /** Revokes the task; cancelling twice does no harm, so the POST is retried like a GET. */
  private void cancel(String taskId) {
    http.json().send(RetryPolicy.markSafeToRepeat(
        http.request("streaming", "ai", "tasks", taskId, "cancel").post(http.json().json(Map.of())).build()));
  }

  @Override
  public String toString() {
    return "GcoreTranscriber{" + http + (subtitlesLanguage != null ? ", subtitlesLanguage=" + subtitlesLanguage : "") + '}';
  }

  /**
   * Builds a {@link GcoreTranscriber}: API key, base URL, client, retry policy, polling and time-out as every polling
   * provider has them ({@link PollingProviderBuilder}; default polling 2 s → 20 s since ASR takes minutes, time-out
   * 30 min), plus {@link #subtitlesLanguage}. Not thread-safe.
   */
  public static final class Builder extends PollingProviderBuilder<Builder> {
    private String subtitlesLanguage;

    private Builder() {
      super(GcoreHttp.ENDPOINT, Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofMinutes(30));
    }

    /**
     * Also translate into this BCP-47 language through {@code subtitles_language} (paid); null for none.
     *
     * @param bcp47 the language, or {@code null}
     * @return this builder
     */
    public Builder subtitlesLanguage(String bcp47) {
      if (bcp47 != null) GcoreLanguages.toGcore(bcp47);
      this.subtitlesLanguage = bcp47;
      return this;
    }

    /**
     * @throws dev.captions.ConfigurationException when no API key was set or the base URL is malformed
     *
     * @return the transcriber
     */
    public GcoreTranscriber build() {
      GcoreHttp http = new GcoreHttp(jsonHttp(), baseHttpUrl(), requireApiKey());
      return new GcoreTranscriber(http, poller(PipelineStage.TRANSCRIBE), subtitlesLanguage);
    }
  }
}
