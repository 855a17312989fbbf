package dev.captions.spi;

/** A {@link ProviderFactory} for {@link Summarizer}s, registered in {@code META-INF/services/dev.captions.spi.SummarizerFactory}. */
public interface SummarizerFactory extends ProviderFactory<Summarizer> {}
