package dev.captions.spi;

/** A {@link ProviderFactory} for {@link Translator}s, registered in {@code META-INF/services/dev.captions.spi.TranslatorFactory}. */
public interface TranslatorFactory extends ProviderFactory<Translator> {}
