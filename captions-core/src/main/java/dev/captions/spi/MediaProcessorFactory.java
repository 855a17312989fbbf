package dev.captions.spi;

/** A {@link ProviderFactory} for {@link MediaProcessor}s, registered in {@code META-INF/services/dev.captions.spi.MediaProcessorFactory}. */
public interface MediaProcessorFactory extends ProviderFactory<MediaProcessor> {}
