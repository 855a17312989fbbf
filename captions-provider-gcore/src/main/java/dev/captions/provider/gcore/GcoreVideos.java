package dev.captions.provider.gcore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.ProviderException;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.model.CaptionTrack;
import dev.captions.provider.gcore.internal.GcoreHttp;
import dev.captions.http.HttpProviderBuilder;
import dev.captions.http.JobPoller;
import dev.captions.http.JobStatus;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The part of the Gcore Video Streaming API the AI subtitles flow needs: read a video's MP4 renditions, attach a
 * WebVTT track, and create a video from a URL with automatic transcription and translation.
 *
 * <p>Blocking, thread-safe and immutable. Errors are mapped like {@link GcoreTranscriber}'s (401 →
 * {@link dev.captions.AuthenticationException}, 429 → {@link dev.captions.RateLimitException}, …), and two get a
 * message saying what they mean here: 404 on a video id (no such video in this account) and 422 on a subtitle upload
 * (Gcore's answer when AI is disabled on the account). Both are non-retryable {@link ProviderException}s that keep the
 * status and Gcore's own message.
 */
public final class GcoreVideos {
  /**
   * Gcore's limit for one subtitle file, in bytes of UTF-8: its docs say "5 MB", read here as 5,000,000 bytes, the
   * stricter of the two readings, so that a file this SDK lets through is never refused as too large.
   */
  public static final int MAX_SUBTITLE_BYTES = 5_000_000;

  private final GcoreHttp http;
  private final JobPoller poller;

  GcoreVideos(GcoreHttp http, JobPoller poller) {
    this.http = Objects.requireNonNull(http, "http == null");
    this.poller = Objects.requireNonNull(poller, "poller == null");
  }

  /** Polling for subtitles Gcore generates: every 5 s at first, then up to 30 s apart, for at most an hour. */
  static JobPoller defaultPoller() {
    return JobPoller.builder(GcoreHttp.PROVIDER).stage(dev.captions.PipelineStage.TRANSCRIBE).initialInterval(Duration.ofSeconds(5))
        .maxInterval(Duration.ofSeconds(30)).timeout(Duration.ofHours(1)).build();
  }

  /**
   * A builder with the defaults; {@link Builder#build()} needs an API key.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code GET /streaming/videos/{id}}.
   *
   * @param videoId Gcore's video id
   * @return the video
   */
  public GcoreVideo get(long videoId) {
    JsonNode node = send(http.request("streaming", "videos", Long.toString(videoId)).get().build(), videoId, false);
    return parseVideo(node, "GET video " + videoId);
  }

  /**
   * Attaches a WebVTT track: {@code POST /streaming/videos/{id}/subtitles {name, language, vtt}}. Gcore may take up to
   * 30 s to show it.
   *
   * @param language BCP-47 (sent as Gcore's ISO 639-2/B code) or already a three-letter code
   * @param videoId Gcore's video id
   * @param name the track's name as shown in the player
   * @param vtt the WebVTT text
   * @throws IllegalArgumentException when {@code vtt} is not WebVTT or is over {@value #MAX_SUBTITLE_BYTES} bytes of
   *     UTF-8 (checked before sending)
   * @throws ProviderException with status 422 when Gcore refuses the upload (AI disabled on the account), 404 when
   *     the video does not exist
   * @return the created subtitle track
   */
  public GcoreSubtitle addSubtitles(long videoId, String name, String language, String vtt) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(vtt, "vtt == null");
    if (!vtt.stripLeading().startsWith("WEBVTT")) {
      throw new IllegalArgumentException("subtitles must be WebVTT (start with \"WEBVTT\"); render a CaptionTrack with "
          + "addSubtitles(videoId, name, track) instead");
    }
    int bytes = vtt.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_SUBTITLE_BYTES) {
      throw new IllegalArgumentException("the WebVTT is " + bytes + " bytes of UTF-8, over Gcore's 5 MB limit for a "
          + "subtitle file (" + MAX_SUBTITLE_BYTES + " bytes); split the video or drop styling");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("language", GcoreLanguages.toGcore(language));
    body.put("vtt", vtt);
    JsonNode node = send(http.request("streaming", "videos", Long.toString(videoId), "subtitles")
        .post(http.json().json(body)).build(), videoId, true);
    if (node == null || !node.isObject()) {
      throw new ProviderException(GcoreHttp.PROVIDER, "adding subtitles to video " + videoId + " returned no subtitle");
    }
    return new GcoreSubtitle(node.path("id").asLong(), node.path("name").asText(name),
        node.path("language").asText(body.get("language").toString()));
  }

  /**
   * Attaches {@code track} rendered as WebVTT with the registered codec (needs {@code captions-webvtt}); the language
   * is the track's.
   *
   * @param videoId Gcore's video id
   * @param name the track's name as shown in the player
   * @param track the track to attach
   * @return the created subtitle track
   */
  public GcoreSubtitle addSubtitles(long videoId, String name, CaptionTrack track) {
    String vtt = CaptionCodecs.forFormat(CaptionFormat.WEBVTT).writeToString(track);
    return addSubtitles(videoId, name, track.language(), vtt);
  }

  /**
   * Creates a video that Gcore copies from {@code originUrl}: {@code POST /streaming/videos}. Gcore's docs post a flat
   * body while its generated SDK wraps it in {@code {"video": {...}}}; this sends the SDK's (OpenAPI) form, and reads the
   * response as one video, a list of videos (as the SDK types it) or {@code {"video": {...}}}.
   *
   * @param autoTranscribe {@code "auto"} (detect), a BCP-47 language, or null/{@code "disable"}
   * @param autoTranslate BCP-47 languages to translate into (requires {@code autoTranscribe}); may be empty; the single
   *     value {@code "default"} means Gcore's default set (eng, fre, ger)
   * @param name the video's name
   * @param originUrl the URL Gcore copies the video from
   * @return the created video
   */
  public GcoreVideo create(String name, String originUrl, String autoTranscribe, List<String> autoTranslate) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(originUrl, "originUrl == null");
    Objects.requireNonNull(autoTranslate, "autoTranslate == null");
    Map<String, Object> video = new LinkedHashMap<>();
    video.put("name", name);
    video.put("origin_url", originUrl);
    boolean transcribe = autoTranscribe != null && !autoTranscribe.equalsIgnoreCase("disable");
    if (!autoTranslate.isEmpty() && !transcribe) {
      throw new IllegalArgumentException("auto-translation works only together with auto-transcription; pass "
          + "autoTranscribe \"auto\" or the spoken language");
    }
    if (transcribe) {
      video.put("auto_transcribe_audio_language",
          autoTranscribe.equalsIgnoreCase("auto") ? "auto" : GcoreLanguages.toGcore(autoTranscribe));
    }
    if (!autoTranslate.isEmpty()) {
      List<String> codes = new ArrayList<>();
      for (String l : autoTranslate) codes.add(l.equalsIgnoreCase("default") ? "default" : GcoreLanguages.toGcore(l));
      video.put("auto_translate_subtitles_language", String.join(",", codes));
    }
    JsonNode node = http.json().send(http.request("streaming", "videos").post(http.json().json(Map.of("video", video)))
        .build());
    return parseVideo(node, "creating video " + name);
  }

  /**
   * The subtitle tracks attached to a video, with their WebVTT: {@code GET /streaming/videos/{id}/subtitles}.
   *
   * @param videoId the Gcore video id
   * @return the tracks, in the order Gcore lists them; empty when there are none
   * @throws ProviderException with status 404 when the video does not exist
   */
  public List<GcoreSubtitle> subtitles(long videoId) {
    JsonNode node = send(http.request("streaming", "videos", Long.toString(videoId), "subtitles").get().build(),
        videoId, false);
    JsonNode list = node != null && node.isObject() && node.has("results") ? node.get("results") : node;
    List<GcoreSubtitle> out = new ArrayList<>();
    if (list != null && list.isArray()) {
      for (JsonNode n : list) {
        out.add(new GcoreSubtitle(n.path("id").asLong(), textOrNull(n, "name"), textOrNull(n, "language"),
            textOrNull(n, "vtt")));
      }
    }
    return out;
  }

  /**
   * Waits until Gcore has attached at least {@code count} subtitle tracks to the video (what auto-transcription and
   * auto-translation generate, one per language), polling {@link #subtitles(long)}, and returns them.
   *
   * @param videoId the Gcore video id
   * @param count how many tracks to wait for, {@code >= 1}
   * @param timeout the longest wait; null for the default (one hour)
   * @return every track attached at the end of the wait (at least {@code count})
   * @throws dev.captions.ProviderTimeoutException when fewer tracks are there at the end of the wait
   * @throws java.util.concurrent.CancellationException when interrupted
   */
  public List<GcoreSubtitle> awaitSubtitles(long videoId, int count, Duration timeout) {
    if (count < 1) throw new IllegalArgumentException("count (" + count + ") must be >= 1");
    JobPoller p = timeout == null ? poller : poller.toBuilder().timeout(timeout).build();
    return p.poll("video " + videoId + " subtitles", () -> {
      List<GcoreSubtitle> now = subtitles(videoId);
      return now.size() >= count ? JobStatus.succeeded("ready", now)
          : JobStatus.running("waiting", now.size() / (double) count);
    });
  }

  /** Sends a request about one video, saying what a 404 (and, for a subtitle upload, a 422) means. */
  private JsonNode send(okhttp3.Request request, long videoId, boolean subtitleUpload) {
    try {
      return http.json().send(request);
    } catch (ProviderException e) {
      String meaning;
      if (e.httpStatus() == 404) {
        meaning = "video " + videoId + " does not exist in this Gcore account; check the id (GET /streaming/videos "
            + "lists the account's videos) and that the API key belongs to the video's account";
      } else if (e.httpStatus() == 422 && subtitleUpload) {
        meaning = "Gcore refused the subtitles for video " + videoId + "; it answers 422 when AI is disabled on the "
            + "account (enable AI ASR/subtitles in the Gcore Video Streaming settings or ask Gcore support)";
      } else {
        throw e;
      }
      throw new ProviderException(GcoreHttp.PROVIDER, meaning + ". Gcore said: " + ownWords(e), e.httpStatus(),
          e.requestId(), false, e);
    }
  }

  /** The mapped message without the "gcore: " prefix and the "(HTTP …)" suffix that the new exception adds again. */
  private static String ownWords(ProviderException e) {
    String m = e.getMessage();
    String prefix = GcoreHttp.PROVIDER + ": ";
    if (m.startsWith(prefix)) m = m.substring(prefix.length());
    int status = m.lastIndexOf(" (HTTP ");
    return status > 0 ? m.substring(0, status) : m;
  }

  static GcoreVideo parseVideo(JsonNode node, String what) {
    JsonNode v = node;
    if (v != null && v.isArray()) v = v.size() > 0 ? v.get(0) : null;
    if (v != null && v.has("video") && v.get("video").isObject()) v = v.get("video");
    if (v == null || !v.isObject() || !v.has("id")) {
      throw new ProviderException(GcoreHttp.PROVIDER, what + " returned no video object");
    }
    List<GcoreVideo.Rendition> renditions = new ArrayList<>();
    for (JsonNode r : v.path("converted_videos")) {
      renditions.add(new GcoreVideo.Rendition(r.path("name").asText(null), r.path("width").asInt(),
          r.path("height").asInt(), textOrNull(r, "mp4_url")));
    }
    return new GcoreVideo(v.path("id").asLong(), v.path("name").asText(null), v.path("status").asText(null),
        textOrNull(v, "mp4_url"), renditions);
  }

  private static String textOrNull(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  @Override
  public String toString() {
    return "GcoreVideos{" + http + '}';
  }

  /**
   * Builds a {@link GcoreVideos}: API key, base URL, client and retry policy as every HTTP provider has them
   * ({@link HttpProviderBuilder}). Not thread-safe.
   */
  public static final class Builder extends HttpProviderBuilder<Builder> {
    private Builder() {
      super(GcoreHttp.ENDPOINT);
    }

    /**
     * @throws dev.captions.ConfigurationException when no API key was set or the base URL is malformed
     *
     * @return the client
     */
    public GcoreVideos build() {
      return new GcoreVideos(new GcoreHttp(jsonHttp(), baseHttpUrl(), requireApiKey()), defaultPoller());
    }
  }
}
