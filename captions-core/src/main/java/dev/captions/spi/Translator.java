package dev.captions.spi;

import dev.captions.model.CaptionTrack;
import java.util.concurrent.CompletableFuture;

/**
 * Translates a caption track cue by cue.
 *
 * <p><b>Contract:</b> the result has exactly as many cues as the input, with the same ids, times, speakers and
 * settings; only the text changes and the track's language becomes the target. An implementation that cannot keep
 * this (an LLM that merged cues) retries and then throws {@link dev.captions.ProviderException}; it never returns a
 * shifted track.
 *
 * <p><b>Threading:</b> thread-safe. <b>Blocking:</b> {@link #translate} blocks and honours interruption like
 * {@link Transcriber#transcribe}.
 */
public interface Translator extends Provider {
  /**
   * Translates every cue of {@code track}, keeping cue times, ids and settings. Blocks until done.
   *
   * @param track the track to translate
   * @param options the target language and hints
   * @return a track in the target language with as many cues as {@code track}
   * @throws dev.captions.ProviderException when the provider fails (a subtype says how)
   */
  CaptionTrack translate(CaptionTrack track, TranslationOptions options);

  /**
   * {@link #translate} on the SDK's shared pool.
   *
   * @param track the track to translate
   * @param options the options
   * @return a future of the translated track; cancelling it interrupts the work
   */
  default CompletableFuture<CaptionTrack> translateAsync(CaptionTrack track, TranslationOptions options) {
    return Async.supply(() -> translate(track, options));
  }
}
