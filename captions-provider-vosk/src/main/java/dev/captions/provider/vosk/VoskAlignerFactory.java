package dev.captions.provider.vosk;

import dev.captions.align.TimingAligner;
import dev.captions.align.TimingAlignerFactory;
import dev.captions.spi.ProviderConfig;
import java.util.Set;

/**
 * Registers the {@link VoskAligner}, configured exactly like the Vosk transcriber ({@code captions.vosk.model} /
 * {@code VOSK_MODEL}, {@code captions.vosk.language}, {@code captions.vosk.cacheDir}, {@code captions.vosk.threads}):
 * see {@link VoskTranscriberFactory}. Tried before the energy fallback for the model's language.
 */
public final class VoskAlignerFactory implements TimingAlignerFactory {
  /** For ServiceLoader. */
  public VoskAlignerFactory() {}

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
    return Set.of("words", "offline");
  }

  /** {@return 10: before the energy fallback} */
  @Override
  public int priority() {
    return 10;
  }

  /** Builds the aligner; loads nothing yet. @throws dev.captions.ConfigurationException on a bad setting */
  @Override
  public TimingAligner create(ProviderConfig config) {
    return VoskAligner.using((VoskTranscriber) new VoskTranscriberFactory().create(config));
  }
}
