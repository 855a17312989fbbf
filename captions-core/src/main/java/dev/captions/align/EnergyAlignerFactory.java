package dev.captions.align;

import dev.captions.spi.ProviderConfig;
import java.util.Set;

/** Registers the {@link EnergyAligner}: always available, no configuration, tried after acoustic aligners. */
public final class EnergyAlignerFactory implements TimingAlignerFactory {
  /** For ServiceLoader. */
  public EnergyAlignerFactory() {}

  @Override
  public String name() {
    return EnergyAligner.NAME;
  }

  @Override
  public String artifact() {
    return "dev.captions:captions-core";
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
    return Set.of("any-language", "offline");
  }

  /** {@return 1000: after every acoustic aligner} */
  @Override
  public int priority() {
    return 1000;
  }

  @Override
  public TimingAligner create(ProviderConfig config) {
    return new EnergyAligner();
  }
}
