package dev.captions.webvtt;

import dev.captions.CaptionFormatException;
import dev.captions.codec.Diagnostic;
import dev.captions.model.CueSettings;
import dev.captions.webvtt.internal.LineReader;
import dev.captions.webvtt.internal.VttSyntax;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * The low-level WebVTT parser: the W3C "WebVTT parser algorithm" (browser mode), pushing what it finds to a
 * {@link Handler} as it goes, so memory stays flat whatever the file size. Nothing is thrown for bad content; skipped
 * blocks and ignored settings are reported as {@link Diagnostic} warnings. Only a missing or broken {@code WEBVTT}
 * signature throws {@link CaptionFormatException}.
 *
 * <p>Decoding is the caller's job (give a UTF-8 reader); a leading BOM and NUL characters are handled here.
 *
 * <p>Not thread-safe; create one per parse (cheap).
 */
public final class WebVttParser {
  /** Receives the parts of a file in order. Every method has an empty default. */
  public interface Handler {
    /**
     * The text after {@code WEBVTT} on the signature line ({@code signature}) and the header block lines, if any.
     *
     * @param signature the signature line's text after {@code WEBVTT}, {@code ""} for none
     * @param headerLines the header block's lines
     */
    default void header(String signature, List<String> headerLines) {}

    /**
     * A {@code REGION} block, parsed.
     *
     * @param region the region
     */
    default void region(VttRegion region) {}

    /**
     * The body of a {@code STYLE} block, verbatim.
     *
     * @param css the block's body
     * @param lineNumber the 1-based line of the {@code STYLE} keyword
     */
    default void style(String css, int lineNumber) {}

    /**
     * The body of a {@code NOTE} block, without the keyword and the one space, tab or line break after it.
     *
     * @param text the note's body
     * @param lineNumber the 1-based line of the {@code NOTE} keyword
     */
    default void note(String text, int lineNumber) {}

    /**
     * A cue block, parsed.
     *
     * @param cue the cue
     */
    default void cue(VttCue cue) {}

    /**
     * A problem found, with its line and column.
     *
     * @param diagnostic the problem
     */
    default void diagnostic(Diagnostic diagnostic) {}
  }

  private final LineReader lines;
  private final Handler handler;
  private final StringBuilder buffer = new StringBuilder(256);
  private final List<VttRegion> regions = new ArrayList<>();
  private final int[] cursor = new int[1];
  private boolean seenCue;

  private WebVttParser(Reader in, Handler handler) {
    this.lines = new LineReader(in);
    this.handler = handler;
  }

  /**
   * Parses the whole input, pushing to {@code handler}. Blocks until the reader is exhausted; does not close it.
   *
   * @param in the text to parse
   * @param handler receives the parts in input order, on this thread
   * @throws CaptionFormatException when the input does not start with a valid {@code WEBVTT} signature
   * @throws IOException from the reader
   */
  public static void parse(Reader in, Handler handler) throws IOException {
    new WebVttParser(in, handler).run();
  }

  /**
   * Parses into a list of raw cues; the conformance layer.
   *
   * @param in the text to parse; read to the end, not closed
   * @return the cues in input order
   * @throws IOException when reading {@code in} fails
   */
  public static List<VttCue> parseCues(Reader in) throws IOException {
    List<VttCue> cues = new ArrayList<>();
    parse(in, new Handler() {
      @Override
      public void cue(VttCue cue) {
        cues.add(cue);
      }
    });
    return cues;
  }

  private void run() throws IOException {
    if (!lines.next()) throw new CaptionFormatException("empty file; a WebVTT file starts with the line 'WEBVTT'", 1, 1);
    char[] b = lines.buffer();
    int s = lines.start;
    int len = lines.end - s;
    String expected = "WEBVTT";
    for (int i = 0; i < 6; i++) {
      if (i >= len || b[s + i] != expected.charAt(i)) {
        throw new CaptionFormatException("missing WEBVTT signature; the first line must be 'WEBVTT', optionally followed "
            + "by a space or tab and header text (found '" + abbreviate(lines.lineString()) + "')", 1, i + 1);
      }
    }
    if (len > 6 && b[s + 6] != ' ' && b[s + 6] != '\t') {
      throw new CaptionFormatException("'WEBVTT' must be followed by a space, tab or line break, not '" + b[s + 6] + "'", 1, 7);
    }
    String signature = len > 7 ? new String(b, s + 7, len - 7) : "";
    if (lines.endedAtEof) {
      handler.header(signature, List.of());
      return;
    }
    List<String> headerLines = new ArrayList<>(0);
    // The header block: lines up to the first blank line or the first line holding "-->".
    while (lines.next()) {
      if (lines.end == lines.start) break;
      if (lines.arrow) {
        lines.unread();
        break;
      }
      headerLines.add(lines.lineString());
      if (lines.endedAtEof) break;
    }
    handler.header(signature, headerLines);
    while (skipBlankLines()) collectBlock();
  }

