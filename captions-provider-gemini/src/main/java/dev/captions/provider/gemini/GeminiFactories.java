package dev.captions.provider.gemini;

import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummarizerFactory;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import dev.captions.spi.Translator;
import dev.captions.spi.TranslatorFactory;
import java.util.Set;

/** The ServiceLoader factories for the Gemini providers. No I/O in constructors or {@code isConfigured}. */
public final class GeminiFactories {
  static final String ARTIFACT = "dev.captions:captions-provider-gemini";

  private GeminiFactories() {}

  static boolean hasKey(ProviderConfig config) {
    return config.get(ProviderConfig.API_KEY, "GEMINI_API_KEY").isPresent();
  }

  /** {@code gemini} transcriber. */
  public static final class TranscriberFactoryImpl implements TranscriberFactory {
    @Override public String name() { return GeminiSettings.PROVIDER; }
    @Override public String artifact() { return ARTIFACT; }
    @Override public boolean isConfigured(ProviderConfig config) { return hasKey(config); }
    @Override public Set<String> capabilities() { return Set.of("segments", "files-api", "local-file", "url-input", "prompt", "speakers"); }
    @Override public Transcriber create(ProviderConfig config) { return new GeminiTranscriber(GeminiSettings.fromConfig(config)); }
  }

  /** {@code gemini} translator. */
  public static final class TranslatorFactoryImpl implements TranslatorFactory {
    @Override public String name() { return GeminiSettings.PROVIDER; }
    @Override public String artifact() { return ARTIFACT; }
    @Override public boolean isConfigured(ProviderConfig config) { return hasKey(config); }
    @Override public Translator create(ProviderConfig config) { return new GeminiTranslator(GeminiSettings.fromConfig(config)); }
  }

  /** {@code gemini} summarizer. */
  public static final class SummarizerFactoryImpl implements SummarizerFactory {
    @Override public String name() { return GeminiSettings.PROVIDER; }
    @Override public String artifact() { return ARTIFACT; }
    @Override public boolean isConfigured(ProviderConfig config) { return hasKey(config); }
    @Override public Set<String> capabilities() { return Set.of("video", "frames", "transcript"); }
    @Override public Summarizer create(ProviderConfig config) { return new GeminiSummarizer(GeminiSettings.fromConfig(config)); }
  }
}
