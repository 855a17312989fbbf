package dev.captions.codec;

import dev.captions.model.CaptionTrack;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * Reads and writes one caption format. Registered in {@code META-INF/services/dev.captions.codec.CaptionCodec} (the
 * {@code captions-webvtt} module provides WebVTT, SRT and JSON) and found with {@link CaptionCodecs#forFormat}.
 *
 * <p><b>Threading:</b> implementations are stateless and thread-safe.
 */
public interface CaptionCodec {
  /**
   * The format this codec reads and writes.
   *
   * @return the format; never null
   */
  CaptionFormat format();

  /**
   * Reads a whole file leniently: bad cues are skipped or repaired and reported in {@link ParseResult#diagnostics()}.
   *
   * @param in the text to read; read to its end, not closed
   * @throws dev.captions.CaptionFormatException only when the file as a whole is not of this format (e.g. no
   *     {@code WEBVTT} signature), with line and column
   * @return the track and what was repaired or skipped
   * @throws IOException when reading {@code in} fails
   */
  ParseResult read(Reader in) throws IOException;

  /**
   * Strict validation: every violation of the format's syntax rules, with line and column, as
   * {@link Diagnostic.Severity#ERROR}s (and warnings for questionable but valid content). An empty list means the file
   * is valid. Never throws on bad content. The default reports what the lenient reader noticed, for formats with no
   * stricter rule set.
   *
   * @param in the text to check; read to its end, not closed
   * @return every problem found, in input order; empty when the file is valid
   * @throws IOException when reading {@code in} fails
   */
  default java.util.List<Diagnostic> validate(Reader in) throws IOException {
    try {
      return read(in).diagnostics();
    } catch (dev.captions.CaptionFormatException e) {
      return java.util.List.of(Diagnostic.error(e.line(), e.column(), e.getMessage()));
    }
  }

  /**
   * Writes the track; deterministic for equal tracks. Does not close {@code out}. Whatever the format cannot hold
   * (cue settings, regions, styles, voices, timestamp tags, timed words, …) is left out and reported, one warning per
   * kind of loss with a count, in the result: nothing is dropped silently.
   *
   * @param track the track, not null
   * @param out where to write; not closed
   * @return what the format could not hold; {@link WriteResult#lossless()} when nothing was lost
   * @throws IOException when {@code out} fails
   */
  WriteResult write(CaptionTrack track, Writer out) throws IOException;

  /**
   * Convenience: the track as a string.
   *
   * @param track the track to write
   * @return the track in this codec's format
   */
  default String writeToString(CaptionTrack track) {
    java.io.StringWriter w = new java.io.StringWriter();
    try {
      write(track, w);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // cannot happen with a StringWriter
    }
    return w.toString();
  }
}
