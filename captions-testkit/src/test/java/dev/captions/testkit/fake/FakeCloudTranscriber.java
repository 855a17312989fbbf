package dev.captions.testkit.fake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.ConfigurationException;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Secret;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.http.JobPoller;
import dev.captions.http.JobStatus;
import dev.captions.http.JsonHttp;
import dev.captions.http.RetryPolicy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** See {@link FakeCloudTranscriberFactory}. Wire format: POST /v1/transcriptions, GET/DELETE /v1/transcriptions/{id}. */
final class FakeCloudTranscriber implements Transcriber {
  private static final Map<String, JobStatus.State> STATES = Map.of(
      "queued", JobStatus.State.PENDING, "processing", JobStatus.State.RUNNING,
      "completed", JobStatus.State.SUCCEEDED, "error", JobStatus.State.FAILED, "canceled", JobStatus.State.CANCELLED);

  private final Secret apiKey;
  private final HttpUrl baseUrl;
  private final JsonHttp http;
  private final JobPoller.Builder poller;

  FakeCloudTranscriber(ProviderConfig config, Secret apiKey, String baseUrl) {
    this.apiKey = apiKey;
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) throw new ConfigurationException(FakeCloudTranscriberFactory.NAME + " base URL is not an http(s) URL: " + baseUrl);
    this.baseUrl = url;
    this.http = JsonHttp.fromConfig(config).build();
    this.poller = JobPoller.fromConfig(config).stage(dev.captions.PipelineStage.TRANSCRIBE);
  }

  @Override
  public String name() {
    return FakeCloudTranscriberFactory.NAME;
  }

  @Override
  public Set<MediaSource.Kind> acceptedSources() {
    return EnumSet.of(MediaSource.Kind.URL);
  }

  private Request.Builder request(String path) {
    return new Request.Builder().url(baseUrl.resolve(path)).header("Authorization", "Bearer " + apiKey.reveal());
  }

  @Override
  public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
    options.checkSpeakersSupported(this);
    if (!audio.isUrl()) throw new IllegalArgumentException("fakecloud takes URLs only");
    Map<String, Object> body = options.language().isPresent()
        ? Map.of("media_url", audio.uri().toString(), "language", options.language().get())
        : Map.of("media_url", audio.uri().toString());
    JsonNode created = http.send(request("/v1/transcriptions")
        .header(RetryPolicy.IDEMPOTENCY_KEY, UUID.randomUUID().toString()).post(http.json(body)).build());
    String id = created.path("id").asText();
    return poller.build().poll(id, () -> status(id),
        () -> http.send(request("/v1/transcriptions/" + id).delete().build()), options.progress());
  }

  private JobStatus<Transcript> status(String id) {
    JsonNode n = http.send(request("/v1/transcriptions/" + id).get().build());
    String raw = n.path("status").asText(null);
    Transcript result = null;
    if (JobStatus.State.classify(raw, STATES) == JobStatus.State.SUCCEEDED) {
      List<TimedWord> words = new ArrayList<>();
      for (JsonNode w : n.path("words")) {
        words.add(TimedWord.of(w.path("text").asText(), Math.round(w.path("start").asDouble() * 1000),
            Math.round(w.path("end").asDouble() * 1000)));
      }
      result = Transcript.builder().words(words).language(n.path("language").asText("en")).build();
    }
    return JobStatus.of(raw, STATES, n.path("progress").asDouble(Double.NaN), result, n.path("error").asText(null));
  }

  @Override
  public String toString() {
    return "FakeCloudTranscriber{baseUrl=" + baseUrl + '}';
  }
}