  private boolean skipBlankLines() throws IOException {
    return lines.skipLineTerminators();
  }

  private static final int NONE = 0;
  private static final int CUE = 1;
  private static final int STYLE = 2;
  private static final int REGION = 3;

  /** The spec's "collect a WebVTT block" (not in header). */
  private void collectBlock() throws IOException {
    StringBuilder buf = buffer;
    buf.setLength(0);
    int lineCount = 0;
    boolean seenArrow = false;
    int kind = NONE;
    boolean cueFailed = false;
    String cueId = null;
    long startMs = 0;
    long endMs = 0;
    CueSettings settings = CueSettings.DEFAULT;
    VttRegion cueRegion = null;
    int blockLine = lines.lineNumber + 1;
    int timingLine = 0;
    while (lines.next()) {
      lineCount++;
      char[] b = lines.buffer();
      int ls = lines.start;
      int le = lines.end;
      if (lines.arrow) {
        if (lineCount == 1 || (lineCount == 2 && !seenArrow)) {
          seenArrow = true;
          timingLine = lines.lineNumber;
          cueId = buf.length() == 0 ? "" : buf.toString();
          buf.setLength(0);
          kind = CUE;
          cursor[0] = ls;
          startMs = parseTimings(b, le);
          if (startMs == VttSyntax.NO_TIME) {
            cueFailed = true;
          } else {
            seenCue = true; // only a cue whose timings parse counts (so a STYLE block after a broken one is kept)
            endMs = lastEnd;
            int restFrom = cursor[0];
            if (restFrom < le) {
              settings = parseSettings(new String(b, restFrom, le - restFrom), timingLine);
              cueRegion = lastRegion;
            }
          }
        } else {
          lines.unread();
          break;
        }
      } else if (le == ls) {
        break;
      } else {
        if (lineCount == 2 && kind == NONE && !seenCue) {
          if (startsWithKeyword(buf, "STYLE")) {
            kind = STYLE;
            buf.setLength(0);
          } else if (startsWithKeyword(buf, "REGION")) {
            kind = REGION;
            buf.setLength(0);
          }
        }
        if (buf.length() > 0) buf.append('\n');
        if (buf.length() + (le - ls) > LineReader.MAX_LINE) {
          throw new dev.captions.CaptionFormatException("a cue's text is longer than " + LineReader.MAX_LINE
              + " characters; this is not a caption file", lines.lineNumber, 1);
        }
        buf.ensureCapacity(buf.length() + (le - ls)); // a long line: one allocation, not a series of doublings
        buf.append(b, ls, le - ls);
      }
      if (lines.endedAtEof) break;
    }
    switch (kind) {
      case CUE:
        if (cueFailed) {
          handler.diagnostic(Diagnostic.warning(timingLine, 1, "skipped cue: " + timingError));
        } else {
          handler.cue(new VttCue(cueId, startMs, endMs, buf.toString(), settings, cueRegion, timingLine));
        }
        break;
      case STYLE:
        handler.style(buf.toString(), blockLine);
        break;
      case REGION:
        VttRegion region = parseRegion(buf.toString(), blockLine);
        regions.removeIf(r -> r.id.equals(region.id));
        regions.add(region);
        handler.region(region);
        break;
      default:
        if (startsWithKeyword(buf, "NOTE")) {
          handler.note(buf.length() > 4 ? buf.substring(5) : "", blockLine);
        } else if (startsWithKeyword(buf, "STYLE") || startsWithKeyword(buf, "REGION")) {
          if (seenCue) {
            handler.diagnostic(Diagnostic.warning(blockLine, 1, "ignored " + (buf.charAt(0) == 'S' ? "STYLE" : "REGION")
                + " block after the first cue; move it before the cues"));
          }
        } else if (buf.length() > 0) {
          handler.diagnostic(Diagnostic.warning(blockLine, 1, "skipped block without a '-->' timing line: '"
              + abbreviate(buf.toString()) + "'"));
        }
    }
  }

  private long lastEnd;
  private VttRegion lastRegion;
  private String timingError;

