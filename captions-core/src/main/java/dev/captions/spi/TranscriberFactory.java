package dev.captions.spi;

/** A {@link ProviderFactory} for {@link Transcriber}s, registered in {@code META-INF/services/dev.captions.spi.TranscriberFactory}. */
public interface TranscriberFactory extends ProviderFactory<Transcriber> {}
