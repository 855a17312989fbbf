package dev.captions.provider.vosk;

import dev.captions.ConfigurationException;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;
import java.util.Set;

/**
 * Registers {@link VoskTranscriber} as {@code "vosk"}: embedded (offline, no key), so always configured.
 *
 * <p>Settings (builder value, then system property, then environment variable):
 * <ul>
 *   <li>{@code model}: a Vosk model directory; {@code captions.vosk.model}, {@code VOSK_MODEL}. Default: the small
 *       English model on the class path ({@code dev.captions:captions-vosk-model-en}).
 *   <li>{@code language}: the model's language; {@code captions.vosk.language}, {@code VOSK_LANGUAGE}.
 *   <li>{@code cacheDir}: where the default model is extracted; {@code captions.vosk.cacheDir},
 *       {@code CAPTIONS_VOSK_CACHE}. Default {@code ~/.cache/captions/vosk}, else under {@code java.io.tmpdir}.
 *   <li>{@code threads}: decoder threads, 0 for one per processor; {@code captions.vosk.threads}.
 *   <li>Decoder settings ({@link DecoderSettings}), each unset by default ({@link DecoderSettings#defaults()}):
 *       {@code captions.vosk.framesPerChunk}, {@code captions.vosk.beam}, {@code captions.vosk.maxActive},
 *       {@code captions.vosk.latticeBeam}; {@code captions.vosk.decoder=model} loads the model's own settings only.
 * </ul>
 */
public final class VoskTranscriberFactory implements TranscriberFactory {
  /** {@link dev.captions.spi.ProviderConfig} key for the model's language: {@code captions.vosk.language}. */
  public static final String LANGUAGE = "language";
  /** {@link dev.captions.spi.ProviderConfig} key for the cache directory: {@code captions.vosk.cacheDir}. */
  public static final String CACHE_DIR = "cacheDir";
  /** {@link dev.captions.spi.ProviderConfig} key for the decoder threads: {@code captions.vosk.threads}. */
  public static final String THREADS = "threads";
  /** {@link dev.captions.spi.ProviderConfig} key: {@code model} to use the model's own decoder settings only. */
  public static final String DECODER = "decoder";
  /** {@link dev.captions.spi.ProviderConfig} key for {@link DecoderSettings.Builder#framesPerChunk}. */
  public static final String FRAMES_PER_CHUNK = "framesPerChunk";
  /** {@link dev.captions.spi.ProviderConfig} key for {@link DecoderSettings.Builder#beam}. */
  public static final String BEAM = "beam";
  /** {@link dev.captions.spi.ProviderConfig} key for {@link DecoderSettings.Builder#maxActive}. */
  public static final String MAX_ACTIVE = "maxActive";
  /** {@link dev.captions.spi.ProviderConfig} key for {@link DecoderSettings.Builder#latticeBeam}. */
  public static final String LATTICE_BEAM = "latticeBeam";

  @Override
  public String name() {
    return VoskTranscriber.NAME;
  }

  @Override
  public String artifact() {
    return "dev.captions:captions-provider-vosk";
  }

  @Override
  public boolean isEmbedded() {
    return true;
  }

  @Override
  public boolean isConfigured(ProviderConfig config) {
    return true;
  }

  @Override
  public Set<String> capabilities() {
    return Set.of("words", "offline", "confidence");
  }

  /** Builds the transcriber; loads nothing yet (the model is loaded on first use or by {@link VoskTranscriber#preload}). */
  @Override
  public Transcriber create(ProviderConfig config) {
    VoskTranscriber.Builder b = VoskTranscriber.builder();
    path(config, ProviderConfig.MODEL, "VOSK_MODEL").ifPresent(b::modelDirectory);
    path(config, CACHE_DIR, "CAPTIONS_VOSK_CACHE").ifPresent(b::cacheDirectory);
    Optional<String> language = config.get(LANGUAGE, "VOSK_LANGUAGE");
    try {
      language.ifPresent(b::language);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("captions.vosk.language (VOSK_LANGUAGE): " + e.getMessage());
    }
    long threads = config.getLong(THREADS, 0);
    if (threads < 0 || threads > 1024) {
      throw new ConfigurationException("captions.vosk.threads must be between 0 (one per processor) and 1024, but is "
          + threads);
    }
    b.threads((int) threads);
    b.decoderSettings(decoderSettings(config));
    return b.build();
  }

  /** The decoder settings from {@code captions.vosk.decoder}, {@code .framesPerChunk}, {@code .beam}, ... */
  static DecoderSettings decoderSettings(ProviderConfig config) {
    String base = config.get(DECODER).orElse("default");
    DecoderSettings.Builder d;
    if (base.equals("model")) d = DecoderSettings.model().newBuilder();
    else if (base.equals("default")) d = DecoderSettings.defaults().newBuilder();
    else throw new ConfigurationException("captions.vosk.decoder must be 'default' or 'model', but is '" + base + "'");
    try {
      config.get(FRAMES_PER_CHUNK).ifPresent(v -> d.framesPerChunk(Integer.parseInt(v.trim())));
      config.get(BEAM).ifPresent(v -> d.beam(Double.parseDouble(v.trim())));
      config.get(MAX_ACTIVE).ifPresent(v -> d.maxActive(Integer.parseInt(v.trim())));
      config.get(LATTICE_BEAM).ifPresent(v -> d.latticeBeam(Double.parseDouble(v.trim())));
    } catch (IllegalArgumentException e) { // NumberFormatException included
      throw new ConfigurationException("captions.vosk decoder settings: " + e.getMessage());
    }
    return d.build();
  }

  private static Optional<Path> path(ProviderConfig config, String key, String env) {
    Optional<String> value = config.get(key, env);
    try {
      return value.map(Paths::get);
    } catch (InvalidPathException e) {
      throw new ConfigurationException("captions.vosk." + key + " (" + env + ") is not a valid path: " + value.get());
    }
  }
}
