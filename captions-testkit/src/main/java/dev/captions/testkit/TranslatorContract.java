package dev.captions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.spi.TranslationOptions;
import dev.captions.spi.Translator;
import java.util.List;

/**
 * The contract of a {@link Translator}; see {@link ProviderContract} for the checks and hooks. Invariant of every
 * translation: as many cues as the input, with the same ids, times and speakers, non-blank text, and the target
 * language.
 */
public abstract class TranslatorContract extends ProviderContract<Translator, CaptionTrack> {
  /** {@return the track to translate: three English cues with ids} Override for provider-specific input. */
  protected CaptionTrack sampleTrack() {
    return CaptionTrack.of("en", TrackKind.SUBTITLES, List.of(
        Cue.builder().id("1").startMs(0).endMs(2000).text("Hello and welcome.").build(),
        Cue.builder().id("2").startMs(2000).endMs(4500).text("Today we talk about captions.").speaker("Ana").build(),
        Cue.builder().id("3").startMs(5000).endMs(7000).text("Let's begin.").build()));
  }

  /** {@return the options; the default translates to Spanish} */
  protected TranslationOptions options() {
    return TranslationOptions.to("es");
  }

  @Override
  protected CaptionTrack invoke(Translator provider) {
    return provider.translate(sampleTrack(), options());
  }

  @Override
  protected void verifyInvariants(CaptionTrack out) {
    CaptionTrack in = sampleTrack();
    assertThat(out.language()).isEqualTo(options().targetLanguage());
    assertThat(out.cues()).hasSameSizeAs(in.cues());
    for (int i = 0; i < in.cues().size(); i++) {
      Cue a = in.cues().get(i);
      Cue b = out.cues().get(i);
      assertThat(b.id()).as("cue %d id", i).isEqualTo(a.id());
      assertThat(b.startMs()).as("cue %d start", i).isEqualTo(a.startMs());
      assertThat(b.endMs()).as("cue %d end", i).isEqualTo(a.endMs());
      assertThat(b.speaker()).as("cue %d speaker", i).isEqualTo(a.speaker());
      assertThat(b.text()).as("cue %d text", i).isNotBlank();
    }
  }
}
