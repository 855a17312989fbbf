package dev.captions.media.ittybit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.MediaRef;
import dev.captions.model.MediaSource;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.ProviderConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against the real Ittybit API; runs only with {@code ITTYBIT_API_KEY} set ({@code mvn verify}, failsafe). Starts one
 * (paid) audio job on {@code ITTYBIT_TEST_VIDEO_URL}, by default a public 30-second demo MP4.
 */
@EnabledIfEnvironmentVariable(named = "ITTYBIT_API_KEY", matches = ".+")
class IttybitLiveIT {
  static final String DEFAULT_VIDEO = "https://demo-public.gvideo.io/videos/2675_G8EuYJFTsvIyWmKt/480.mp4";

  @Test
  void extractsAudioToAnOutputUrl() {
    String video = System.getenv().getOrDefault("ITTYBIT_TEST_VIDEO_URL", DEFAULT_VIDEO);
    MediaProcessor ittybit = new IttybitMediaProcessorFactory().create(ProviderConfig.fromEnvironment("ittybit"));
    MediaRef ref = ittybit.extractAudio(MediaSource.ofUrl(video), AudioOptions.of(AudioOptions.Format.MP3));
    assertThat(ref.source().isUrl()).isTrue();
    assertThat(ref.id()).isPresent();
  }
}
