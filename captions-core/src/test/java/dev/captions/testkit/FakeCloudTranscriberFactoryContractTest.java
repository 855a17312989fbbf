package dev.captions.testkit;

import dev.captions.spi.ProviderFactory;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import dev.captions.testkit.fake.FakeCloudTranscriberFactory;

class FakeCloudTranscriberFactoryContractTest extends ProviderFactoryContract<Transcriber> {
  @Override
  protected ProviderFactory<Transcriber> factory() {
    return new FakeCloudTranscriberFactory();
  }

  @Override
  protected Class<?> serviceInterface() {
    return TranscriberFactory.class;
  }

  @Override
  protected String apiKeyEnvVar() {
    return "FAKECLOUD_API_KEY";
  }
}
