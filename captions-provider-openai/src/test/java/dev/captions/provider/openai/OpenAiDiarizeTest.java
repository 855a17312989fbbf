package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.openai.OpenAiStubs.TRANSCRIPTIONS;
import static dev.captions.provider.openai.OpenAiStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.captions.ProviderException;
import dev.captions.chunking.ChunkedTranscriber;
import dev.captions.model.MediaSource;
import dev.captions.model.Segment;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speakers through gpt-4o-transcribe-diarize against a WireMock stand-in with the documented diarized_json body. */
class OpenAiDiarizeTest {
  @TempDir Path dir;
  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = OpenAiStubs.server();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private OpenAiTranscriber openai() {
    return new OpenAiTranscriber(OpenAiStubs.settings(wm).build());
  }

  @Test
  void speakersAskForTheDiarizeModelAndItsFormatAndTheSegmentsKeepTheirLabels() {
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(json(DiarizedReplyTest.BODY)));
    Path wav = OpenAiStubs.speechLikeWav(dir, "talk.wav", 9_400);

    Transcript t = openai().transcribe(MediaSource.of(wav), TranscriptionOptions.builder().language("en")
        .speakers(true).prompt("Kubernetes, Jib").build());

    assertThat(openai().supportsSpeakers()).isTrue();
    assertThat(t.segments()).extracting(Segment::speaker, Segment::text).containsExactly(
        org.assertj.core.groups.Tuple.tuple("A", "We should go now."),
        org.assertj.core.groups.Tuple.tuple("B", "Not yet."),
        org.assertj.core.groups.Tuple.tuple("A", "Why?"));
    assertThat(t.speakers()).containsExactly("A", "B");
    assertThat(t.mediaDurationMs()).hasValue(9_400L);
    assertThat(t.providerMetadata()).containsEntry("model", "gpt-4o-transcribe-diarize");
    wm.verify(1, postRequestedFor(urlEqualTo(TRANSCRIPTIONS))
        .withRequestBodyPart(aMultipart().withName("model").withBody(equalTo("gpt-4o-transcribe-diarize")).build())
        .withRequestBodyPart(aMultipart().withName("response_format").withBody(equalTo("diarized_json")).build())
        .withRequestBodyPart(aMultipart().withName("chunking_strategy").withBody(equalTo("auto")).build())
        .withRequestBodyPart(aMultipart().withName("language").withBody(equalTo("en")).build()));
    LoggedRequest sent = wm.findAll(postRequestedFor(urlEqualTo(TRANSCRIPTIONS))).get(0);
    assertThat(sent.getParts()).extracting(p -> p.getName())
        .as("the diarize model refuses a prompt: it is dropped (with a warning), not sent")
        .doesNotContain("prompt", "timestamp_granularities[]");
  }

  @Test
  void withoutSpeakersNothingChanges() {
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(json(OpenAiStubs.verbose(1.0,
        new Object[][] {{0.0, 1.0, " Hi."}}, new Object[][] {{"Hi.", 0.0, 0.4}}))));
    Transcript t = openai().transcribe(MediaSource.of(OpenAiStubs.speechLikeWav(dir, "a.wav", 1_000)),
        TranscriptionOptions.defaults());
    assertThat(t.speakers()).isEmpty();
    wm.verify(postRequestedFor(urlEqualTo(TRANSCRIPTIONS))
        .withRequestBodyPart(aMultipart().withName("model").withBody(equalTo("whisper-1")).build()));
  }

  @Test
  void aBrokenDiarizedBodyIsATypedErrorAndIsNotSentAgain() {
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(json(
        DiarizedReplyTest.BODY.substring(0, DiarizedReplyTest.BODY.length() - 40))));
    Path wav = OpenAiStubs.speechLikeWav(dir, "talk.wav", 9_400);

    assertThatThrownBy(() -> openai().transcribe(MediaSource.of(wav), TranscriptionOptions.builder().speakers(true).build()))
        .isInstanceOfSatisfying(ProviderException.class, e -> {
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.provider()).isEqualTo("openai");
          assertThat(e.getMessage()).contains("diarized_json reply could not be read").doesNotContain(OpenAiStubs.KEY);
        });
    wm.verify(1, postRequestedFor(urlEqualTo(TRANSCRIPTIONS)));
  }

  @Test
  void anHtmlPageInsteadOfTheBodyIsATypedError() {
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("<html><body>502 Bad Gateway</body></html>")));
    Path wav = OpenAiStubs.speechLikeWav(dir, "talk.wav", 2_000);
    assertThatThrownBy(() -> openai().transcribe(MediaSource.of(wav), TranscriptionOptions.builder().speakers(true).build()))
        .isInstanceOf(ProviderException.class).hasMessageContaining("could not be read");
    wm.verify(1, postRequestedFor(urlEqualTo(TRANSCRIPTIONS)));
  }

  /**
   * 25 s of audio with diarisation chunks of at most 10 s: three requests (not the many short, concurrent ones of a
   * plain run), and each chunk's "A" kept apart, since diarisation is per request.
   */
  @Test
  void longAudioTakesFewChunksAndKeepsEachChunksLabelsApart() {
    wm.stubFor(post(urlEqualTo(TRANSCRIPTIONS)).willReturn(json("{\"task\":\"transcribe\",\"duration\":9.0,"
        + "\"text\":\"Hello.\",\"segments\":[{\"type\":\"transcript.text.segment\",\"id\":\"seg_0\",\"start\":0.2,"
        + "\"end\":0.9,\"text\":\"Hello.\",\"speaker\":\"A\"}]}")));
    Path wav = OpenAiStubs.speechLikeWav(dir, "long.wav", 25_000);
    OpenAiTranscriber openai = new OpenAiTranscriber(OpenAiStubs.settings(wm).chunkDurationMs(10_000)
        .diarizationChunkMs(10_000).maxConcurrency(8).build());
    TranscriptionOptions speakers = TranscriptionOptions.builder().speakers(true).build();
    assertThat(openai.chunkLimits(speakers).maxDurationMs()).hasValue(10_000L);
    assertThat(openai.chunkLimits(TranscriptionOptions.defaults()).maxDurationMs()).isEmpty();

    Transcript t = ChunkedTranscriber.builder(openai).build().transcribe(MediaSource.of(wav), speakers);

    int requests = wm.getAllServeEvents().size();
    assertThat(requests).isEqualTo(3);
    assertThat(t.speakers()).containsExactly("A (part 1)", "A (part 2)", "A (part 3)");
    assertThat(t.providerMetadata()).containsEntry("speakerLabels", "per chunk");
    assertThat(t.segments()).extracting(Segment::text).containsOnly("Hello.");
  }

  @Test
  void theChunkEngineRefusesSpeakersForATranscriberThatCannot() {
    dev.captions.spi.Transcriber plain = new dev.captions.spi.Transcriber() {
      @Override
      public String name() {
        return "plain";
      }

      @Override
      public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
        return Transcript.empty("en");
      }
    };
    assertThatThrownBy(() -> ChunkedTranscriber.builder(plain).build().transcribe(
        MediaSource.of(OpenAiStubs.speechLikeWav(dir, "x.wav", 1_000)), TranscriptionOptions.builder().speakers(true).build()))
        .isInstanceOf(dev.captions.ConfigurationException.class).hasMessageContaining("'plain' cannot");
    assertThat(List.of(ChunkedTranscriber.builder(openai()).build().supportsSpeakers())).containsExactly(true);
  }
}
