package dev.captions.media.ittybit;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.media.ittybit.IttybitMediaProcessorTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.MediaRef;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.MediaProcessorFactory;
import dev.captions.spi.ProviderFactory;
import dev.captions.testkit.MediaProcessorContract;
import dev.captions.testkit.ProviderFactoryContract;
import org.junit.jupiter.api.Nested;

/** The shared provider contract kit (captions-core test-jar) run against the Ittybit processor and its factory. */
class IttybitContractTest {
  @Nested
  class AudioExtractionKit extends MediaProcessorContract<MediaRef> {
    @Override
    protected ProviderFactory<? extends MediaProcessor> factory() {
      return new IttybitMediaProcessorFactory();
    }

    /** Ittybit's documented error body: {@code {"kind":"<snake_case>","message":"<text>"}}. */
    @Override
    protected String errorBody(int status, String message) {
      return "{\"kind\":\"" + (status == 401 ? "token_invalid" : "invalid_input") + "\",\"message\":\"" + message + "\"}";
    }

    @Override
    protected void stubSuccess() {
      wireMock.stubFor(post("/jobs").willReturn(okJson(body("job-audio-queued.json"))));
      wireMock.stubFor(get("/jobs/job_abc123").willReturn(okJson(body("job-audio-succeeded-string.json"))));
    }

    @Override
    protected MediaRef invoke(MediaProcessor provider) {
      return provider.extractAudio(sampleMedia(), AudioOptions.defaults());
    }

    @Override
    protected void verifyInvariants(MediaRef result) {
      assertThat(result.source().isUrl()).isTrue();
    }

    @Override
    protected void verifySuccess(MediaRef result) {
      assertThat(result.source().uri().toString()).isEqualTo("https://store.ittybit.net/org_1/42.mp3");
      wireMock.verify(postRequestedFor(urlEqualTo("/jobs")).withHeader("Authorization", equalTo("Bearer " + API_KEY))
          .withHeader("Idempotency-Key", matching(".+")));
    }
  }

  @Nested
  class FactoryKit extends ProviderFactoryContract<MediaProcessor> {
    FactoryKit() {
      super(IttybitMediaProcessorFactory::new, MediaProcessorFactory.class, "ITTYBIT_API_KEY");
    }
  }
}
