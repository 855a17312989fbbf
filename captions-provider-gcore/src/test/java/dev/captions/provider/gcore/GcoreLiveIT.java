package dev.captions.provider.gcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.captions.model.MediaSource;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.TranscriptionOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against the real Gcore API; runs only with {@code GCORE_API_KEY} set ({@code mvn verify}, failsafe). Transcribes
 * Gcore's own 30-second public demo clip (transcription without translation is free). {@code GCORE_TEST_VIDEO_ID}
 * additionally reads that video from the account; nothing is written to the account.
 */
@EnabledIfEnvironmentVariable(named = "GCORE_API_KEY", matches = ".+")
class GcoreLiveIT {
  /** The clip Gcore's AI ASR API docs use. */
  static final String DEMO_MP4 = "https://demo-public.gvideo.io/videos/2675_G8EuYJFTsvIyWmKt/480.mp4";

  private final GcoreTranscriber gcore =
      (GcoreTranscriber) new GcoreTranscriberFactory().create(ProviderConfig.fromEnvironment("gcore"));

  @Test
  void transcribesTheDemoClipWithAutoDetection() {
    GcoreAsrResult r = gcore.transcribeTask(MediaSource.ofUrl(DEMO_MP4), TranscriptionOptions.defaults());
    assertThat(r.taskId()).isNotBlank();
    assertThat(r.speechDetected()).isTrue();
    assertThat(r.transcript().segments()).isNotEmpty();
    assertThat(r.detectedLanguages()).contains("en");
  }

  @Test
  void readsAVideosRenditions() {
    String id = System.getenv("GCORE_TEST_VIDEO_ID");
    assumeTrue(id != null && !id.isBlank(), "GCORE_TEST_VIDEO_ID not set");
    GcoreVideo v = gcore.videos().get(Long.parseLong(id.strip()));
    assertThat(v.id()).isEqualTo(Long.parseLong(id.strip()));
  }
}
