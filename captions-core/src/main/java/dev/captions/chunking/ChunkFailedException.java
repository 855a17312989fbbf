package dev.captions.chunking;

import dev.captions.ProviderException;

/**
 * One chunk of long media could not be transcribed, after the retries its failure allowed, or could not be encoded
 * for upload; the run stops. The message
 * names the chunk and its time range; {@link #getCause()} is the transcriber's own failure (a
 * {@link ProviderException} or subtype saying what went wrong).
 */
public final class ChunkFailedException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /** The chunk that failed (not serialized). */
  private final transient Chunk chunk;
  /** How many times the chunk was sent (0: its encoding failed). */
  private final int attempts;

  ChunkFailedException(String provider, Chunk chunk, int attempts, Throwable cause) {
    super(provider, chunk + (attempts == 0 ? " could not be encoded for upload: "
            : " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")) + cause.getMessage(),
        cause instanceof ProviderException ? ((ProviderException) cause).httpStatus() : 0,
        cause instanceof ProviderException ? ((ProviderException) cause).requestId() : null, false, cause);
    this.chunk = chunk;
    this.attempts = attempts;
  }

  /** {@return the chunk that failed; null after deserialization} */
  public Chunk chunk() {
    return chunk;
  }

  /** {@return how many times the chunk was sent; 0 when it could not be encoded for upload} */
  public int attempts() {
    return attempts;
  }
}
