package dev.captions.media.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.captions.ConfigurationException;

import dev.captions.spi.MediaProcessorFactory;
import dev.captions.spi.ProviderConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegMediaProcessorFactoryTest {
  @Test
  void registeredAsEmbedded() {
    MediaProcessorFactory f = ServiceLoader.load(MediaProcessorFactory.class).stream().map(ServiceLoader.Provider::get)
        .filter(x -> x.name().equals("ffmpeg")).findFirst().orElseThrow();
    assertThat(f.isEmbedded()).isTrue();
    assertThat(f.isConfigured(ProviderConfig.fromEnvironment("ffmpeg"))).isTrue();
    assertThat(f.create(ProviderConfig.fromEnvironment("ffmpeg")).name()).isEqualTo("ffmpeg");
  }

  @Test
  void pathComesFromEnvironmentOrSystemProperty() {
    ProviderConfig env = ProviderConfig.builder("ffmpeg").systemProperties(k -> null)
        .environment(Map.of("FFMPEG_PATH", "/opt/ff/bin/ffmpeg")::get).build();
    assertThat(FfmpegMediaProcessor.fromConfig(env).toString()).contains(Path.of("/opt/ff/bin/ffmpeg").toString());
    ProviderConfig prop = ProviderConfig.builder("ffmpeg").environment(k -> null)
        .systemProperties(Map.of("captions.ffmpeg.path", "/usr/local/bin/ffmpeg")::get).build();
    assertThat(FfmpegMediaProcessor.fromConfig(prop).toString()).contains("/usr/local/bin/ffmpeg");
  }

  @Test
  void checkReadyFindsTheBinaryWithoutRunningItAndNamesTheFixWhenItIsMissing(@TempDir Path dir) {
    FfmpegMediaProcessor bundled = FfmpegMediaProcessor.builder().cacheDirectory(dir).environment(k -> null).build();
    bundled.checkReady(); // the jave-nativebin jar of this platform is on the test class path
    assertThat(bundled.ffmpegPath()).startsWith(dir).isExecutable();

    FfmpegMediaProcessor missing = FfmpegMediaProcessor.builder().ffmpegPath(dir.resolve("no-ffmpeg")).build();
    assertThatThrownBy(missing::checkReady).isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(dir.resolve("no-ffmpeg").toString()).hasMessageContaining("FFMPEG_PATH");
  }
}
