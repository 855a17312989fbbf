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

  public static SrtReader create() {
    return new SrtReader();
  }

  public ParseResult read(Reader in) throws IOException {
    List<Cue> cues = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    stream(in, cues::add, diagnostics::add);
    return ParseResult.of(CaptionTrack.builder().cues(cues).build(), diagnostics);
  }

  /** Reads UTF-8 (BOM optional) or UTF-16 with BOM. */
  public ParseResult read(InputStream in) throws IOException {
    return read(Readers.utf8OrBom(in));
  }

  /** Streams from bytes: UTF-8 (BOM optional) or UTF-16 with BOM. */
  public void stream(InputStream in, Consumer<Cue> cues, Consumer<Diagnostic> diagnostics) throws IOException {
    stream(Readers.utf8OrBom(in), cues, diagnostics);
  }

  /** Streams cues to {@code cues} as they are read; memory stays flat. */
  public void stream(Reader in, Consumer<Cue> cues, Consumer<Diagnostic> diagnostics) throws IOException {
    try {
      new Session(in, cues, diagnostics).run();
    } catch (IOException e) {
      throw e;
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
    private final long[] times = new long[2];
    private final StringBuilder text = new StringBuilder(128);
    private int lineNumber;

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
      String line;
      while ((line = next()) != null) {
        if (line.trim().isEmpty()) continue;
        int first = lineNumber;
        if (!SrtSyntax.looksLikeTiming(line) || !SrtSyntax.parseTiming(line, times)) {
          // An index line (numeric or not), then the timing line.
          String timing = next();
          if (timing == null) {
            diagnostics.accept(Diagnostic.warning(first, 1, "skipped trailing line without a timing line: '"
                + WebVttParser.abbreviate(line) + "'"));
            return;
          }
          if (!SrtSyntax.looksLikeTiming(timing) || !SrtSyntax.parseTiming(timing, times)) {
            diagnostics.accept(Diagnostic.warning(first, 1, SrtSyntax.looksLikeTiming(timing)
                ? "skipped cue: invalid timing line '" + WebVttParser.abbreviate(timing) + "' (expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm')"
                : "skipped line that is neither a cue index nor a timing line: '" + WebVttParser.abbreviate(line) + "'"));
            if (!SrtSyntax.looksLikeTiming(timing)) pushBack(timing, lineNumber);
            else skipText();
            continue;
          }
          if (!isIndex(line)) {
            diagnostics.accept(Diagnostic.warning(first, 1, "cue index '" + WebVttParser.abbreviate(line)
                + "' is not a positive number; indexes are renumbered on write"));
          }
        }
        int timingLine = lineNumber;
        long startMs = times[0];
        long endMs = times[1];
        readText();
        emit(startMs, endMs, timingLine);
      }
    }

    private void skipText() throws IOException {
      readText();
    }

    /** Reads text lines up to the end of the cue, keeping blank lines inside the text out. */
    private void readText() throws IOException {
      text.setLength(0);
      String line;
      while (true) {
        if (pushedBack.isEmpty()) {
          // Fast path: a text line without "-->" goes straight from the buffer into the text.
          if (!lines.next()) return;
          lineNumber = lines.lineNumber;
          if (!lines.arrow && !isBlank(lines.buffer(), lines.start, lines.end)) {
            if (text.length() > 0) text.append('\n');
            text.append(lines.buffer(), lines.start, lines.end - lines.start);
            continue;
          }
          line = lines.lineString();
        } else {
          line = next();
        }
        if (!line.isEmpty() && !line.trim().isEmpty()) {
          if (text.length() > 0 && SrtSyntax.looksLikeTiming(line) && SrtSyntax.parseTiming(line, times)) {
            // A timing line right after text: the previous cue had no blank line and the next has no index.
            pushBack(line, lineNumber);
            return;
          }
          if (text.length() > 0) text.append('\n');
          text.append(line);
          continue;
        }
        // Blank: the cue ends unless what follows is more text (a blank line inside the text).
        int blankAt = lineNumber;
        String a = next();
        while (a != null && a.trim().isEmpty()) a = next();
        if (a == null) return;
        int aLine = lineNumber;
        if (SrtSyntax.looksLikeTiming(a)) {
          pushBack(a, aLine);
          return;
        }
        String b = next();
        int bLine = lineNumber;
        if (b == null || SrtSyntax.looksLikeTiming(b)) {
          if (b != null) pushBack(b, bLine);
          pushBack(a, aLine);
          return;
        }
        diagnostics.accept(Diagnostic.warning(blankAt, 1, "dropped a blank line inside the cue text"));
        pushBack(b, bLine);
        pushBack(a, aLine);
      }
    }

    private void emit(long startMs, long endMs, int timingLine) {
      if (endMs <= startMs) {
        diagnostics.accept(Diagnostic.warning(timingLine, 0, "dropped cue: its end (" + endMs
            + " ms) is not after its start (" + startMs + " ms)"));
        return;
      }
      String t = text.toString();
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
