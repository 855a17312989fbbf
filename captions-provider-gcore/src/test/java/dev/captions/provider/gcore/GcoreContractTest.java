package dev.captions.provider.gcore;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.gcore.GcoreTranscriberTest.TASK;
import static dev.captions.provider.gcore.GcoreTranscriberTest.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.Segment;
import dev.captions.model.Transcript;
import dev.captions.spi.ProviderFactory;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import dev.captions.testkit.ProviderFactoryContract;
import dev.captions.testkit.TranscriberContract;
import org.junit.jupiter.api.Nested;

/** The shared provider contract kit (captions-core test-jar) run against the Gcore transcriber and its factory. */
class GcoreContractTest {
  @Nested
  class TranscriberKit extends TranscriberContract {
    @Override
    protected ProviderFactory<? extends Transcriber> factory() {
      return new GcoreTranscriberFactory();
    }

    /** Gcore documents no error body; its API answers like this in practice, and only the status is relied on. */
    @Override
    protected String errorBody(int status, String message) {
      return "{\"error\":\"" + message + "\"}";
    }

    @Override
    protected void stubSuccess() {
      wireMock.stubFor(post("/streaming/ai/tasks").willReturn(okJson(body("task-created.json"))));
      wireMock.stubFor(get("/streaming/ai/tasks/" + TASK).willReturn(okJson(body("task-success.json"))));
    }

    @Override
    protected void verifySuccess(Transcript result) {
      assertThat(result.language()).isEqualTo("en");
      assertThat(result.segments()).extracting(Segment::text)
          .containsExactly("Hello, Mr. Snail.", "Oh, you cute little corny wasp-assum.", "Did it, kid.");
      wireMock.verify(postRequestedFor(urlEqualTo("/streaming/ai/tasks"))
          .withHeader("Authorization", equalTo("APIKey " + API_KEY)));
    }
  }

  @Nested
  class TranscriberFactoryKit extends ProviderFactoryContract<Transcriber> {
    TranscriberFactoryKit() {
      super(GcoreTranscriberFactory::new, TranscriberFactory.class, "GCORE_API_KEY");
    }
  }
}
