package dev.captions.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.MediaSource;
import dev.captions.model.TrackKind;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.spi.TranslationOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** Against the real Gemini API; runs only with GEMINI_API_KEY set ({@code mvn verify}, failsafe). */
@EnabledIfEnvironmentVariable(named = "GEMINI_API_KEY", matches = ".+")
class GeminiLiveIT {
  @TempDir Path dir;

  private final GeminiSettings settings = GeminiSettings.fromConfig(ProviderConfig.fromEnvironment("gemini"));

  @Test
  void silenceTranscribesToAnEmptyOrNearlyEmptyTranscript() {
    var t = new GeminiTranscriber(settings).transcribe(MediaSource.of(GeminiStubs.wav(dir, 2000)),
        TranscriptionOptions.builder().mediaDurationMs(2000L).build());
    assertThat(t.segments().size()).isLessThanOrEqualTo(1);
  }

  @Test
  void translationKeepsTheCueCount() {
    CaptionTrack en = CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(Cue.of(0, 1500, "Good morning, everyone."),
        Cue.of(1500, 3000, "Today we talk about"), Cue.of(3000, 4500, "caption timing.")));
    CaptionTrack es = new GeminiTranslator(settings).translate(en, TranslationOptions.to("es"));
    assertThat(es.cues()).hasSize(3);
    assertThat(es.cues().get(0).text()).isNotEqualTo("Good morning, everyone.");
  }
}
