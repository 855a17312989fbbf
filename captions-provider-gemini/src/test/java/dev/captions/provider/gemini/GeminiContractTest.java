package dev.captions.provider.gemini;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.captions.provider.gemini.GeminiStubs.GENERATE;
import static dev.captions.provider.gemini.GeminiStubs.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Segment;
import dev.captions.model.Transcript;
import dev.captions.model.VideoSummary;
import dev.captions.spi.ProviderFactory;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummarizerFactory;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import dev.captions.spi.Translator;
import dev.captions.spi.TranslatorFactory;
import dev.captions.testkit.ProviderFactoryContract;
import dev.captions.testkit.SummarizerContract;
import dev.captions.testkit.TranscriberContract;
import dev.captions.testkit.TranslatorContract;
import org.junit.jupiter.api.Nested;

/** The shared provider contract kit (captions-core test-jar) run against the three Gemini providers. */
class GeminiContractTest {
  @Nested
  class TranscriberKit extends TranscriberContract {
    @Override
    protected ProviderFactory<? extends Transcriber> factory() {
      return new GeminiFactories.TranscriberFactoryImpl();
    }

    @Override
    protected String errorBody(int status, String message) {
      return "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"status\":\"X\"}}";
    }

    @Override
    protected void stubSuccess() {
      wireMock.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply(
          "{\"cues\":[{\"start\":\"00:00:00.000\",\"end\":\"00:00:00.900\",\"text\":\"Hello world\"}]}", "STOP")));
    }

    @Override
    protected void verifySuccess(Transcript result) {
      assertThat(result.segments()).containsExactly(Segment.of(0, 900, "Hello world"));
    }
  }

  @Nested
  class TranslatorKit extends TranslatorContract {
    @Override
    protected ProviderFactory<? extends Translator> factory() {
      return new GeminiFactories.TranslatorFactoryImpl();
    }

    @Override
    protected void stubSuccess() {
      wireMock.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply("{\"cues\":[{\"id\":\"1\",\"text\":\"Hola y bienvenidos.\"},"
          + "{\"id\":\"2\",\"text\":\"Hoy hablamos de subtítulos.\"},{\"id\":\"3\",\"text\":\"Empecemos.\"}]}", "STOP")));
    }

    @Override
    protected void verifySuccess(CaptionTrack result) {
      assertThat(result.cues().get(2).text()).isEqualTo("Empecemos.");
    }
  }

  @Nested
  class SummarizerKit extends SummarizerContract {
    @Override
    protected ProviderFactory<? extends Summarizer> factory() {
      return new GeminiFactories.SummarizerFactoryImpl();
    }

    @Override
    protected void stubSuccess() {
      wireMock.stubFor(post(urlEqualTo(GENERATE)).willReturn(reply("{\"title\":\"Captions 101\",\"summary\":\"Why and how.\","
          + "\"chapters\":[{\"start\":\"00:00:00\",\"title\":\"Why\",\"description\":\"\"},"
          + "{\"start\":\"00:00:30\",\"title\":\"How\",\"description\":\"\"}]}", "STOP")));
    }

    @Override
    protected void verifySuccess(VideoSummary result) {
      assertThat(result.chapters()).hasSize(2);
    }
  }

  @Nested
  class TranscriberFactoryKit extends ProviderFactoryContract<Transcriber> {
    TranscriberFactoryKit() {
      super(GeminiFactories.TranscriberFactoryImpl::new, TranscriberFactory.class, "GEMINI_API_KEY");
    }
  }

  @Nested
  class TranslatorFactoryKit extends ProviderFactoryContract<Translator> {
    TranslatorFactoryKit() {
      super(GeminiFactories.TranslatorFactoryImpl::new, TranslatorFactory.class, "GEMINI_API_KEY");
    }
  }

  @Nested
  class SummarizerFactoryKit extends ProviderFactoryContract<Summarizer> {
    SummarizerFactoryKit() {
      super(GeminiFactories.SummarizerFactoryImpl::new, SummarizerFactory.class, "GEMINI_API_KEY");
    }
  }
}
