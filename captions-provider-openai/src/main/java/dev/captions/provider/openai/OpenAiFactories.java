package dev.captions.provider.openai;

import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummarizerFactory;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import dev.captions.spi.Translator;
import dev.captions.spi.TranslatorFactory;
import java.util.Set;

/** The ServiceLoader factories for the OpenAI providers. No I/O in constructors or {@code isConfigured}. */
public final class OpenAiFactories {
  static final String ARTIFACT = "dev.captions:captions-provider-openai";

  private OpenAiFactories() {}

  static boolean hasKey(ProviderConfig config) {
    return config.get(ProviderConfig.API_KEY, "OPENAI_API_KEY").isPresent();
  }

  /** {@code openai} transcriber (whisper-1 by default). */
  public static final class TranscriberFactoryImpl implements TranscriberFactory {
    @Override public String name() { return OpenAiSettings.PROVIDER; }
    @Override public String artifact() { return ARTIFACT; }
    @Override public boolean isConfigured(ProviderConfig config) { return hasKey(config); }
    @Override public Set<String> capabilities() { return Set.of("words", "segments", "local-file", "wav-chunking", "prompt", "speakers"); }
    @Override public Transcriber create(ProviderConfig config) { return new OpenAiTranscriber(OpenAiSettings.fromConfig(config)); }
  }

  /** {@code openai} translator (GPT-4o). */
  public static final class TranslatorFactoryImpl implements TranslatorFactory {
    @Override public String name() { return OpenAiSettings.PROVIDER; }
    @Override public String artifact() { return ARTIFACT; }
    @Override public boolean isConfigured(ProviderConfig config) { return hasKey(config); }
    @Override public Translator create(ProviderConfig config) { return new OpenAiTranslator(OpenAiSettings.fromConfig(config)); }
  }

  /** {@code openai} summarizer (GPT-4o with keyframes). */
  public static final class SummarizerFactoryImpl implements SummarizerFactory {
    @Override public String name() { return OpenAiSettings.PROVIDER; }
    @Override public String artifact() { return ARTIFACT; }
    @Override public boolean isConfigured(ProviderConfig config) { return hasKey(config); }
    @Override public Set<String> capabilities() { return Set.of("frames", "transcript"); }
    @Override public Summarizer create(ProviderConfig config) { return new OpenAiSummarizer(OpenAiSettings.fromConfig(config)); }
  }
}
