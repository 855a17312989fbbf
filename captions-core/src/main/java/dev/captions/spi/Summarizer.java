package dev.captions.spi;

import dev.captions.model.VideoSummary;
import java.util.concurrent.CompletableFuture;

/**
 * Summarises a video into a title, one sentence and chapters, from the video itself, frames and/or its transcript.
 *
 * <p><b>Threading:</b> thread-safe. <b>Blocking:</b> {@link #summarize} blocks and honours interruption like
 * {@link Transcriber#transcribe}.
 */
public interface Summarizer extends Provider {
  /**
   * Whether {@link SummaryRequest#frames()} are used; the pipeline extracts frames only for summarizers that want
   * them.
   *
   * @return whether {@link SummaryRequest#frames()} are used; the pipeline extracts frames only for summarizers that
   *     want them
   */
  default boolean usesFrames() {
    return false;
  }

  /**
   * Summarises a video: a title, a one-sentence summary and chapters. Blocks until done.
   *
   * @param request the video, frames and/or transcript, and the language to write in
   * @return the summary
   * @throws dev.captions.ProviderException when the provider fails (a subtype says how)
   */
  VideoSummary summarize(SummaryRequest request);

  /**
   * {@link #summarize} on the SDK's shared pool.
   *
   * @param request the request
   * @return a future of the summary; cancelling it interrupts the work
   */
  default CompletableFuture<VideoSummary> summarizeAsync(SummaryRequest request) {
    return Async.supply(() -> summarize(request));
  }
}
