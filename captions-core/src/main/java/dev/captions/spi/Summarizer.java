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
  /** Whether {@link SummaryRequest#frames()} are used; the pipeline extracts frames only for summarizers that want them. */
  default boolean usesFrames() {
    return false;
  }

  VideoSummary summarize(SummaryRequest request);

  default CompletableFuture<VideoSummary> summarizeAsync(SummaryRequest request) {
    return Async.supply(() -> summarize(request));
  }
}
