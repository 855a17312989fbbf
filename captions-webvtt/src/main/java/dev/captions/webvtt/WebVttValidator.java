package dev.captions.webvtt;

import dev.captions.codec.Diagnostic;
import dev.captions.webvtt.internal.LineReader;
import dev.captions.webvtt.internal.VttSyntax;
import java.io.IOException;
import java.io.Reader;
import dev.captions.webvtt.internal.Entities;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Strict mode: checks a file against the WebVTT syntax (the authoring rules, stricter than what players accept) and
 * reports every violation as a {@link Diagnostic.Severity#ERROR} with line, column and the rule broken, e.g.
 * {@code "line 7, col 14: expected '-->' after the start timestamp"}. Header lines other than the
 * {@code Kind:} and {@code Language:} lines {@link WebVttWriter} writes, which players skip, are the one
 * {@link Diagnostic.Severity#WARNING}. Never throws for content; a file is valid when
 * it gives no error.
 *
 * <p>Cue payloads are checked against the cue text syntax: references as HTML allows them in text (a known name or a
 * number naming an allowed character, ending in {@code ;}); tags known, properly nested and closed; annotations on
 * {@code <v>} and {@code <lang>} only, and required there; {@code <rt>} directly inside {@code <ruby>}; timestamp tags
 * strictly inside the cue and increasing. {@code >} is ordinary text.
 *
 * <p>Streams: memory grows with the longest block, not the file. Thread-safe (stateless).
 */
public final class WebVttValidator {
  /** {@code Kind: captions|subtitles|descriptions|chapters|metadata} or {@code Language: <BCP-47 tag>}. */
  private static boolean isTrackHeader(String line) {
    if (line.startsWith("Kind:")) {
      return line.substring(5).trim().matches("captions|subtitles|descriptions|chapters|metadata");
    }
    return line.startsWith("Language:") && DefaultCaptionTrackLanguages.isTag(line.substring(9).trim());
  }

  static final String HOURS_RULE = "hours must have at least two digits (write 01:00:00.000, not 1:00:00.000)";

  private WebVttValidator() {}

  /** {@code b[from, to)} is a timestamp {@link VttSyntax#scanTimestamp} accepted; the syntax wants 2+ hour digits. */
  static boolean hasTwoDigitHours(char[] b, int from, int to) {
    int colons = 0;
    for (int i = from; i < to; i++) {
      if (b[i] == ':') colons++;
    }
    if (colons < 2) return true;
    int digits = 0;
    while (from + digits < to && VttSyntax.isDigit(b[from + digits])) digits++;
    return digits >= 2;
  }

  /**
   * A strict validator of the WebVTT syntax rules. Thread-safe; reuse it.
   *
   * @return the validator
   */
  public static WebVttValidator create() {
    return new WebVttValidator();
  }

  /**
   * {@return all violations, in input order}
   *
   * @param in the text to check; read to the end, not closed
   * @throws IOException when reading {@code in} fails
   */
  public List<Diagnostic> validate(Reader in) throws IOException {
    List<Diagnostic> out = new ArrayList<>();
    validate(in, out::add);
    return out;
  }

  /**
   * Streams every violation to {@code out}, in input order; memory stays flat. Never throws on bad content.
   *
   * @param in the text to check; read to the end, not closed
   * @param out receives each problem as it is found
   * @throws IOException when reading {@code in} fails
   */
  public void validate(Reader in, Consumer<Diagnostic> out) throws IOException {
    new Run(in, out).run();
  }

  private static final class Run {
    private final LineReader lines;
    private final Consumer<Diagnostic> out;
    private final Set<String> regionIds = new HashSet<>();
    private final Set<String> cueIds = new HashSet<>();
    private boolean seenCue;
    private long lastStartMs = -1;

    Run(Reader in, Consumer<Diagnostic> out) {
      this.lines = new LineReader(in);
      this.out = out;
    }

    private void error(int col, String message) {
      out.accept(Diagnostic.error(lines.lineNumber, col, message));
    }

    private void errorAt(int line, int col, String message) {
      out.accept(Diagnostic.error(line, col, message));
    }

    void run() throws IOException {
      if (!lines.next()) {
        errorAt(1, 1, "empty file; the first line must be 'WEBVTT'");
        return;
      }
      String sig = lines.lineString();
      if (!sig.startsWith("WEBVTT")) {
        error(1, "the first line must start with 'WEBVTT'");
        return;
      }
      if (sig.length() > 6) {
        char c = sig.charAt(6);
        if (c != ' ' && c != '\t') error(7, "'WEBVTT' must be followed by a space, tab or line break");
        int arrow = sig.indexOf("-->");
        if (arrow >= 0) error(arrow + 1, "the WEBVTT line must not contain '-->'");
      }
      if (lines.endedAtEof) return;
      if (!lines.next()) return;
      List<String> block = new ArrayList<>();
      int blockStart = 0;
      if (lines.end != lines.start) {
        boolean warned = false;
        while (true) {
          String line = lines.lineString();
          if (line.contains("-->")) {
            // The syntax wants a blank line after the header; parsers end the header at a timing line and read the
            // cue anyway, so check the rest as a cue.
            error(1, "a blank line must separate the 'WEBVTT' header from the first cue");
            blockStart = lines.lineNumber;
            block.add(line);
            break;
          }
          // "Kind: <kind>" and "Language: <BCP-47 tag>" are the metadata headers WebVttWriter emits (as YouTube and HLS
          // packagers do; the reader reads them, players skip them): accepted, so the writer's own files validate
          // clean. Any other header line is not part of the current syntax: a warning, once.
          if (!warned && !isTrackHeader(line)) {
            out.accept(Diagnostic.warning(lines.lineNumber, 1, "header lines after 'WEBVTT' (other than 'Kind:' and "
                + "'Language:') are not part of the current WebVTT syntax; players ignore them"));
            warned = true;
          }
          if (lines.endedAtEof || !lines.next() || lines.end == lines.start) break;
        }
        if (lines.endedAtEof) {
          if (!block.isEmpty()) block(block, blockStart);
          return;
        }
      }
      while (lines.next()) {
        if (lines.end == lines.start) {
          if (!block.isEmpty()) block(block, blockStart);
          block.clear();
        } else {
          if (block.isEmpty()) blockStart = lines.lineNumber;
          block.add(lines.lineString());
        }
        if (lines.endedAtEof) break;
      }
      if (!block.isEmpty()) block(block, blockStart);
    }

    private void block(List<String> block, int first) {
      String head = block.get(0);
      if (head.equals("NOTE") || head.startsWith("NOTE ") || head.startsWith("NOTE\t")) {
        for (int i = 0; i < block.size(); i++) {
          int a = block.get(i).indexOf("-->");
          if (a >= 0) errorAt(first + i, a + 1, "a NOTE must not contain '-->'");
        }
        return;
      }
      String keyword = stripTrailingBlanks(head);
      if (keyword.equals("STYLE") || keyword.equals("REGION")) {
        head = keyword;
        if (seenCue) errorAt(first, 1, head + " blocks must come before the first cue");
        for (int i = 1; i < block.size(); i++) {
          int a = block.get(i).indexOf("-->");
          if (a >= 0) errorAt(first + i, a + 1, "a " + head + " block must not contain '-->'");
        }
        if (head.equals("REGION")) region(block, first);
        return;
      }
      int timing = 0;
      if (!head.contains("-->") && !startsWithTimestamp(head)) {
        if (block.size() < 2 || !block.get(1).contains("-->")) {
          errorAt(first, 1, "expected a cue (optional identifier, then a timing line 'start --> end'), "
              + "NOTE, STYLE or REGION block");
          return;
        }
        timing = 1;
        if (!cueIds.add(head)) errorAt(first, 1, "duplicate cue identifier '" + WebVttParser.abbreviate(head) + "'");
      }
      seenCue = true;
      long[] range = timingLine(block.get(timing), first + timing);
      for (int i = timing + 1; i < block.size(); i++) {
        int a = block.get(i).indexOf("-->");
        if (a >= 0) errorAt(first + i, a + 1, "cue text must not contain '-->' (write '--&gt;')");
      }
      if (block.size() > timing + 1) {
        new CuePayloadCheck(out, range).check(block.subList(timing + 1, block.size()), first + timing + 1);
      }
    }

    private static String stripTrailingBlanks(String s) {
      int n = s.length();
      while (n > 0 && (s.charAt(n - 1) == ' ' || s.charAt(n - 1) == '\t')) n--;
      return s.substring(0, n);
    }

    private static boolean startsWithTimestamp(String s) {
      char[] b = s.toCharArray();
      return VttSyntax.scanTimestamp(b, new int[1], b.length) != VttSyntax.NO_TIME;
    }

    /** Checks a timing line; returns {start, end} in ms when both timestamps are valid, else null. */
    private long[] timingLine(String s, int line) {
      char[] b = s.toCharArray();
      int[] pos = {0};
      long start = VttSyntax.scanTimestamp(b, pos, b.length);
      if (start == VttSyntax.NO_TIME) {
        errorAt(line, 1, "invalid start timestamp (expected [hh:]mm:ss.ttt with minutes and seconds 00-59)");
        return null;
      }
      if (!hasTwoDigitHours(b, 0, pos[0])) errorAt(line, 1, HOURS_RULE);
      int p = pos[0];
      int ws = p;
      while (p < b.length && (b[p] == ' ' || b[p] == '\t')) p++;
      if (p + 2 >= b.length || b[p] != '-' || b[p + 1] != '-' || b[p + 2] != '>') {
        errorAt(line, p + 1, "expected '-->' after the start timestamp");
        return null;
      }
      if (p == ws) errorAt(line, p + 1, "expected a space before '-->'");
      p += 3;
      ws = p;
      while (p < b.length && (b[p] == ' ' || b[p] == '\t')) p++;
      if (p == ws) errorAt(line, p + 1, "expected a space after '-->'");
      pos[0] = p;
      long end = VttSyntax.scanTimestamp(b, pos, b.length);
      if (end == VttSyntax.NO_TIME) {
        errorAt(line, p + 1, "invalid end timestamp (expected [hh:]mm:ss.ttt with minutes and seconds 00-59)");
        return null;
      }
      if (!hasTwoDigitHours(b, p, pos[0])) errorAt(line, p + 1, HOURS_RULE);
      if (end <= start) errorAt(line, p + 1, "the end timestamp must be after the start timestamp");
      if (start < lastStartMs) errorAt(line, 1, "cues must be in start-time order (this one starts before the previous)");
      lastStartMs = start;
      p = pos[0];
      if (p < b.length && b[p] != ' ' && b[p] != '\t') {
        errorAt(line, p + 1, "expected a space or tab after the end timestamp");
      }
      settings(s, p, line);
      return new long[] {start, end};
    }

    private void settings(String s, int from, int line) {
      Set<String> seen = new HashSet<>();
      int i = from;
      int n = s.length();
      while (i < n) {
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        int start = i;
        while (i < n && s.charAt(i) != ' ' && s.charAt(i) != '\t') i++;
        if (start == i) break;
        String token = s.substring(start, i);
        int colon = token.indexOf(':');
        int col = start + 1;
        if (colon <= 0 || colon == token.length() - 1) {
          errorAt(line, col, "cue setting '" + token + "' must be name:value");
          continue;
        }
        String name = token.substring(0, colon);
        String value = token.substring(colon + 1);
        if (!seen.add(name)) errorAt(line, col, "cue setting '" + name + "' appears twice");
        String problem = settingProblem(name, value);
        if (problem != null) errorAt(line, col, problem);
      }
    }

    private String settingProblem(String name, String value) {
      switch (name) {
        case "vertical":
          return value.equals("rl") || value.equals("lr") ? null : "vertical must be 'rl' or 'lr'";
        case "line": {
          int comma = value.indexOf(',');
          String pos = comma < 0 ? value : value.substring(0, comma);
          if (comma >= 0) {
            String a = value.substring(comma + 1);
            if (!a.equals("start") && !a.equals("center") && !a.equals("end")) {
              return "line alignment must be start, center or end";
            }
          }
          boolean ok = pos.endsWith("%") ? !Double.isNaN(VttSyntax.parsePercentage(pos)) : isInteger(pos);
          return ok ? null : "line must be an integer (e.g. -1) or a percentage (e.g. 90%)";
        }
        case "position": {
          int comma = value.indexOf(',');
          String pos = comma < 0 ? value : value.substring(0, comma);
          if (comma >= 0) {
            String a = value.substring(comma + 1);
            if (!a.equals("line-left") && !a.equals("center") && !a.equals("line-right")) {
              return "position alignment must be line-left, center or line-right";
            }
          }
          return Double.isNaN(VttSyntax.parsePercentage(pos)) ? "position must be a percentage 0%-100%" : null;
        }
        case "size":
          return Double.isNaN(VttSyntax.parsePercentage(value)) ? "size must be a percentage 0%-100%" : null;
        case "align":
          switch (value) {
            case "start":
            case "center":
            case "end":
            case "left":
            case "right":
              return null;
            default:
              return "align must be start, center, end, left or right";
          }
        case "region":
          return regionIds.contains(value) ? null : "region '" + value + "' is not defined by a REGION block";
        default:
          return "unknown cue setting '" + name + "' (known: vertical, line, position, size, align, region)";
      }
    }

    private static boolean isInteger(String s) {
      int i = s.startsWith("-") ? 1 : 0;
      if (i >= s.length()) return false;
      for (; i < s.length(); i++) {
        if (!VttSyntax.isDigit(s.charAt(i))) return false;
      }
      return true;
    }

    private void region(List<String> block, int first) {
      String id = null;
      for (int i = 1; i < block.size(); i++) {
        String line = block.get(i);
        for (String token : line.trim().split("[ \t]+")) {
          if (token.isEmpty()) continue;
          int col = line.indexOf(token) + 1;
          int colon = token.indexOf(':');
          if (colon <= 0 || colon == token.length() - 1) {
            errorAt(first + i, col, "region setting '" + token + "' must be name:value");
            continue;
          }
          String name = token.substring(0, colon);
          String value = token.substring(colon + 1);
          String problem = null;
          switch (name) {
            case "id":
              id = value;
              break;
            case "width":
              if (Double.isNaN(VttSyntax.parsePercentage(value))) problem = "width must be a percentage 0%-100%";
              break;
            case "lines":
              if (!isInteger(value) || value.startsWith("-")) problem = "lines must be a non-negative integer";
              break;
            case "regionanchor":
            case "viewportanchor": {
              int comma = value.indexOf(',');
              if (comma < 0 || Double.isNaN(VttSyntax.parsePercentage(value.substring(0, comma)))
                  || Double.isNaN(VttSyntax.parsePercentage(value.substring(comma + 1)))) {
                problem = name + " must be two percentages, e.g. 0%,100%";
              }
              break;
            }
            case "scroll":
              if (!value.equals("up")) problem = "scroll must be 'up'";
              break;
            default:
              problem = "unknown region setting '" + name + "'";
          }
          if (problem != null) errorAt(first + i, col, problem);
        }
      }
      if (id == null) {
        errorAt(first, 1, "a REGION needs an id:");
      } else if (!regionIds.add(id)) {
        errorAt(first, 1, "duplicate region id '" + id + "'");
      }
    }
  }

  /**
   * The cue payload rules: '&' starts a valid reference; tags are known, nest properly and are closed (the spec lets
   * a {@code </v>} be left out when the voice span is the whole payload, and an {@code </rt>} right before
   * {@code </ruby>}); {@code <v>} and {@code <lang>} carry an annotation, other tags none; {@code <rt>} sits directly
   * in a {@code <ruby>}; timestamp tags lie strictly inside the cue and increase. A payload spans lines, so its
   * findings are collected and reported sorted by position.
   */
  private static final class CuePayloadCheck {
    private final Consumer<Diagnostic> out;
    private final long startMs;
    private final long endMs;
    private final List<Diagnostic> found = new ArrayList<>();
    private final ArrayDeque<Open> open = new ArrayDeque<>();
    private long lastTimestampMs;
    /** Components seen at the top level of the payload so far (text runs, tags, timestamps). */
    private int topLevelComponents;

    private static final class Open {
      final CueText.Type type;
      final int line;
      final int col;
      final boolean wholePayload;

      Open(CueText.Type type, int line, int col, boolean wholePayload) {
        this.type = type;
        this.line = line;
        this.col = col;
        this.wholePayload = wholePayload;
      }
    }

    /** {@code range} is {start, end} in ms, or null when the timing line was invalid (timestamps then go unchecked). */
    CuePayloadCheck(Consumer<Diagnostic> out, long[] range) {
      this.out = out;
      this.startMs = range == null ? -1 : range[0];
      this.endMs = range == null ? -1 : range[1];
      this.lastTimestampMs = startMs;
    }

    private void error(int line, int col, String message) {
      found.add(Diagnostic.error(line, col, message));
    }

    void check(List<String> payload, int firstLine) {
      for (int k = 0; k < payload.size(); k++) line(payload.get(k), firstLine + k);
      for (Open o : open) {
        boolean omittable = (o.type == CueText.Type.VOICE && o.wholePayload)
            // an unclosed <rt> is reported through its unclosed <ruby>
            || o.type == CueText.Type.RUBY_TEXT;
        if (!omittable) {
          error(o.line, o.col, "<" + o.type.tag() + "> is never closed (add </" + o.type.tag() + ">)");
        }
      }
      found.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
          : Integer.compare(a.column(), b.column()));
      found.forEach(out);
    }

    private void component() {
      if (open.isEmpty()) topLevelComponents++;
    }

    private void line(String s, int line) {
      int n = s.length();
      boolean inText = false;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c != '<') {
          if (!inText) component();
          inText = true;
          if (c == '&') {
            String problem = Entities.referenceProblem(s, i, n);
            if (problem != null) error(line, i + 1, problem);
          }
          continue;
        }
        inText = false;
        int close = s.indexOf('>', i);
        if (close < 0) {
          error(line, i + 1, "unclosed tag (write '&lt;' for a literal '<')");
          return;
        }
        tag(s, i, close, line);
        i = close;
      }
    }

    /** The tag {@code s[at, close]}, from '<' to '>'. */
    private void tag(String s, int at, int close, int line) {
      String body = s.substring(at + 1, close);
      int col = at + 1;
      if (!body.isEmpty() && VttSyntax.isDigit(body.charAt(0))) {
        timestamp(body, line, col);
        component();
        return;
      }
      boolean end = body.startsWith("/");
      String rest = end ? body.substring(1) : body;
      int nameEnd = 0;
      while (nameEnd < rest.length() && rest.charAt(nameEnd) != '.' && !VttSyntax.isAsciiWhitespace(rest.charAt(nameEnd))) {
        nameEnd++;
      }
      String name = rest.substring(0, nameEnd);
      CueText.Type type = CueText.Type.forTag(name);
      if (type == null) {
        error(line, col, "unknown tag <" + body + "> (known: c, i, b, u, ruby, rt, v, lang, timestamps)");
        return;
      }
      if (end) {
        if (nameEnd < rest.length()) error(line, col, "an end tag has only a name: write </" + name + ">");
        endTag(type, line, col);
        return;
      }
      int annotationAt = nameEnd;
      while (annotationAt < rest.length() && !VttSyntax.isAsciiWhitespace(rest.charAt(annotationAt))) annotationAt++;
      String classes = rest.substring(nameEnd, annotationAt);
      if (!classes.isEmpty() && (classes.endsWith(".") || classes.contains(".."))) {
        error(line, col, "empty class name in <" + body + ">");
      }
      String annotation = rest.substring(annotationAt).trim();
      boolean needsAnnotation = type == CueText.Type.VOICE || type == CueText.Type.LANG;
      if (needsAnnotation && annotation.isEmpty()) {
        error(line, col, type == CueText.Type.VOICE ? "<v> needs an annotation: the speaker, e.g. <v Ann>"
            : "<lang> needs an annotation: a language tag, e.g. <lang en>");
      } else if (!needsAnnotation && !annotation.isEmpty()) {
        error(line, col, "<" + name + "> takes no annotation (only <v> and <lang> do)");
      }
      for (int k = annotationAt; k < rest.length(); k++) {
        if (rest.charAt(k) == '&') {
          String problem = Entities.referenceProblem(rest, k, rest.length());
          // rest starts right after '<' in s (start tags only get here), so rest[k] is column at + 2 + k
          if (problem != null) error(line, at + 2 + k, problem);
        }
      }
      if (type == CueText.Type.RUBY_TEXT && (open.isEmpty() || open.peek().type != CueText.Type.RUBY)) {
        error(line, col, "<rt> is only allowed directly inside <ruby>");
      }
      boolean whole = open.isEmpty() && topLevelComponents == 0;
      component();
      open.push(new Open(type, line, col, whole));
    }

    private void endTag(CueText.Type type, int line, int col) {
      if (type == CueText.Type.RUBY && !open.isEmpty() && open.peek().type == CueText.Type.RUBY_TEXT) {
        open.pop(); // </rt> may be left out right before </ruby>
      }
      boolean isOpen = false;
      for (Open o : open) {
        if (o.type == type) {
          isOpen = true;
          break;
        }
      }
      if (!isOpen) {
        error(line, col, "stray end tag </" + type.tag() + ">: no <" + type.tag() + "> is open here");
        return;
      }
      while (open.peek().type != type) {
        Open inner = open.pop();
        error(inner.line, inner.col, "<" + inner.type.tag() + "> must be closed before </" + type.tag() + "> (line "
            + line + ", col " + col + ")");
      }
      open.pop();
    }

    private void timestamp(String body, int line, int col) {
      char[] b = body.toCharArray();
      int[] pos = {0};
      long ms = VttSyntax.scanTimestamp(b, pos, b.length);
      if (ms == VttSyntax.NO_TIME || pos[0] != b.length) {
        error(line, col, "invalid timestamp tag <" + body + "> (expected <[hh:]mm:ss.ttt>)");
        return;
      }
      if (!hasTwoDigitHours(b, 0, b.length)) error(line, col, HOURS_RULE);
      if (startMs < 0) return;
      if (ms <= startMs || ms >= endMs) {
        // not used as "the previous" either: one misplaced tag is one error, not one per following tag
        error(line, col, "timestamp tag <" + body + "> must lie strictly between the cue's start and end times");
      } else if (ms <= lastTimestampMs) {
        error(line, col, "timestamp tag <" + body + "> must be later than the previous timestamp tag");
      } else {
        lastTimestampMs = ms;
      }
    }
  }
}
