package dev.captions.provider.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.captions.provider.openai.OpenAiStubs.chat;
import static dev.captions.provider.openai.OpenAiStubs.json;
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

/** The shared provider contract kit (captions-core test-jar) run against the three OpenAI providers. */
class OpenAiContractTest {
  @Nested
  class TranscriberKit extends TranscriberContract {
    @Override
    protected ProviderFactory<? extends Transcriber> factory() {
      return new OpenAiFactories.TranscriberFactoryImpl();
    }

    @Override
    protected String errorBody(int status, String message) {
      return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}";
    }

    @Override
    protected void stubSuccess() {
      wireMock.stubFor(post(urlPathMatching(".*/audio/transcriptions")).willReturn(json(OpenAiStubs.verbose(1.0,
          new Object[][] {{0.0, 0.9, " Hello world"}}, new Object[][] {{"Hello", 0.0, 0.42}, {"world", 0.5, 0.9}}))));
    }

    @Override
    protected void verifySuccess(Transcript result) {
      assertThat(result.segments()).extracting(Segment::text).containsExactly("Hello world");
      assertThat(result.words()).hasSize(2);
    }
  }

  @Nested
  class TranslatorKit extends TranslatorContract {
    @Override
    protected ProviderFactory<? extends Translator> factory() {
      return new OpenAiFactories.TranslatorFactoryImpl();
    }

    @Override
    protected String errorBody(int status, String message) {
      return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}";
    }

    @Override
    protected void stubSuccess() {
      wireMock.stubFor(post(urlPathMatching(".*/chat/completions")).willReturn(json(chat("{\"cues\":[{\"id\":\"1\",\"text\":\"Hola y bienvenidos.\"},"
          + "{\"id\":\"2\",\"text\":\"Hoy hablamos de subtítulos.\"},{\"id\":\"3\",\"text\":\"Empecemos.\"}]}", "stop"))));
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
      return new OpenAiFactories.SummarizerFactoryImpl();
    }

    @Override
    protected void stubSuccess() {
      wireMock.stubFor(post(urlPathMatching(".*/chat/completions")).willReturn(json(chat("{\"title\":\"Captions 101\",\"summary\":\"Why and how.\","
          + "\"chapters\":[{\"start\":\"00:00:00\",\"title\":\"Why\",\"description\":\"\"},"
          + "{\"start\":\"00:00:30\",\"title\":\"How\",\"description\":\"\"}]}", "stop"))));
    }

    @Override
    protected void verifySuccess(VideoSummary result) {
      assertThat(result.chapters()).hasSize(2);
    }
  }

  @Nested
  class TranscriberFactoryKit extends ProviderFactoryContract<Transcriber> {
    TranscriberFactoryKit() {
      super(OpenAiFactories.TranscriberFactoryImpl::new, TranscriberFactory.class, "OPENAI_API_KEY");
    }
  }

  @Nested
  class TranslatorFactoryKit extends ProviderFactoryContract<Translator> {
    TranslatorFactoryKit() {
      super(OpenAiFactories.TranslatorFactoryImpl::new, TranslatorFactory.class, "OPENAI_API_KEY");
    }
  }

  @Nested
  class SummarizerFactoryKit extends ProviderFactoryContract<Summarizer> {
    SummarizerFactoryKit() {
      super(OpenAiFactories.SummarizerFactoryImpl::new, SummarizerFactory.class, "OPENAI_API_KEY");
    }
  }
}
