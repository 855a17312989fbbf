package dev.captions.webvtt.internal;

import dev.captions.CaptionFormatException;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits a {@link Reader} into lines ending in CR, LF or CRLF, exposing each line as a slice of an internal buffer so
 * the hot path allocates nothing. NUL characters are replaced with U+FFFD and a leading U+FEFF (BOM) is dropped, as
 * the WebVTT decoding step requires. Not thread-safe.
 */
public final class LineReader {
  /** The longest line (or run of marked lines) held, in chars: 8 Mi, 16 MB of buffer. */
  public static final int MAX_LINE = 1 << 23;

  private final Reader in;
  private char[] buf;
  private int pos;
  private int limit;
  private boolean eof;
  private boolean first = true;
  private int mark = -1;

  /** The current line: {@code buf[start, end)}. Valid until the next call to {@link #next()}. */
  public int start;
  public int end;
  /** Whether the current line ended at the end of input without a terminator. */
  public boolean endedAtEof;
  /** Whether the current line contains {@code "-->"} (found during the scan, so callers need not scan again). */
  public boolean arrow;
  /** 1-based number of the current line. */
  public int lineNumber;

  public LineReader(Reader in) {
    this(in, 1 << 16);
  }

  public LineReader(Reader in, int bufferSize) {
    this.in = in;
    this.buf = new char[Math.max(16, bufferSize)];
  }

  public char[] buffer() {
    return buf;
  }

  /** Reads the next line. Returns false when no characters are left (the position is past the end of input). */
  public boolean next() throws IOException {
    if (pos >= limit && !fill(pos)) return false;
    int scan = pos;
    arrow = false;
    while (true) {
      char[] b = buf;
      int lim = limit;
      while (scan < lim) {
        char c = b[scan];
        // One compare for the common case; NUL is replaced here rather than in a separate pass.
        if (c > '\r') {
          if (c == '>' && scan - 2 >= pos && b[scan - 1] == '-' && b[scan - 2] == '-') arrow = true;
          scan++;
          continue;
        }
        if (c == '\0') {
          b[scan++] = '\uFFFD';
          continue;
        }
        if (c == '\n' || c == '\r') {
          start = pos;
          end = scan;
          if (c == '\r') {
            if (scan + 1 >= limit) {
              int lineOffset = scan - pos;
              boolean more = fill(pos);
              scan = pos + lineOffset;
              start = pos;
              end = scan;
              if (more && buf[scan + 1] == '\n') scan++;
            } else if (buf[scan + 1] == '\n') {
              scan++;
            }
          }
          pos = scan + 1;
          endedAtEof = false;
          lineNumber++;
          return true;
        }
        scan++;
      }
      int lineOffset = scan - pos;
      if (!fill(pos)) {
        start = pos;
        end = limit;
        pos = limit;
        endedAtEof = true;
        lineNumber++;
        return true;
      }
      scan = pos + lineOffset;
    }
  }

  /** Pushes the current line back so the next {@link #next()} returns it again. */
  public void unread() {
    pos = start;
    lineNumber--;
  }

  /**
   * Skips CR and LF characters (blank lines) without reading a line. Returns false when the input is exhausted.
   * Equivalent to reading empty lines until a non-empty one, without scanning that one twice.
   */
  public boolean skipLineTerminators() throws IOException {
    while (true) {
      while (pos < limit) {
        char c = buf[pos];
        if (c != '\n' && c != '\r') return true;
        pos++;
        lineNumber++;
        if (c == '\r' && pos < limit && buf[pos] == '\n') pos++;
        else if (c == '\r' && pos >= limit && fill(pos) && buf[pos] == '\n') pos++;
      }
      if (!fill(pos)) return false;
    }
  }

  /** Whether there is nothing left to read. */
  public boolean atEnd() throws IOException {
    return pos >= limit && !fill(pos);
  }

  public String lineString() {
    return new String(buf, start, end - start);
  }

  /**
   * Keeps {@code buf[from, …)} in the buffer across refills until {@link #clearMark()}, so a caller can make one String
   * of several consecutive lines without copying them first. Refills move the kept characters: read the current
   * position back with {@link #markPosition()}. The buffer grows while a mark is held; callers bound what they keep.
   */
  public void mark(int from) {
    mark = from;
  }

  /** Where the mark is now, or -1 when none is set. */
  public int markPosition() {
    return mark;
  }

  public void clearMark() {
    mark = -1;
  }

  /**
   * Moves {@code buf[keepFrom, limit)} (from the mark, if that is earlier) to the front and reads more. Returns false
   * at end of input.
   */
  private boolean fill(int keepFrom) throws IOException {
    if (eof) return false;
    int keep = mark >= 0 && mark < keepFrom ? mark : keepFrom;
    int kept = limit - keep;
    if (keep > 0) {
      System.arraycopy(buf, keep, buf, 0, kept);
    } else if (kept == buf.length) {
      if (buf.length >= MAX_LINE) {
        // A line of millions of characters is no caption: fail with its position, not with an OutOfMemoryError.
        throw new CaptionFormatException("a line (or a cue's text) is longer than " + MAX_LINE + " characters; this"
            + " is not a caption file", lineNumber + 1, MAX_LINE);
      }
      char[] bigger = new char[buf.length * 2];
      System.arraycopy(buf, 0, bigger, 0, kept);
      buf = bigger;
    }
    pos -= keep;
    start -= keep;
    end -= keep;
    if (mark >= 0) mark -= keep;
    limit = kept;
    int n;
    do {
      n = in.read(buf, limit, buf.length - limit);
    } while (n == 0);
    if (n < 0) {
      eof = true;
      return false;
    }
    int from = limit;
    if (first) {
      first = false;
      if (buf[from] == '\uFEFF') {
        from++;
        pos = 1; // only possible when nothing was kept
      }
    }
    limit = limit + n;
    if (pos >= limit) return fill(pos); // the read held only the BOM
    return true;
  }
}
