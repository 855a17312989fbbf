package dev.captions.webvtt;

import dev.captions.model.Cue;
import java.io.Flushable;
import java.io.IOException;

/**
 * A streamed write in progress, whatever the format: {@link WebVttWriter.Session} and {@link SrtWriter.Session}. Cues
 * are written in the order given; {@link #flush()} hands what is buffered to the underlying writer and flushes it.
 * Not thread-safe.
 */
public interface CueSink extends Flushable {
  /**
   * Writes one cue, in order after the cues before it.
   *
   * @param cue the cue; not null
   * @throws IOException when writing fails
   */
  void cue(Cue cue) throws IOException;
}
