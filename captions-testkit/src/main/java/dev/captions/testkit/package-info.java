/**
 * The provider contract test kit, published as {@code captions-testkit}. A provider module adds
 *
 * <pre>{@code
 * <dependency><groupId>dev.captions</groupId><artifactId>captions-testkit</artifactId><scope>test</scope></dependency>
 * }</pre>
 *
 * and extends {@link dev.captions.testkit.ProviderFactoryContract} once per factory and the kind's contract
 * ({@link dev.captions.testkit.TranscriberContract}, {@link dev.captions.testkit.TranslatorContract},
 * {@link dev.captions.testkit.SummarizerContract}, {@link dev.captions.testkit.MediaProcessorContract}) once per
 * provider, implementing the hooks: the factory, a WireMock stub of a successful exchange following the provider's
 * documented wire format, provider-specific checks of the result, and optionally the provider's error body shape.
 * The kit configures the provider with {@link dev.captions.spi.ProviderConfig} keys (base URL, one attempt, fast
 * polling), so providers must build their HTTP plumbing with the {@code fromConfig} factories of
 * {@link dev.captions.http}.
 *
 * <p>{@link dev.captions.testkit.PlainTextRoundTrip} holds what the codecs' plain-text round-trip property tests
 * share: the random cue text (jqwik) and the write-and-read-back (captions-webvtt and captions-formats use it).
 */
package dev.captions.testkit;
