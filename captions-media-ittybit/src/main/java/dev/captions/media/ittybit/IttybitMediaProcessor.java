package dev.captions.media.ittybit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.PipelineStage;
import dev.captions.InvalidMediaException;
import dev.captions.InvalidMediaException.Reason;
import dev.captions.ProviderException;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.media.ittybit.internal.Job;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Frame;
import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import dev.captions.spi.Async;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.BurnInOptions;
import dev.captions.spi.FrameOptions;
import dev.captions.spi.MediaOperation;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.Secret;
import dev.captions.http.JobPoller;
import dev.captions.http.JobStatus;
import dev.captions.http.JsonHttp;
import dev.captions.http.PollingProviderBuilder;
import dev.captions.http.RetryPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ittybit's {@code /jobs} API as a {@link MediaProcessor}: audio extraction ({@code kind: audio}), frames
 * ({@code kind: image} with {@code start}, one job per timestamp, run in parallel with bounded concurrency) and burn-in
 * ({@code kind: video} with the WebVTT inline in {@code options.subtitles}, or by URL with
 * {@link #burnIn(MediaSource, URI, BurnInOptions)} as {@code subtitle_url} + {@code subtitle_style: "burn_in"}).
 *
 * <ul>
 *   <li><b>Input:</b> http(s) URLs only (Ittybit downloads the media; the {@code /jobs} API has no upload). Outputs are
 *       {@link MediaRef}s holding Ittybit's output URL and the job id.</li>
 *   <li><b>PROBE is not offered:</b> the {@code /jobs} API returns no media metadata on its own.</li>
 *   <li><b>Exactly once:</b> every create carries a fresh {@code Idempotency-Key}, reused by every retry of that
 *       request, so a lost response never starts a second paid job (Ittybit replays the original response for 24 h).</li>
 *   <li><b>Statuses:</b> {@code queued}, {@code processing} keep polling; {@code succeeded} returns; {@code failed}
 *       and {@code cancelled} (also "a sibling task failed") throw {@link ProviderException} with Ittybit's reason;
 *       unknown statuses are logged and waited on until the timeout.</li>
 *   <li><b>Cancellation:</b> an interrupt, the time-out or a failed status check stops polling at once; Ittybit
 *       documents no cancel endpoint for jobs, so a job already started runs to its end at Ittybit.</li>
 *   <li><b>Faults:</b> the create and status reads are retried on 408/429/5xx and I/O failures, also while the body is
 *       read (the create is safe to repeat thanks to its key); a body that is not the documented JSON is retried, then
 *       a typed {@link ProviderException}.</li>
 *   <li><b>Styling:</b> Ittybit takes no caption styling, so {@link BurnInOptions}' font and colours are not sent.</li>
 * </ul>
 * Thread-safe and immutable. Call {@link #close()} to stop the frame worker pool early (it is daemon and idle-timed).
 */
public final class IttybitMediaProcessor implements MediaProcessor, AutoCloseable {
  static final String PROVIDER = "ittybit";
  static final String DEFAULT_BASE_URL = "https://api.ittybit.com";
  static final PollingProviderBuilder.Endpoint ENDPOINT = new PollingProviderBuilder.Endpoint(PROVIDER, "Ittybit",
      DEFAULT_BASE_URL, "ITTYBIT_API_KEY", "ITTYBIT_BASE_URL");
  private static final Logger LOG = LoggerFactory.getLogger(IttybitMediaProcessor.class);
  private static final Map<String, JobStatus.State> STATES = Map.of(
      "queued", JobStatus.State.PENDING, "waiting", JobStatus.State.PENDING, "pending", JobStatus.State.PENDING,
      "processing", JobStatus.State.RUNNING, "succeeded", JobStatus.State.SUCCEEDED,
      "completed", JobStatus.State.SUCCEEDED, "failed", JobStatus.State.FAILED, "cancelled", JobStatus.State.CANCELLED,
      "canceled", JobStatus.State.CANCELLED);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final JsonHttp http;
  private final HttpUrl baseUrl;
  private final Secret apiKey;
  private final JobPoller poller;
  private final int maxConcurrentJobs;
  private final ExecutorService frameWorkers;

  private IttybitMediaProcessor(JsonHttp http, HttpUrl baseUrl, Secret apiKey, JobPoller poller,
      int maxConcurrentJobs) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.poller = poller;
    this.maxConcurrentJobs = maxConcurrentJobs;
    java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(maxConcurrentJobs,
        maxConcurrentJobs, 30, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "captions-ittybit-" + THREADS.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    this.frameWorkers = pool;
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
    return PROVIDER;
  }

  @Override
  public Set<MediaSource.Kind> acceptedSources() {
    return EnumSet.of(MediaSource.Kind.URL);
  }

  /** Ittybit's audio job leaves its output at Ittybit: the transcriber gets a URL. */
  @Override
  public Set<MediaSource.Kind> audioOutputKinds() {
    return EnumSet.of(MediaSource.Kind.URL);
  }

  @Override
  public Set<MediaOperation> operations() {
    return EnumSet.of(MediaOperation.EXTRACT_AUDIO, MediaOperation.EXTRACT_FRAMES, MediaOperation.BURN_IN);
  }

  /** {@return how many frame jobs run at once} */
  public int maxConcurrentJobs() {
    return maxConcurrentJobs;
  }

  /**
   * {@code kind: audio}. {@link AudioOptions.Format#WAV_16K_MONO} asks for {@code wav}; Ittybit documents no sample
   * rate or channel option, so resample locally if a recogniser insists on 16 kHz mono. The result carries the
   * media's length ({@link MediaRef#durationMs()}) when a task output reports {@code duration}, so that a pipeline
   * without a probe still knows where the media ends.
   */
  @Override
  public MediaRef extractAudio(MediaSource media, AudioOptions options) {
    Objects.requireNonNull(options, "options == null");
    String format;
    switch (options.format()) {
      case MP3:
        format = "mp3";
        break;
      case AAC:
        format = "aac";
        break;
      default:
        format = "wav";
    }
    return runJob(media, "audio", Map.of("format", format), options.progress());
  }

  @Override
  public List<Frame> extractFrames(MediaSource video, FrameOptions options) {
    Objects.requireNonNull(options, "options == null");
    requireUrl(video);
    List<CompletableFuture<MediaRef>> jobs = new ArrayList<>();
    for (long t : options.timestampsMs()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("start", t / 1000.0);
      o.put("format", options.format() == FrameOptions.Format.PNG ? "png" : "jpeg");
      if (options.width() > 0) o.put("width", options.width());
      jobs.add(Async.supply(() -> runJob(video, "image", o, null), frameWorkers));
    }
    List<Frame> frames = new ArrayList<>(jobs.size());
    try {
      for (int i = 0; i < jobs.size(); i++) {
        MediaRef ref = jobs.get(i).get();
        frames.add(Frame.of(options.timestampsMs().get(i), ref.source()));
        options.progress().onProgress(dev.captions.ProgressEvent.of(PipelineStage.EXTRACT_FRAMES, (i + 1.0) / jobs.size(),
            "frame " + (i + 1) + " of " + jobs.size()));
      }
    } catch (InterruptedException e) {
      jobs.forEach(j -> j.cancel(true));
      throw Async.cancelled(e);
    } catch (ExecutionException e) {
      jobs.forEach(j -> j.cancel(true));
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) throw (RuntimeException) c;
      throw new ProviderException(PROVIDER, "frame extraction failed: " + c, c);
    }
    return frames;
  }

  /** Burn-in with the track inline, as Ittybit's Gemini captions guide does ({@code options.subtitles}). */
  @Override
  public MediaRef burnIn(MediaSource video, CaptionTrack track, BurnInOptions options) {
    Objects.requireNonNull(track, "track == null");
    Objects.requireNonNull(options, "options == null");
    String vtt = CaptionCodecs.forFormat(CaptionFormat.WEBVTT).writeToString(track);
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("format", "mp4");
    o.put("subtitles", vtt);
    return runJob(video, "video", o, options.progress());
  }

  /**
   * Burn-in with a subtitle file Ittybit can download, as its "add subtitles to video" guide does
   * ({@code subtitle_url} + {@code subtitle_style: "burn_in"}); for tracks too large to send inline.
   *
   * @param video the video's URL source
   * @param subtitlesUrl a URL of a subtitle file Ittybit can download
   * @param options the style and progress listener
   * @return the captioned video at Ittybit
   */
  public MediaRef burnIn(MediaSource video, URI subtitlesUrl, BurnInOptions options) {
    Objects.requireNonNull(subtitlesUrl, "subtitlesUrl == null");
    Objects.requireNonNull(options, "options == null");
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("format", "mp4");
    o.put("subtitle_url", subtitlesUrl.toString());
    o.put("subtitle_style", "burn_in");
    return runJob(video, "video", o, options.progress());
  }

  private MediaRef runJob(MediaSource input, String kind, Map<String, Object> options,
      dev.captions.ProgressListener progress) {
    requireUrl(input);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("input", input.uri().toString());
    body.put("kind", kind);
    body.put("options", options);
    // One key per logical job: the RetryPolicy re-sends this very Request, so every retry carries the same key.
    Request create = request("jobs").header(RetryPolicy.IDEMPOTENCY_KEY, UUID.randomUUID().toString())
        .post(http.json(body)).build();
    Job job = Job.of(http.sendForBody(create, JsonNode.class));
    String id = job.id();
    if (id == null || id.isBlank()) throw new ProviderException(PROVIDER, "creating a " + kind + " job returned no id");
    LOG.info("ittybit: {} job {} created for {}", kind, id, input);
    // No cancel hook: Ittybit documents no way to cancel a job.
    return poller.poll(id, () -> check(id), null, progress);
  }

  /** The job's status; when it succeeded, its output URL and, when a task output says, its duration. */
  private JobStatus<MediaRef> check(String id) {
    Job job = Job.of(http.sendForBody(request("jobs", id).get().build(), JsonNode.class));
    JobStatus.State state = JobStatus.State.classify(job.status(), STATES);
    if (state == JobStatus.State.SUCCEEDED) {
      String url = job.outputUrl().orElseThrow(() -> new ProviderException(PROVIDER, "job " + id
          + " succeeded but names no output (no output, output.url, output_url or task output)", 0, id, false, null));
      MediaRef ref = MediaRef.of(MediaSource.ofUrl(url), PROVIDER, id);
      if (job.durationMs().isPresent()) ref = ref.withDurationMs(job.durationMs().getAsLong());
      return JobStatus.succeeded(job.status(), ref);
    }
    return JobStatus.of(job.status(), STATES, Double.NaN, null, job.error().orElse(null));
  }

  private Request.Builder request(String... segments) {
    HttpUrl.Builder url = baseUrl.newBuilder();
    for (String s : segments) url.addPathSegment(s);
    return new Request.Builder().url(url.build()).header("Authorization", "Bearer " + apiKey.reveal());
  }

  private static void requireUrl(MediaSource media) {
    Objects.requireNonNull(media, "media == null");
    if (!media.isUrl()) {
      throw new InvalidMediaException(Reason.UNSUPPORTED_SOURCE, "Ittybit fetches media itself, so it needs an http(s) URL, but got a "
          + media.kind().name().toLowerCase(java.util.Locale.ROOT) + " (" + media.name() + "). Upload the file "
          + "somewhere Ittybit can read it and pass MediaSource.ofUrl(\"https://…\"), or use the ffmpeg media "
          + "processor for local files.");
    }
  }

  @Override
  public void close() {
    frameWorkers.shutdownNow();
  }

  @Override
  public String toString() {
    return "IttybitMediaProcessor{" + baseUrl + ", maxConcurrentJobs=" + maxConcurrentJobs + '}';
  }

  /**
   * Builds an {@link IttybitMediaProcessor}: API key ({@code ittybit_live_…}), base URL, client, retry policy, polling
   * and time-out as every polling provider has them ({@link PollingProviderBuilder}; default polling 1 s → 10 s,
   * time-out 30 min per job), plus {@link #maxConcurrentJobs}. Not thread-safe.
   */
  public static final class Builder extends PollingProviderBuilder<Builder> {
    private int maxConcurrentJobs = 4;

    private Builder() {
      super(ENDPOINT, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(30));
    }

    /**
     * Frame jobs in flight at once. Default 4 (no documented rate limit; 429s are retried with Retry-After).
     *
     * @param n at least 1
     * @return this builder
     */
    public Builder maxConcurrentJobs(int n) {
      if (n < 1) throw new IllegalArgumentException("maxConcurrentJobs must be >= 1, but is " + n);
      this.maxConcurrentJobs = n;
      return this;
    }

    /**
     * @throws dev.captions.ConfigurationException when no API key was set or the base URL is malformed
     *
     * @return the processor
     */
    public IttybitMediaProcessor build() {
      return new IttybitMediaProcessor(jsonHttp(), baseHttpUrl(), requireApiKey(), poller(PipelineStage.EXTRACT_AUDIO), maxConcurrentJobs);
    }
  }
}
