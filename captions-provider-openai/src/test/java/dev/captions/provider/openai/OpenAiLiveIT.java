package dev.captions.provider.openai;

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

/** Against the real OpenAI API; runs only with OPENAI_API_KEY set ({@code mvn verify}, failsafe). */
@EnabledIfEnvironmentVariable(named = "OPENAI_API_KEY", matches = ".+")
class OpenAiLiveIT {
  @TempDir Path dir;

  private final OpenAiSettings settings = OpenAiSettings.fromConfig(ProviderConfig.fromEnvironment("openai"));

  @Test
  void whisperAnswersVerboseJsonForAToneFile() {
    var t = new OpenAiTranscriber(settings).transcribe(MediaSource.of(OpenAiStubs.speechLikeWav(dir, "t.wav", 3000)),
        TranscriptionOptions.defaults());
    assertThat(t.providerMetadata()).containsEntry("model", "whisper-1");
  }

  @Test
  void translationKeepsTheCueCount() {
    CaptionTrack en = CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(Cue.of(0, 1500, "Good morning, everyone."),
        Cue.of(1500, 3000, "Today we talk about"), Cue.of(3000, 4500, "caption timing.")));
    CaptionTrack es = new OpenAiTranslator(settings).translate(en, TranslationOptions.to("es"));
    assertThat(es.cues()).hasSize(3);
  }
}
