package dev.captions.webvtt;

import dev.captions.codec.Diagnostic;
import dev.captions.model.Cue;
import java.io.Flushable;
import java.io.IOException;
import java.util.List;

/**
 * A streamed write in progress, whatever the format: {@link WebVttWriter.Session} and {@link SrtWriter.Session}. Cues
 * are written in the order given; {@link #flush()} hands what is buffered to the underlying writer and flushes it.
 * Not thread-safe.
 */
public interface CueSink extends Flushable {
  /**
   * Writes one cue.
   *
   * @param cue the cue, not null
   * @throws IOException when the underlying writer fails
   */
  void cue(Cue cue) throws IOException;

  /**
   * What the format could not hold of the cues written so far: one warning per kind of loss, with a count.
   *
   * @return the losses so far; empty when nothing was lost
   */
  List<Diagnostic> losses();
}