  /** "Collect WebVTT cue timings and settings": returns the start (or NO_TIME), sets lastEnd and cursor[0] to the rest. */
  private long parseTimings(char[] b, int end) {
    int p = cursor[0];
    while (p < end && VttSyntax.isAsciiWhitespace(b[p])) p++;
    cursor[0] = p;
    long start = VttSyntax.scanTimestamp(b, cursor, end);
    if (start == VttSyntax.NO_TIME) {
      timingError = "invalid start timestamp at col " + (p - lines.start + 1) + " (expected [hh:]mm:ss.ttt)";
      return VttSyntax.NO_TIME;
    }
    p = cursor[0];
    while (p < end && VttSyntax.isAsciiWhitespace(b[p])) p++;
    if (p + 2 >= end || b[p] != '-' || b[p + 1] != '-' || b[p + 2] != '>') {
      timingError = "expected '-->' after the start timestamp at col " + (p - lines.start + 1);
      return VttSyntax.NO_TIME;
    }
    p += 3;
    while (p < end && VttSyntax.isAsciiWhitespace(b[p])) p++;
    cursor[0] = p;
    long endMs = VttSyntax.scanTimestamp(b, cursor, end);
    if (endMs == VttSyntax.NO_TIME) {
      timingError = "invalid end timestamp at col " + (p - lines.start + 1) + " (expected [hh:]mm:ss.ttt)";
      return VttSyntax.NO_TIME;
    }
    lastEnd = endMs;
    return start;
  }

  /** "Parse the WebVTT cue settings". Sets lastRegion. */
  private CueSettings parseSettings(String input, int lineNumber) {
    lastRegion = null;
    if (input.isEmpty()) return CueSettings.DEFAULT; // most cues: no builder at all
    CueSettings.Builder s = CueSettings.builder();
    forEachSetting(input, lineNumber, "cue", (name, value) -> applySetting(s, name, value));
    CueSettings settings = s.build();
    // The spec's last step: a vertical cue, or one with its own line or size, is not shown in a region.
    if (lastRegion != null && (settings.vertical() != CueSettings.Vertical.HORIZONTAL || settings.line().isPresent()
        || settings.size() != 100)) {
      handler.diagnostic(Diagnostic.warning(lineNumber, 0, "region '" + abbreviate(lastRegion.id) + "' ignored: a cue "
          + "with a vertical, line or size setting is not shown in a region"));
      lastRegion = null;
    }
    return lastRegion == null ? settings : settings.toBuilder().region(lastRegion.id).build();
  }

  /**
   * Splits a settings line on ASCII white space into {@code name:value} tokens, as both the cue-settings and the
   * region-settings algorithms do; a token without a name or a value, or one {@code apply} rejects, is skipped with a
   * warning.
   */
  private void forEachSetting(String input, int lineNumber, String kind, BiPredicate<String, String> apply) {
    int n = input.length();
    int i = 0;
    while (i < n) {
      while (i < n && VttSyntax.isAsciiWhitespace(input.charAt(i))) i++;
      int from = i;
      while (i < n && !VttSyntax.isAsciiWhitespace(input.charAt(i))) i++;
      if (from == i) break;
      String token = input.substring(from, i);
      int colon = token.indexOf(':');
      boolean ok = colon > 0 && colon < token.length() - 1
          && apply.test(token.substring(0, colon), token.substring(colon + 1));
      if (!ok) {
        handler.diagnostic(Diagnostic.warning(lineNumber, 0,
            "ignored invalid " + kind + " setting '" + abbreviate(token) + "'"));
      }
    }
  }

