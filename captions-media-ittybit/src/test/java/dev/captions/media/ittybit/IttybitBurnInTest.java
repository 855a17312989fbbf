package dev.captions.media.ittybit;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.captions.media.ittybit.IttybitMediaProcessorTest.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import dev.captions.model.TrackKind;
import dev.captions.spi.BurnInOptions;
import dev.captions.webvtt.WebVttCodec;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Burn-in as Ittybit's guides show it, with the track rendered by the real WebVTT codec from captions-webvtt. */
class IttybitBurnInTest {
  static final String VIDEO = "https://cdn.example.com/v/42.mp4";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  final ObjectMapper json = new ObjectMapper();

  IttybitMediaProcessor processor() {
    return IttybitMediaProcessor.builder().apiKey("ittybit_live_burnin").baseUrl(wm.baseUrl())
        .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20)).timeout(Duration.ofSeconds(10)).build();
  }

  void stubVideoJob() {
    wm.stubFor(post("/jobs").willReturn(okJson("{\"id\":\"job_url1\",\"object\":\"job\",\"kind\":\"video\","
        + "\"status\":\"queued\"}")));
    wm.stubFor(get("/jobs/job_url1").willReturn(okJson(body("job-succeeded-output-url.json"))));
  }

  @Test
  void inlineSubtitlesAreTheRealCodecsWebVttAndReadBackToTheSameCues() throws Exception {
    stubVideoJob();
    CaptionTrack track = CaptionTrack.of("en", TrackKind.CAPTIONS, List.of(
        Cue.of(0, 1_500, "Hello and welcome."),
        Cue.of(1_600, 4_000, "Today: captions\nthat <b>fit</b> & read well."),
        Cue.of(3_600_000, 3_601_250, "An hour in — still in sync.")));
    MediaRef ref = processor().burnIn(MediaSource.ofUrl(VIDEO), track, BurnInOptions.defaults());
    assertThat(ref.source().uri().toString()).isEqualTo("https://store.ittybit.net/org_1/42-captioned.mp4");
    assertThat(ref.id()).hasValue("job_url1");

    CaptionCodec webvtt = CaptionCodecs.forFormat(CaptionFormat.WEBVTT);
    assertThat(webvtt).isInstanceOf(WebVttCodec.class);
    List<LoggedRequest> creates = wm.findAll(postRequestedFor(urlEqualTo("/jobs")));
    assertThat(creates).hasSize(1);
    JsonNode body = json.readTree(creates.get(0).getBodyAsString());
    assertThat(body.get("kind").asText()).isEqualTo("video");
    assertThat(body.get("input").asText()).isEqualTo(VIDEO);
    assertThat(body.at("/options/format").asText()).isEqualTo("mp4");
    String vtt = body.at("/options/subtitles").asText();
    assertThat(vtt).isEqualTo(webvtt.writeToString(track)).startsWith("WEBVTT");
    assertThat(webvtt.validate(new StringReader(vtt))).noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    assertThat(webvtt.read(new StringReader(vtt)).track().cues()).extracting(Cue::startMs, Cue::endMs, Cue::text)
        .containsExactly(tuple(0L, 1_500L, "Hello and welcome."),
            tuple(1_600L, 4_000L, "Today: captions\nthat <b>fit</b> & read well."),
            tuple(3_600_000L, 3_601_250L, "An hour in — still in sync."));
  }

  @Test
  void subtitlesByUrlAreSentAsSubtitleUrlWithBurnInStyle() {
    stubVideoJob();
    processor().burnIn(MediaSource.ofUrl(VIDEO), URI.create("https://cdn.example.com/v/42.en.vtt"),
        BurnInOptions.defaults());
    wm.verify(postRequestedFor(urlEqualTo("/jobs")).withRequestBody(equalToJson("{\"input\":\"" + VIDEO
        + "\",\"kind\":\"video\",\"options\":{\"format\":\"mp4\",\"subtitle_url\":\"https://cdn.example.com/v/42.en.vtt\","
        + "\"subtitle_style\":\"burn_in\"}}")));
  }
}
