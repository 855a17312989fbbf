package dev.captions.chunking;

import dev.captions.model.Timecodes;

/**
 * One piece of a chunk plan: the media time it owns, {@code [startMs, endMs)}, and where the audio sent for it starts
 * ({@link #audioStartMs()}, earlier than {@code startMs} by the transcriber's lead-in). Times are milliseconds on the
 * whole media's time line, measured from the sample position of each cut. Immutable.
 */
public final class Chunk {
  private final int index;
  private final int count;
  private final long startMs;
  private final long endMs;
  private final long audioStartMs;

  Chunk(int index, int count, long startMs, long endMs, long audioStartMs) {
    this.index = index;
    this.count = count;
    this.startMs = startMs;
    this.endMs = endMs;
    this.audioStartMs = audioStartMs;
  }

  /** {@return the position in the plan, from 0} */
  public int index() {
    return index;
  }

  /** {@return how many chunks the plan has} */
  public int count() {
    return count;
  }

  /** {@return the first millisecond this chunk owns} */
  public long startMs() {
    return startMs;
  }

  /** {@return the end (exclusive) of the time this chunk owns, in milliseconds} */
  public long endMs() {
    return endMs;
  }

  /** {@return where the audio sent for this chunk starts, in milliseconds: {@code startMs} minus the lead-in} */
  public long audioStartMs() {
    return audioStartMs;
  }

  /** {@return the owned length in milliseconds} */
  public long durationMs() {
    return endMs - startMs;
  }

  /** E.g. {@code "chunk 3 of 12 (00:20:00.000–00:30:00.000)"}: how messages name a chunk. */
  @Override
  public String toString() {
    return "chunk " + (index + 1) + " of " + count + " (" + Timecodes.format(startMs) + "–" + Timecodes.format(endMs) + ")";
  }
}