  private boolean applySetting(CueSettings.Builder s, String name, String value) {
    switch (name) {
      case "region": {
        VttRegion found = null;
        for (int r = regions.size() - 1; r >= 0; r--) {
          if (regions.get(r).id.equals(value)) {
            found = regions.get(r);
            break;
          }
        }
        lastRegion = found;
        return found != null;
      }
      case "vertical":
        if (value.equals("rl")) {
          s.vertical(CueSettings.Vertical.RL);
        } else if (value.equals("lr")) {
          s.vertical(CueSettings.Vertical.LR);
        } else {
          return false;
        }
        return true;
      case "line": {
        int comma = value.indexOf(',');
        String linePos = comma >= 0 ? value.substring(0, comma) : value;
        String lineAlign = comma >= 0 ? value.substring(comma + 1) : null;
        boolean percent = linePos.endsWith("%");
        double number = percent ? VttSyntax.parsePercentage(linePos) : VttSyntax.parseLineNumber(linePos);
        if (Double.isNaN(number)) return false;
        CueSettings.Anchor align = null;
        if (lineAlign != null) {
          align = lineAnchor(lineAlign);
          if (align == null) return false;
        }
        if (align != null) s.lineAlign(align);
        s.line(number);
        s.snapToLines(!percent);
        return true;
      }
      case "position": {
        int comma = value.indexOf(',');
        String colPos = comma >= 0 ? value.substring(0, comma) : value;
        String colAlign = comma >= 0 ? value.substring(comma + 1) : null;
        double number = VttSyntax.parsePercentage(colPos);
        if (Double.isNaN(number)) return false;
        CueSettings.Anchor align = null;
        if (colAlign != null) {
          switch (colAlign) {
            case "line-left":
              align = CueSettings.Anchor.LINE_LEFT;
              break;
            case "center":
              align = CueSettings.Anchor.CENTER;
              break;
            case "line-right":
              align = CueSettings.Anchor.LINE_RIGHT;
              break;
            default:
              return false;
          }
        }
        if (align != null) s.positionAlign(align);
        s.position(number);
        return true;
      }
      case "size": {
        double number = VttSyntax.parsePercentage(value);
        if (Double.isNaN(number)) return false;
        s.size(number);
        return true;
      }
      case "align":
        switch (value) {
          case "start":
            s.align(CueSettings.Align.START);
            return true;
          case "center":
            s.align(CueSettings.Align.CENTER);
            return true;
          case "end":
            s.align(CueSettings.Align.END);
            return true;
          case "left":
            s.align(CueSettings.Align.LEFT);
            return true;
          case "right":
            s.align(CueSettings.Align.RIGHT);
            return true;
          default:
            return false;
        }
      default:
        return false;
    }
  }

  private static CueSettings.Anchor lineAnchor(String v) {
    switch (v) {
      case "start":
        return CueSettings.Anchor.START;
      case "center":
        return CueSettings.Anchor.CENTER;
      case "end":
        return CueSettings.Anchor.END;
      default:
        return null;
    }
  }

  /** "Collect WebVTT region settings". */
  private VttRegion parseRegion(String input, int lineNumber) {
    VttRegion r = new VttRegion();
    r.lineNumber = lineNumber;
    forEachSetting(input, lineNumber, "region", (name, value) -> applyRegionSetting(r, name, value));
    return r;
  }

  private static boolean applyRegionSetting(VttRegion r, String name, String value) {
    switch (name) {
      case "id":
        r.id = value;
        return true;
      case "width": {
        double v = VttSyntax.parsePercentage(value);
        if (Double.isNaN(v)) return false;
        r.width = v;
        return true;
      }
      case "lines":
        for (int k = 0; k < value.length(); k++) {
          if (!VttSyntax.isDigit(value.charAt(k))) return false;
        }
        r.lines = Double.parseDouble(value);
        return true;
      case "regionanchor":
      case "viewportanchor": {
        int comma = value.indexOf(',');
        if (comma < 0) return false;
        double x = VttSyntax.parsePercentage(value.substring(0, comma));
        double y = VttSyntax.parsePercentage(value.substring(comma + 1));
        if (Double.isNaN(x) || Double.isNaN(y)) return false;
        if (name.charAt(0) == 'r') {
          r.regionAnchorX = x;
          r.regionAnchorY = y;
        } else {
          r.viewportAnchorX = x;
          r.viewportAnchorY = y;
        }
        return true;
      }
      case "scroll":
        if (!value.equals("up")) return false;
        r.scrollUp = true;
        return true;
      default:
        return false;
    }
  }

  /** {@code keyword} followed by nothing but ASCII whitespace (STYLE, REGION) or by whitespace and text (NOTE). */
  private static boolean startsWithKeyword(CharSequence buf, String keyword) {
    int k = keyword.length();
    if (buf.length() < k) return false;
    for (int i = 0; i < k; i++) {
      if (buf.charAt(i) != keyword.charAt(i)) return false;
    }
    if (keyword.equals("NOTE")) {
      return buf.length() == k || buf.charAt(k) == ' ' || buf.charAt(k) == '\t' || buf.charAt(k) == '\n';
    }
    // STYLE and REGION: the block's first line is the keyword and optional white space.
    for (int i = k; i < buf.length() && buf.charAt(i) != '\n'; i++) {
      if (!VttSyntax.isAsciiWhitespace(buf.charAt(i))) return false;
    }
    return true;
  }

  static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
