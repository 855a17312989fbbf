package dev.captions.webvtt;

import dev.captions.CaptionFormatException;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.webvtt.internal.LineReader;
import dev.captions.webvtt.internal.Readers;
import dev.captions.webvtt.internal.SrtSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads SubRip ({@code .srt}) tolerantly, the way players do. Accepted quirks: BOM (UTF-8, or UTF-16 via
 * {@link #read(InputStream)}), CRLF/CR/LF, missing, non-numeric or negative indexes, missing final blank line, extra
 * blank lines, blank lines inside the text (dropped), {@code .} instead of {@code ,}, 1–3 digit fractions (a fraction:
 * {@code ,5} is 500 ms), hours of any length, spaces around {@code -->}, coordinates after the timing ({@code X1:…}),
 * and {@code {\anN}} position tags (turned into cue settings). Text tags ({@code <i> <b> <u> <font>}) are kept as they
 * are. Cues with a bad timing line or an end not after the start are skipped with a warning. Never throws for content.
 *
 * <p>Immutable and thread-safe.
 */
public final class SrtReader {
  private SrtReader() {}

  /**
   * A lenient SRT reader. Thread-safe; reuse it.
   *
   * @return the reader
   */
  public static SrtReader create() {
    return new SrtReader();
  }

  /**
   * Reads a whole SRT file into memory, leniently: bad blocks are skipped or repaired and reported.
   *
   * @param in the text to read; read to the end, not closed
   * @return the track and what was repaired or skipped
   * @throws IOException when reading {@code in} fails
   */
  public ParseResult read(Reader in) throws IOException {
    List<Cue> cues = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    stream(in, cues::add, diagnostics::add);
    return ParseResult.of(CaptionTrack.builder().cues(cues).build(), diagnostics);
  }

  /**
   * Reads UTF-8 (BOM optional) or UTF-16 with BOM.
   *
   * @param in the bytes to read; read to the end, not closed
   * @return the track and what was repaired or skipped
   * @throws IOException when reading {@code in} fails
   */
  public ParseResult read(InputStream in) throws IOException {
    return read(Readers.utf8OrBom(in));
  }

  /**
   * Streams from bytes: UTF-8 (BOM optional) or UTF-16 with BOM.
   *
   * @param in the bytes to read; read to the end, not closed
   * @param cues receives each cue as it is read
   * @param diagnostics receives each problem as it is found
   * @throws IOException when reading {@code in} fails
   */
  public void stream(InputStream in, Consumer<Cue> cues, Consumer<Diagnostic> diagnostics) throws IOException {
    stream(Readers.utf8OrBom(in), cues, diagnostics);
  }

  /**
   * Streams cues to {@code cues} as they are read; memory stays flat.
   *
   * @param in the text to read; read to the end, not closed
   * @param cues receives each cue as it is read
   * @param diagnostics receives each problem as it is found
   * @throws IOException when reading {@code in} fails
   */
  public void stream(Reader in, Consumer<Cue> cues, Consumer<Diagnostic> diagnostics) throws IOException {
    try {
      new Session(in, cues, diagnostics).run();
    } catch (IOException | CaptionFormatException | java.io.UncheckedIOException e) {
      throw e; // bad input, or the consumer's own I/O failure (a disk full while converting): not ours to rename
    } catch (RuntimeException e) {
      throw new CaptionFormatException("internal error while reading SRT: " + e, 0, 0, e);
    }
  }

  private static final class Session {
    private final LineReader lines;
    private final Consumer<Cue> cues;
    private final Consumer<Diagnostic> diagnostics;
    private final Deque<String> pushedBack = new ArrayDeque<>(4);
    private final Deque<Integer> pushedBackNumbers = new ArrayDeque<>(4);
    private final long[] times = new long[3];
    /** Text glued to the end time of the timing line just parsed ({@code …,000Hello}), for the cue's first line. */
    private String gluedText;
    private final StringBuilder text = new StringBuilder(128);
    private int lineNumber;
    /** An index line held without making a String: {@code index[0, indexLength)}, read at {@link #indexLine}. */
    private final char[] index = new char[24];
    private int indexLength;
    private int indexLine;
    /** Whether {@link #index} holds the next cue's index line and the reader is at its timing line. */
    private boolean pendingIndex;
    /** Whether the next cue's timing line was already read into {@link #times}, from line {@link #pendingTimingLine}. */
    private boolean pendingTiming;
    private int pendingTimingLine;
    /**
     * The text read so far, while it is still LF-separated lines lying together in the line buffer: its length from
     * {@link LineReader#markPosition()}, or -1 once the text lives in {@link #text} (or there is none). Most cues
     * become one String straight from the buffer this way, without a copy through a StringBuilder.
     */
    private int sliceLength = -1;
    /** Above this, text stops being held in the line buffer (which would otherwise grow with it). */
    private static final int MAX_SLICE = 1 << 14;

    Session(Reader in, Consumer<Cue> cues, Consumer<Diagnostic> diagnostics) {
      this.lines = new LineReader(in);
      this.cues = cues;
      this.diagnostics = diagnostics;
    }

    private String next() throws IOException {
      if (!pushedBack.isEmpty()) {
        lineNumber = pushedBackNumbers.pop();
        return pushedBack.pop();
      }
      if (!lines.next()) return null;
      lineNumber = lines.lineNumber;
      return lines.lineString();
    }

    private void pushBack(String line, int number) {
      pushedBack.push(line);
      pushedBackNumbers.push(number);
    }

    void run() throws IOException {
      while (true) {
        String line;
        int first;
        if (pendingTiming) {
          // endsBeforeNextCue() read the next cue's index and timing lines.
          pendingTiming = false;
          lineNumber = pendingTimingLine;
          cue();
          continue;
        }
        if (pendingIndex) {
          // readText() saw the blank line, this index line and a timing line after it.
          pendingIndex = false;
          first = indexLine;
          if (fastTiming()) {
            cue();
            continue;
          }
          line = new String(index, 0, indexLength);
        } else if (pushedBack.isEmpty()) {
          // Fast path for "index, timing": no String for either line.
          if (!lines.next()) return;
          lineNumber = lines.lineNumber;
          char[] b = lines.buffer();
          if (isBlank(b, lines.start, lines.end)) continue;
          first = lineNumber;
          if (!lines.arrow && holdIndex(b, lines.start, lines.end)) {
            if (fastTiming()) {
              cue();
              continue;
            }
            line = new String(index, 0, indexLength);
          } else {
            line = lines.lineString();
          }
        } else {
          line = next();
          if (line.trim().isEmpty()) continue;
          first = lineNumber;
        }
        if (!timing(line)) {
          // An index line (numeric or not), then the timing line.
          String timing = next();
          if (timing == null) {
            diagnostics.accept(Diagnostic.warning(first, 1, "skipped trailing line without a timing line: '"
                + WebVttParser.abbreviate(line) + "'"));
            return;
          }
          if (!timing(timing)) {
            if (SrtSyntax.looksLikeTiming(timing)) {
              diagnostics.accept(Diagnostic.warning(first, 1, "skipped cue: invalid timing line '"
                  + WebVttParser.abbreviate(timing) + "' (expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm')"));
              skipText();
            } else {
              pushBack(timing, lineNumber);
              skipBlock(line, first);
            }
            continue;
          }
          if (!isIndex(line)) {
            diagnostics.accept(Diagnostic.warning(first, 1, "cue index '" + WebVttParser.abbreviate(line)
                + "' is not a positive number; indexes are renumbered on write"));
          }
        }
        cue();
      }
    }

    /**
     * Skips a block that belongs to no cue (no timing line before it), from {@code firstLine} (already read, at line
     * {@code first}) to the next blank line, or to the next timing line (and the index line before it), with one
     * warning that quotes the block's first line.
     */
    private void skipBlock(String firstLine, int first) throws IOException {
      int count = 1;
      String previous = firstLine;
      int previousLine = first;
      while (true) {
        String l = next();
        if (l == null || l.trim().isEmpty()) break;
        if (SrtSyntax.looksLikeTiming(l)) {
          pushBack(l, lineNumber);
          if (count > 1 && isIndex(previous)) {
            pushBack(previous, previousLine);
            count--;
          } else if (count == 1) {
            pushBack(previous, previousLine); // a non-numeric index: run() reports it and reads the cue
            return;
          }
          break;
        }
        count++;
        previous = l;
        previousLine = lineNumber;
      }
      diagnostics.accept(Diagnostic.warning(first, 1, "skipped " + (count == 1 ? "a line" : count + " lines")
          + " that belong to no cue (no timing line before them): '" + WebVttParser.abbreviate(firstLine) + "'"));
    }

    /** Parses {@code line} as a timing line into {@link #times}, keeping text glued to the end time. */
    private boolean timing(String line) {
      if (!SrtSyntax.looksLikeTiming(line) || !SrtSyntax.parseTiming(line, times)) return false;
      gluedText = times[2] >= 0 ? line.substring((int) times[2]) : null;
      return true;
    }

    private void glued(char[] b, int to) {
      gluedText = times[2] >= 0 ? new String(b, (int) times[2], to - (int) times[2]) : null;
    }

    /** Reads the text of the cue whose timing is in {@link #times} (from line {@link #lineNumber}) and emits it. */
    private void cue() throws IOException {
      int timingLine = lineNumber;
      long startMs = times[0];
      long endMs = times[1];
      readText();
      emit(startMs, endMs, timingLine);
    }

    /**
     * Reads the line after an index line straight from the buffer; true when it is a valid timing line (now in
     * {@link #times}), else the line is left unread.
     */
    private boolean fastTiming() throws IOException {
      if (!lines.next()) return false;
      char[] b = lines.buffer();
      if (SrtSyntax.looksLikeTiming(b, lines.start, lines.end, lines.arrow)
          && SrtSyntax.parseTiming(b, lines.start, lines.end, times)) {
        glued(b, lines.end);
        lineNumber = lines.lineNumber;
        return true;
      }
      lines.unread();
      return false;
    }

    /** Copies {@code b[from, to)} into {@link #index} when it is a cue index short enough to keep there. */
    private boolean holdIndex(char[] b, int from, int to) {
      int n = to - from;
      if (n > index.length || !SrtSyntax.isIndex(b, from, to)) return false;
      System.arraycopy(b, from, index, 0, n);
      indexLength = n;
      return true;
    }

    private void skipText() throws IOException {
      readText();
      dropText();
    }

    /** Forgets the text read by {@link #readText()}, releasing the line buffer's mark. */
    private void dropText() {
      text.setLength(0);
      sliceLength = -1;
      lines.clearMark();
    }

    /** Reads text lines up to the end of the cue, keeping blank lines inside the text out. */
    private void readText() throws IOException {
      dropText();
      if (gluedText != null) {
        text.append(gluedText);
        gluedText = null;
      }
      String line;
      while (true) {
        if (pushedBack.isEmpty()) {
          // Fast path: a text line without "-->" goes straight from the buffer into the text.
          if (!lines.next()) return;
          lineNumber = lines.lineNumber;
          boolean blank = isBlank(lines.buffer(), lines.start, lines.end);
          if (!lines.arrow && !blank && !SrtSyntax.looksLikeTiming(lines.buffer(), lines.start, lines.end, false)) {
            appendCurrentLine();
            continue;
          }
          line = blank ? "" : lines.lineString();
        } else {
          line = next();
        }
        if (!line.isEmpty() && !line.trim().isEmpty()) {
          if (hasText() && SrtSyntax.looksLikeTiming(line) && SrtSyntax.parseTiming(line, times)) {
            // A timing line right after text: the previous cue had no blank line and the next has no index.
            pushBack(line, lineNumber);
            return;
          }
          unslice();
          if (text.length() > 0) text.append('\n');
          checkLength(line.length());
          text.append(line);
          continue;
        }
        // Blank: the cue ends. What follows is the next cue, or a block that belongs to no cue, which run() skips
        // with a warning rather than gluing it onto this cue (as Python's srt does).
        if (pushedBack.isEmpty()) endsBeforeNextCue();
        return;
      }
    }

    /**
     * Adds the current line to the text: by extending the slice when it directly follows the text after an LF, else
     * through {@link #text}.
     */
    private void appendCurrentLine() {
      char[] b = lines.buffer();
      int from = lines.start;
      int to = lines.end;
      if (sliceLength < 0 && text.length() == 0) {
        lines.mark(from);
        sliceLength = to - from;
        return;
      }
      if (sliceLength >= 0) {
        int sliceEnd = lines.markPosition() + sliceLength;
        if (from == sliceEnd + 1 && b[sliceEnd] == '\n' && to - lines.markPosition() <= MAX_SLICE) {
          sliceLength = to - lines.markPosition();
          return;
        }
        unslice();
      }
      text.append('\n');
      checkLength(to - from);
      text.append(b, from, to - from);
    }

    /** A cue's text of millions of characters is no caption: fail with its position, not an OutOfMemoryError. */
    private void checkLength(int more) {
      if (text.length() + more > LineReader.MAX_LINE) {
        throw new CaptionFormatException("a cue's text is longer than " + LineReader.MAX_LINE + " characters; this is"
            + " not a caption file", lineNumber, 1);
      }
    }

    /** Moves the text from the line buffer into {@link #text}. */
    private void unslice() {
      if (sliceLength < 0) return;
      text.append(lines.buffer(), lines.markPosition(), sliceLength);
      sliceLength = -1;
      lines.clearMark();
    }

    private boolean hasText() {
      return sliceLength >= 0 || text.length() > 0;
    }

    /** The cue text read by {@link #readText()}; releases the line buffer's mark. */
    private String takeText() {
      if (sliceLength < 0) return text.toString();
      String t = new String(lines.buffer(), lines.markPosition(), sliceLength);
      sliceLength = -1;
      lines.clearMark();
      return t;
    }

    /**
     * After a blank line, with nothing pushed back: true when the cue ends here because the next non-blank lines are a
     * timing line, or an index line and a timing line (the common case, read without making Strings). Otherwise the
     * reader is left so that {@link #next()} returns the same lines again, and the caller decides.
     */
    private boolean endsBeforeNextCue() throws IOException {
      boolean more;
      while ((more = lines.next()) && isBlank(lines.buffer(), lines.start, lines.end)) {
        // skip the blank lines between cues
      }
      if (!more) return true;
      lineNumber = lines.lineNumber;
      char[] b = lines.buffer();
      if (SrtSyntax.looksLikeTiming(b, lines.start, lines.end, lines.arrow)) {
        lines.unread();
        return true;
      }
      if (lines.arrow || !holdIndex(b, lines.start, lines.end)) {
        lines.unread();
        return false;
      }
      int aLine = lineNumber;
      if (lines.next()) {
        if (SrtSyntax.looksLikeTiming(lines.buffer(), lines.start, lines.end, lines.arrow)) {
          if (SrtSyntax.parseTiming(lines.buffer(), lines.start, lines.end, times)) {
            glued(lines.buffer(), lines.end);
            // The common case: the next cue's index and valid timing, each scanned once.
            pendingTiming = true;
            pendingTimingLine = lines.lineNumber;
            lineNumber = lines.lineNumber;
            return true;
          }
          lines.unread();
          pendingIndex = true;
          indexLine = aLine;
          return true;
        }
        lines.unread();
      }
      pushBack(new String(index, 0, indexLength), aLine);
      return false;
    }

    private void emit(long startMs, long endMs, int timingLine) {
      if (endMs <= startMs) {
        diagnostics.accept(Diagnostic.warning(timingLine, 0, "dropped cue: its end (" + endMs
            + " ms) is not after its start (" + startMs + " ms)"));
        dropText();
        return;
      }
      String t = takeText();
      CueSettings settings = CueSettings.DEFAULT;
      int an = t.indexOf("{\\an");
      if (an >= 0 && an + 5 < t.length() && t.charAt(an + 5) == '}'
          && t.charAt(an + 4) >= '1' && t.charAt(an + 4) <= '9') {
        settings = SrtPositions.fromAn(t.charAt(an + 4) - '0');
        t = t.substring(0, an) + t.substring(an + 6);
      }
      cues.accept(Cue.builder().startMs(startMs).endMs(endMs).text(t).settings(settings).build());
    }

    private static boolean isBlank(char[] b, int from, int to) {
      for (int i = from; i < to; i++) {
        if (b[i] > ' ') return false;
      }
      return true;
    }

    private static boolean isIndex(String s) {
      String t = s.trim();
      if (t.isEmpty()) return false;
      for (int i = 0; i < t.length(); i++) {
        if (t.charAt(i) < '0' || t.charAt(i) > '9') return false;
      }
      return true;
    }
  }
}
