package dev.captions.webvtt;

import dev.captions.codec.Diagnostic;
import dev.captions.webvtt.internal.LineReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict SRT checks for {@code captions validate}: every block is an index counting up from 1, a timing line
 * {@code HH:MM:SS,mmm --> HH:MM:SS,mmm} with the end after the start (hours of 100 or more take more digits, as
 * {@link SrtWriter} writes them: {@code 100:00:00,000}), and at least one text line; blocks are separated by one blank
 * line; no line holds only whitespace (players read it as a blank line, which ends the cue). Each violation is an ERROR {@link Diagnostic} with line and column. Never throws for content.
 * Thread-safe (stateless).
 */
public final class SrtValidator {
  private SrtValidator() {}

  /**
   * A strict SRT validator. Thread-safe; reuse it.
   *
   * @return the validator
   */
  public static SrtValidator create() {
    return new SrtValidator();
  }

  /**
   * Every violation of the SRT rules, with line and column, in input order. Never throws on bad content.
   *
   * @param in the text to check; read to the end, not closed
   * @return the problems found; empty when the file is valid
   * @throws IOException when reading {@code in} fails
   */
  public List<Diagnostic> validate(Reader in) throws IOException {
    List<Diagnostic> out = new ArrayList<>();
    LineReader lines = new LineReader(in);
    List<String> block = new ArrayList<>();
    int blockStart = 0;
    int expectedIndex = 1;
    int blanks = 0;
    while (lines.next()) {
      String line = lines.lineString();
      boolean whitespaceOnly = !line.isEmpty() && isWhitespace(line);
      if (whitespaceOnly) {
        out.add(Diagnostic.error(lines.lineNumber, 1,
            "line of only whitespace: players read it as a blank line; make it empty or remove it"));
      }
      if (whitespaceOnly && block.isEmpty()) {
        // Between cues it is a separator that is not quite empty: reported above, nothing more to check.
      } else if (line.isEmpty()) {
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
    long[] time = new long[1];
    int startEnd = strictTime(t, 0, time);
    long start = time[0];
    if (startEnd < 0) {
      out.add(Diagnostic.error(line, 1, "invalid start time (expected HH:MM:SS,mmm)"));
    } else if (!t.startsWith(" --> ", startEnd)) {
      out.add(Diagnostic.error(line, startEnd + 1, "expected ' --> ' after the start time"));
    } else {
      int endEnd = strictTime(t, startEnd + 5, time);
      if (endEnd < 0 || endEnd != t.length()) {
        out.add(Diagnostic.error(line, startEnd + 6, "invalid end time (expected HH:MM:SS,mmm and nothing after it)"));
      } else if (time[0] <= start) {
        out.add(Diagnostic.error(line, startEnd + 6, "the end time must be after the start time"));
      }
    }
    if (block.size() < 3) out.add(Diagnostic.error(first + 1, 1, "a cue needs at least one line of text"));
    return expectedIndex + 1;
  }

  /** Most hour digits accepted: more could overflow a {@code long} of milliseconds. */
  private static final int MAX_HOUR_DIGITS = 12;

  /**
   * Parses {@code HH:MM:SS,mmm} at {@code at} into {@code ms[0]}; returns the index after it, or -1. Hours have two
   * digits, or more without a leading zero (100 h and over), which is what {@link SrtWriter} writes.
   */
  private static int strictTime(String s, int at, long[] ms) {
    int h = at;
    while (h < s.length() && s.charAt(h) >= '0' && s.charAt(h) <= '9') h++;
    int hourDigits = h - at;
    if (hourDigits < 2 || hourDigits > MAX_HOUR_DIGITS || (hourDigits > 2 && s.charAt(at) == '0')) return -1;
    if (s.length() < h + 10) return -1;
    int[] digits = {1, 2, 4, 5, 7, 8, 9};
    for (int d : digits) {
      char c = s.charAt(h + d);
      if (c < '0' || c > '9') return -1;
    }
    if (s.charAt(h) != ':' || s.charAt(h + 3) != ':' || s.charAt(h + 6) != ',') return -1;
    long hours = Long.parseLong(s.substring(at, h));
    int m = num(s, h + 1, 2);
    int sec = num(s, h + 4, 2);
    int milli = num(s, h + 7, 3);
    if (m > 59 || sec > 59) return -1;
    ms[0] = hours * 3_600_000L + m * 60_000L + sec * 1000L + milli;
    return h + 10;
  }

  /** Not {@code String.isBlank()}: Android API 26 lacks it. */
  private static boolean isWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i))) return false;
    }
    return true;
  }

  private static int num(String s, int at, int len) {
    int v = 0;
    for (int i = 0; i < len; i++) v = v * 10 + (s.charAt(at + i) - '0');
    return v;
  }
}
