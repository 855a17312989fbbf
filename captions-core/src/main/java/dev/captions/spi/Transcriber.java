package dev.captions.spi;

import dev.captions.chunking.ChunkLimits;
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
   * @return the transcript; an empty one (not an error) when there is no speech
   */
  Transcript transcribe(MediaSource audio, TranscriptionOptions options);

  /**
   * What this transcriber takes in one call and how long media should be cut for it: the
   * {@linkplain dev.captions.chunking.ChunkedTranscriber long-media engine} plans chunks, encodes and sends them
   * concurrently by these limits. The default, {@link ChunkLimits#unchunked()}, hands the media over whole.
   */
  default ChunkLimits chunkLimits() {
    return ChunkLimits.unchunked();
  }

  default CompletableFuture<Transcript> transcribeAsync(MediaSource audio, TranscriptionOptions options) {
    return Async.supply(() -> transcribe(audio, options));
  }
}
