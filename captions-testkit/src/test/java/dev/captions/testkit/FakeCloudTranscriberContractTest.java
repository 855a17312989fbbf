package dev.captions.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.ProviderFactory;
import dev.captions.spi.Transcriber;
import dev.captions.testkit.fake.FakeCloudTranscriberFactory;

/** Runs the transcriber contract against the fake cloud provider, proving the kit works end to end. */
class FakeCloudTranscriberContractTest extends TranscriberContract {
  @Override
  protected ProviderFactory<? extends Transcriber> factory() {
    return new FakeCloudTranscriberFactory();
  }

  @Override
  protected void stubSuccess() {
    wireMock.stubFor(post(urlEqualTo("/v1/transcriptions")).willReturn(okJson("{\"id\":\"t1\",\"status\":\"queued\"}")));
    wireMock.stubFor(get(urlEqualTo("/v1/transcriptions/t1")).willReturn(okJson(
        "{\"id\":\"t1\",\"status\":\"completed\",\"language\":\"en\",\"words\":["
            + "{\"text\":\"Hello\",\"start\":0.0,\"end\":0.42},{\"text\":\"world\",\"start\":0.5,\"end\":0.9}]}")));
  }

  @Override
  protected void verifySuccess(Transcript result) {
    assertThat(result.words()).containsExactly(TimedWord.of("Hello", 0, 420), TimedWord.of("world", 500, 900));
    assertThat(result.language()).isEqualTo("en");
  }
}
