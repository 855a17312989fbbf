package dev.captions.align;

import dev.captions.spi.ProviderFactory;

/**
 * A {@link ProviderFactory} for {@link TimingAligner}s, registered in
 * {@code META-INF/services/dev.captions.align.TimingAlignerFactory}. When several are on the class path the caption
 * pipeline takes, among those that {@linkplain TimingAligner#supportsLanguage support} the spoken language, the one
 * with the lowest {@link #priority()} (acoustic aligners before the energy fallback).
 */
public interface TimingAlignerFactory extends ProviderFactory<TimingAligner> {}
