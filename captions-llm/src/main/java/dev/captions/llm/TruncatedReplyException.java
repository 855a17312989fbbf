package dev.captions.llm;

import dev.captions.ProviderException;

/**
 * The model's reply was cut off (its token limit, {@code finishReason: MAX_TOKENS} / {@code finish_reason: length},
 * or JSON that ends mid-way). Never turned into a partial result: transcribers catch it and retry on smaller pieces
 * of the media; when they cannot, it reaches the caller with a message saying how to avoid it.
 */
public class TruncatedReplyException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /**
   * The model's reply stopped before its JSON was complete (usually the output token limit). Not retryable: the same
   * request would be cut off again.
   *
   * @param provider the provider's name
   * @param message what was cut off and what to change
   * @param requestId the provider's request id, or {@code null}
   */
  public TruncatedReplyException(String provider, String message, String requestId) {
    super(provider, message, 0, requestId, false, null);
  }
}
