package dev.captions.testkit;

import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import dev.captions.testkit.fake.FakeCloudTranscriberFactory;

class FakeCloudTranscriberFactoryContractTest extends ProviderFactoryContract<Transcriber> {
  FakeCloudTranscriberFactoryContractTest() {
    super(FakeCloudTranscriberFactory::new, TranscriberFactory.class, "FAKECLOUD_API_KEY");
  }
}
