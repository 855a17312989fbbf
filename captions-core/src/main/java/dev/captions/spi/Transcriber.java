package dev.captions.spi;

import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import java.util.concurrent.CompletableFuture;

/**
 * Speech to timed text.
 *
 * <p><b>Threading:</b> implementations are thread-safe; one instance may serve concurrent calls.
 * <b>Blocking:</b> {@link #transcribe} blocks until the transcript is ready (uploading, polling) and may take minutes;
 * it honours thread interruption by throwing {@link java.util.concurrent.CancellationException} with the interrupt
 * flag kept. {@link #transcribeAsync} runs it on a worker thread; cancelling its future stops polling and kills
 * subprocesses.
 *
 * <p>Failures are {@link dev.captions.CaptionsException}s: {@link dev.captions.InvalidMediaException} for unusable
 * input, {@link dev.captions.ProviderException} (or a subclass) for the provider's own failures.
 */
public interface Transcriber extends Provider {
  /**
   * @param audio audio or video; see {@link #acceptedSources()} for the kinds taken
   * @param options the language, prompt, timings wanted, timeout and progress listener
   * @return the transcript; an empty one (not an error) when there is no speech
   */
  Transcript transcribe(MediaSource audio, TranscriptionOptions options);

  /**
   * {@link #transcribe} on the SDK's shared pool.
   *
   * @param audio audio or video
   * @param options the options
   * @return a future of the transcript; cancelling it interrupts the work
   */
  default CompletableFuture<Transcript> transcribeAsync(MediaSource audio, TranscriptionOptions options) {
    return Async.supply(() -> transcribe(audio, options));
  }
}
