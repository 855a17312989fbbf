package dev.captions.provider.gemini;

import com.google.genai.types.Part;
import dev.captions.model.CaptionTrack;
import dev.captions.spi.TranslationOptions;
import dev.captions.spi.Translator;
import dev.captions.llm.CueTranslation;
import java.util.List;

/**
 * Translates caption tracks with Gemini, cue by cue, keeping ids, count and times ({@link CueTranslation}: verified
 * and retried on mismatch, then a {@link dev.captions.ProviderException}). Thread-safe; blocks.
 */
public final class GeminiTranslator implements Translator {
  private final CueTranslation translation;

  /**
   * A translator with {@code settings}..
   *
   * @param settings the settings; not null
   */
  public GeminiTranslator(GeminiSettings settings) {
    GeminiApi api = new GeminiApi(settings);
    this.translation = new CueTranslation(name(), (instructions, input, schemaName, schema) ->
        api.generateJson(List.of(Part.fromText(input)), instructions, schema),
        settings.translationAttempts(), settings.translationBatchSize());
  }

  @Override
  public String name() {
    return GeminiSettings.PROVIDER;
  }

  @Override
  public CaptionTrack translate(CaptionTrack track, TranslationOptions options) {
    return translation.translate(track, options);
  }
}
