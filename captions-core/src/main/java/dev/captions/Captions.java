package dev.captions;

import dev.captions.internal.ProviderRegistry;
import dev.captions.spi.MediaProcessor;
import dev.captions.spi.MediaProcessorFactory;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.ProviderFactory;
import dev.captions.spi.Summarizer;
import dev.captions.spi.SummarizerFactory;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import dev.captions.spi.Translator;
import dev.captions.spi.TranslatorFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point: {@link #pipeline()} for the whole flow, and provider lookup by name or by the discovery rule.
 *
 * <p>Discovery rule when no name is given: the system property {@code captions.<kind>} (e.g.
 * {@code -Dcaptions.transcriber=openai}); else the configured cloud provider (credentials set) with the lowest priority
 * value; else the embedded default (FFmpeg, Vosk). A provider instance passed to a builder is used as is and never
 * touches discovery. A pipeline builder discovers its media processor and transcriber together: the best-ranked pair
 * that can work together (see {@link CaptionPipeline.Builder#expectedSource}).
 */
public final class Captions {
  // Package-private: the pipeline builder pairs media processors and transcribers from their ranked lists.
  static final ProviderRegistry<Transcriber, TranscriberFactory> TRANSCRIBERS =
      new ProviderRegistry<>(TranscriberFactory.class, "transcriber", System::getProperty);
  private static final ProviderRegistry<Translator, TranslatorFactory> TRANSLATORS =
      new ProviderRegistry<>(TranslatorFactory.class, "translator", System::getProperty);
  private static final ProviderRegistry<Summarizer, SummarizerFactory> SUMMARIZERS =
      new ProviderRegistry<>(SummarizerFactory.class, "summarizer", System::getProperty);
  static final ProviderRegistry<MediaProcessor, MediaProcessorFactory> MEDIA =
      new ProviderRegistry<>(MediaProcessorFactory.class, "media", System::getProperty);

  private Captions() {}

  /**
   * A new pipeline builder: the one way to build a {@link CaptionPipeline}.
   *
   * @return a builder with the defaults (spoken language detected, no translation, no files, Netflix English style)
   */
  public static CaptionPipeline.Builder pipeline() {
    return CaptionPipeline.builder();
  }

  /** The transcriber the discovery rule picks. @throws ProviderNotFoundException when there is none */
  public static Transcriber transcriber() {
    return TRANSCRIBERS.select();
  }

  /** The transcriber named {@code name}, configured from system properties and the environment. */
  public static Transcriber transcriber(String name) {
    return TRANSCRIBERS.byName(name, null);
  }

  public static Transcriber transcriber(String name, ProviderConfig config) {
    return TRANSCRIBERS.byName(name, config);
  }

  public static Translator translator() {
    return TRANSLATORS.select();
  }

  public static Translator translator(String name) {
    return TRANSLATORS.byName(name, null);
  }

  public static Translator translator(String name, ProviderConfig config) {
    return TRANSLATORS.byName(name, config);
  }

  public static Summarizer summarizer() {
    return SUMMARIZERS.select();
  }

  public static Summarizer summarizer(String name) {
    return SUMMARIZERS.byName(name, null);
  }

  public static Summarizer summarizer(String name, ProviderConfig config) {
    return SUMMARIZERS.byName(name, config);
  }

  public static MediaProcessor mediaProcessor() {
    return MEDIA.select();
  }

  public static MediaProcessor mediaProcessor(String name) {
    return MEDIA.byName(name, null);
  }

  public static MediaProcessor mediaProcessor(String name, ProviderConfig config) {
    return MEDIA.byName(name, config);
  }

  /** Every provider on the class path, of every kind, with whether it is configured. Does no I/O. */
  public static List<ProviderInfo> providers() {
    List<ProviderInfo> out = new ArrayList<>();
    add(out, "transcriber", TRANSCRIBERS.factories());
    add(out, "translator", TRANSLATORS.factories());
    add(out, "summarizer", SUMMARIZERS.factories());
    add(out, "media", MEDIA.factories());
    return out;
  }

  private static void add(List<ProviderInfo> out, String kind, List<? extends ProviderFactory<?>> factories) {
    for (ProviderFactory<?> f : factories) {
      boolean configured = f.isEmbedded() || f.isConfigured(ProviderConfig.fromEnvironment(f.name()));
      out.add(new ProviderInfo(kind, f.name(), f.artifact(), f.isEmbedded(), configured, f.capabilities()));
    }
  }
}
