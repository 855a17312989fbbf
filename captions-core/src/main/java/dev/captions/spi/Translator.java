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
  CaptionTrack translate(CaptionTrack track, TranslationOptions options);

  default CompletableFuture<CaptionTrack> translateAsync(CaptionTrack track, TranslationOptions options) {
    return Async.supply(() -> translate(track, options));
  }
}
