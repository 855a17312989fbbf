package dev.captions.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.gemini.GeminiStubs.GENERATE;
import static dev.captions.provider.gemini.GeminiStubs.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.captions.model.MediaSource;
import dev.captions.model.Segment;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Speaker labels under Gemini's response schema, against a WireMock stand-in of generateContent. */
class GeminiSpeakersTest {
  @TempDir Path dir;
  WireMockServer wm;

  @BeforeEach
  void start() {
    wm = GeminiStubs.server();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private Transcript transcribe(TranscriptionOptions options) {
    return new GeminiTranscriber(GeminiStubs.settings(wm).build())
        .transcribe(MediaSource.of(GeminiStubs.wav(dir, 200)), options);
  }

  @Test
  void speakersAreInTheSchemaAndTheInstructionsAndComeBackOnTheSegments() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply(
        "{\"cues\":[{\"start\":\"00:00:00.000\",\"end\":\"00:00:01.500\",\"speaker\":\"A\",\"text\":\"Ready?\"},"
            + "{\"start\":\"00:00:01.600\",\"end\":\"00:00:02.400\",\"speaker\":\"B\",\"text\":\"Yes.\"},"
            + "{\"start\":\"00:00:02.500\",\"end\":\"00:00:03.000\",\"speaker\":\"\",\"text\":\"Go!\"}]}", "STOP")));

    Transcript t = transcribe(TranscriptionOptions.builder().language("en").expectedSpeakers(2).build());

    assertThat(new GeminiTranscriber(GeminiStubs.settings(wm).build()).supportsSpeakers()).isTrue();
    assertThat(t.segments()).extracting(Segment::speaker, Segment::text).containsExactly(
        org.assertj.core.groups.Tuple.tuple("A", "Ready?"), org.assertj.core.groups.Tuple.tuple("B", "Yes."),
        org.assertj.core.groups.Tuple.tuple(null, "Go!"));
    wm.verify(1, postRequestedFor(urlEqualTo(GENERATE))
        .withRequestBody(containing("\"responseSchema\""))
        .withRequestBody(containing("\"speaker\":{\"type\":\"STRING\"}"))
        .withRequestBody(containing("Tell the speakers apart"))
        .withRequestBody(containing("There are 2 speakers.")));
  }

  @Test
  void withoutSpeakersTheSchemaHasNoSpeakerField() {
    wm.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply(
        "{\"cues\":[{\"start\":\"00:00:00.000\",\"end\":\"00:00:01.500\",\"text\":\"Ready?\"}]}", "STOP")));
    Transcript t = transcribe(TranscriptionOptions.defaults());
    assertThat(t.speakers()).isEmpty();
    wm.verify(postRequestedFor(urlEqualTo(GENERATE)).withRequestBody(notContaining("speaker")));
  }
}
