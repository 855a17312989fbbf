package dev.captions.provider.openai;

import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import dev.captions.model.CaptionTrack;
import dev.captions.spi.TranslationOptions;
import dev.captions.spi.Translator;
import dev.captions.llm.CueTranslation;
import java.util.List;

/**
 * Translates caption tracks with a GPT chat model under a strict JSON schema, cue by cue, keeping ids, count and
 * times ({@link CueTranslation}: verified and retried on mismatch, then a {@link dev.captions.ProviderException}).
 * Thread-safe; blocks.
 */
public final class OpenAiTranslator implements Translator {
  private final CueTranslation translation;

  /**
   * A translator with {@code settings}..
   *
   * @param settings the settings; not null
   */
  public OpenAiTranslator(OpenAiSettings settings) {
    OpenAiApi api = new OpenAiApi(settings);
    this.translation = new CueTranslation(name(), (instructions, input, schemaName, schema) -> api.chatJson(
        instructions, List.of(ChatCompletionContentPart.ofText(ChatCompletionContentPartText.builder().text(input).build())),
        schemaName, schema), settings.translationAttempts(), settings.translationBatchSize());
  }

  @Override
  public String name() {
    return OpenAiSettings.PROVIDER;
  }

  @Override
  public CaptionTrack translate(CaptionTrack track, TranslationOptions options) {
    return translation.translate(track, options);
  }
}
