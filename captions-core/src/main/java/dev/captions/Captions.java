package dev.captions;

import dev.captions.align.TimingAligner;
import dev.captions.align.TimingAlignerFactory;

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
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

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

  private static final ProviderRegistry<TimingAligner, TimingAlignerFactory> ALIGNERS =
      new ProviderRegistry<>(TimingAlignerFactory.class, "aligner", System::getProperty);

  private Captions() {}

  /**
   * The timing aligner named {@code name} (e.g. {@code "vosk"}, {@code "energy"}), configured from system properties
   * and the environment.
   *
   * @param name the aligner's name
   * @return the aligner
   * @throws ProviderNotFoundException when none has that name, listing those that exist
   * @throws ConfigurationException when its settings are wrong
   */
  public static TimingAligner aligner(String name) {
    return ALIGNERS.byName(name, null);
  }

  /**
   * The aligners a pipeline tries, best first, each created on first use: the one named by {@code captions.aligner}
   * alone, else every one on the class path by {@link TimingAlignerFactory#priority()} (acoustic before energy).
   */
  static List<Supplier<TimingAligner>> aligners() {
    String forced = System.getProperty("captions.aligner");
    if (forced != null && !forced.isBlank()) return List.of(memoized(() -> ALIGNERS.byName(forced, null)));
    List<TimingAlignerFactory> all = new ArrayList<>(ALIGNERS.factories());
    all.sort(Comparator.comparingInt(TimingAlignerFactory::priority));
    List<Supplier<TimingAligner>> out = new ArrayList<>();
    for (TimingAlignerFactory f : all) out.add(memoized(() -> f.create(ProviderConfig.fromEnvironment(f.name()))));
    return out;
  }

  private static <T> Supplier<T> memoized(Supplier<T> make) {
    return new Supplier<T>() {
      private T made;

      @Override
      public synchronized T get() {
        if (made == null) made = make.get();
        return made;
      }
    };
  }

  /**
   * A new pipeline builder: the one way to build a {@link CaptionPipeline}.
   *
   * @return a builder with the defaults (spoken language detected, no translation, no files, Netflix English style)
   */
  public static CaptionPipeline.Builder pipeline() {
    return CaptionPipeline.builder();
  }

  /**
   * The transcriber the discovery rule picks.
   *
   * @return the transcriber
   * @throws ProviderNotFoundException when there is none, naming the artifacts to add
   */
  public static Transcriber transcriber() {
    return TRANSCRIBERS.select();
  }

  /**
   * The transcriber named {@code name}, configured from system properties and the environment.
   *
   * @param name the provider's name, e.g. {@code "openai"}
   * @return the transcriber
   * @throws ProviderNotFoundException when none has that name, listing those that exist and the artifact to add
   * @throws ConfigurationException when it is not configured (e.g. no API key), saying what to set
   */
  public static Transcriber transcriber(String name) {
    return TRANSCRIBERS.byName(name, null);
  }

  /**
   * The transcriber named {@code name}, configured from {@code config} (then system properties and the
   * environment for what it does not set).
   *
   * @param name the provider's name, e.g. {@code "gemini"}
   * @param config the provider's settings; not null
   * @return the transcriber
   * @throws ProviderNotFoundException when none has that name
   * @throws ConfigurationException when it is not configured (e.g. no API key), saying what to set
   */
  public static Transcriber transcriber(String name, ProviderConfig config) {
    return TRANSCRIBERS.byName(name, config);
  }

  /**
   * The translator the discovery rule picks.
   *
   * @return the translator
   * @throws ProviderNotFoundException when there is none, naming the artifacts to add
   */
  public static Translator translator() {
    return TRANSLATORS.select();
  }

  /**
   * The translator named {@code name}, configured from system properties and the environment.
   *
   * @param name the provider's name, e.g. {@code "gemini"}
   * @return the translator
   * @throws ProviderNotFoundException when none has that name
   * @throws ConfigurationException when it is not configured (e.g. no API key), saying what to set
   */
  public static Translator translator(String name) {
    return TRANSLATORS.byName(name, null);
  }

  /**
   * The translator named {@code name}, configured from {@code config} (then system properties and the
   * environment for what it does not set).
   *
   * @param name the provider's name, e.g. {@code "gemini"}
   * @param config the provider's settings; not null
   * @return the translator
   * @throws ProviderNotFoundException when none has that name
   * @throws ConfigurationException when it is not configured (e.g. no API key), saying what to set
   */
  public static Translator translator(String name, ProviderConfig config) {
    return TRANSLATORS.byName(name, config);
  }

  /**
   * The summarizer the discovery rule picks.
   *
   * @return the summarizer
   * @throws ProviderNotFoundException when there is none, naming the artifacts to add
   */
  public static Summarizer summarizer() {
    return SUMMARIZERS.select();
  }

  /**
   * The summarizer named {@code name}, configured from system properties and the environment.
   *
   * @param name the provider's name, e.g. {@code "gemini"}
   * @return the summarizer
   * @throws ProviderNotFoundException when none has that name
   * @throws ConfigurationException when it is not configured (e.g. no API key), saying what to set
   */
  public static Summarizer summarizer(String name) {
    return SUMMARIZERS.byName(name, null);
  }

  /**
   * The summarizer named {@code name}, configured from {@code config} (then system properties and the
   * environment for what it does not set).
   *
   * @param name the provider's name, e.g. {@code "gemini"}
   * @param config the provider's settings; not null
   * @return the summarizer
   * @throws ProviderNotFoundException when none has that name
   * @throws ConfigurationException when it is not configured (e.g. no API key), saying what to set
   */
  public static Summarizer summarizer(String name, ProviderConfig config) {
    return SUMMARIZERS.byName(name, config);
  }

  /**
   * The media processor the discovery rule picks.
   *
   * @return the media processor
   * @throws ProviderNotFoundException when there is none, naming the artifacts to add
   */
  public static MediaProcessor mediaProcessor() {
    return MEDIA.select();
  }

  /**
   * The media processor named {@code name}, configured from system properties and the environment.
   *
   * @param name the provider's name, e.g. {@code "gemini"}
   * @return the media processor
   * @throws ProviderNotFoundException when none has that name
   * @throws ConfigurationException when it is not configured (e.g. no API key), saying what to set
   */
  public static MediaProcessor mediaProcessor(String name) {
    return MEDIA.byName(name, null);
  }

  /**
   * The media processor named {@code name}, configured from {@code config} (then system properties and the
   * environment for what it does not set).
   *
   * @param name the provider's name, e.g. {@code "gemini"}
   * @param config the provider's settings; not null
   * @return the media processor
   * @throws ProviderNotFoundException when none has that name
   * @throws ConfigurationException when it is not configured (e.g. no API key), saying what to set
   */
  public static MediaProcessor mediaProcessor(String name, ProviderConfig config) {
    return MEDIA.byName(name, config);
  }

  /**
   * Every provider on the class path, of every kind, with whether it is configured. Does no I/O.
   *
   * @return the providers, by kind then name
   */
  public static List<ProviderInfo> providers() {
    List<ProviderInfo> out = new ArrayList<>();
    add(out, "transcriber", TRANSCRIBERS.factories());
    add(out, "translator", TRANSLATORS.factories());
    add(out, "summarizer", SUMMARIZERS.factories());
    add(out, "media", MEDIA.factories());
    add(out, "aligner", ALIGNERS.factories());
    return out;
  }

  private static void add(List<ProviderInfo> out, String kind, List<? extends ProviderFactory<?>> factories) {
    for (ProviderFactory<?> f : factories) {
      boolean configured = f.isEmbedded() || f.isConfigured(ProviderConfig.fromEnvironment(f.name()));
      out.add(new ProviderInfo(kind, f.name(), f.artifact(), f.isEmbedded(), configured, f.capabilities()));
    }
  }
}
