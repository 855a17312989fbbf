package dev.captions.webvtt;

import dev.captions.codec.Diagnostic;
import dev.captions.webvtt.internal.LineReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict SRT checks for {@code captions validate}: every block is an index counting up from 1, a timing line
 * {@code HH:MM:SS,mmm --> HH:MM:SS,mmm} with the end after the start, and at least one text line; blocks are separated
 * by one blank line. Each violation is an ERROR {@link Diagnostic} with line and column. Never throws for content.
 * Thread-safe (stateless).
 */
public final class SrtValidator {
  private SrtValidator() {}

  public static SrtValidator create() {
    return new SrtValidator();
  }

  public List<Diagnostic> validate(Reader in) throws IOException {
    List<Diagnostic> out = new ArrayList<>();
    LineReader lines = new LineReader(in);
    List<String> block = new ArrayList<>();
    int blockStart = 0;
    int expectedIndex = 1;
    int blanks = 0;
    while (lines.next()) {
      String line = lines.lineString();
      if (line.isEmpty()) {
        blanks++;
        if (blanks == 2) out.add(Diagnostic.error(lines.lineNumber, 1, "more than one blank line between cues"));
        if (!block.isEmpty()) expectedIndex = block(block, blockStart, expectedIndex, out);
        block.clear();
      } else {
        blanks = 0;
        if (block.isEmpty()) blockStart = lines.lineNumber;
        block.add(line);
      }
      if (lines.endedAtEof) break;
    }
    if (!block.isEmpty()) block(block, blockStart, expectedIndex, out);
    return out;
  }

  private static int block(List<String> block, int first, int expectedIndex, List<Diagnostic> out) {
    String index = block.get(0);
    if (!index.equals(Integer.toString(expectedIndex))) {
      out.add(Diagnostic.error(first, 1, "expected cue index " + expectedIndex + ", found '"
          + WebVttParser.abbreviate(index) + "'"));
    }
    if (block.size() < 2) {
      out.add(Diagnostic.error(first, 1, "expected a timing line 'HH:MM:SS,mmm --> HH:MM:SS,mmm' after the index"));
      return expectedIndex + 1;
    }
    String t = block.get(1);
    int line = first + 1;
    long start = strictTime(t, 0);
    if (start < 0) {
      out.add(Diagnostic.error(line, 1, "invalid start time (expected HH:MM:SS,mmm)"));
    } else if (!t.startsWith(" --> ", 12)) {
      out.add(Diagnostic.error(line, 13, "expected ' --> ' after the start time"));
    } else {
      long end = strictTime(t, 17);
      if (end < 0 || t.length() != 29) {
        out.add(Diagnostic.error(line, 18, "invalid end time (expected HH:MM:SS,mmm and nothing after it)"));
      } else if (end <= start) {
        out.add(Diagnostic.error(line, 18, "the end time must be after the start time"));
      }
    }
    if (block.size() < 3) out.add(Diagnostic.error(first + 1, 1, "a cue needs at least one line of text"));
    return expectedIndex + 1;
  }

  /** {@code HH:MM:SS,mmm} at {@code at}, or -1. */
  private static long strictTime(String s, int at) {
    if (s.length() < at + 12) return -1;
    int[] digits = {0, 1, 3, 4, 6, 7, 9, 10, 11};
    for (int d : digits) {
      char c = s.charAt(at + d);
      if (c < '0' || c > '9') return -1;
    }
    if (s.charAt(at + 2) != ':' || s.charAt(at + 5) != ':' || s.charAt(at + 8) != ',') return -1;
    int h = num(s, at, 2);
    int m = num(s, at + 3, 2);
    int sec = num(s, at + 6, 2);
    int ms = num(s, at + 9, 3);
    if (m > 59 || sec > 59) return -1;
    return h * 3_600_000L + m * 60_000L + sec * 1000L + ms;
  }

  private static int num(String s, int at, int len) {
    int v = 0;
    for (int i = 0; i < len; i++) v = v * 10 + (s.charAt(at + i) - '0');
    return v;
  }
}
