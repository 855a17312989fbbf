package dev.captions.webvtt;

import dev.captions.codec.Diagnostic;
import dev.captions.webvtt.internal.Entities;
import dev.captions.webvtt.internal.LineReader;
import dev.captions.webvtt.internal.VttSyntax;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Strict mode: checks a file against the WebVTT syntax (the authoring rules, stricter than what players accept) and
 * reports every violation as a {@link Diagnostic.Severity#ERROR} with line, column and the rule broken, e.g.
 * {@code "line 7, col 14: expected '-->' after the start timestamp"}. Never throws for content; a file is valid when
 * the list is empty. Streams: memory does not grow with the file. Thread-safe (stateless).
 */
public final class WebVttValidator {
  private WebVttValidator() {}

  public static WebVttValidator create() {
    return new WebVttValidator();
  }

  /** All violations, in input order. */
  public List<Diagnostic> validate(Reader in) throws IOException {
    List<Diagnostic> out = new ArrayList<>();
    validate(in, out::add);
    return out;
  }

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
      if (lines.end != lines.start) {
        error(1, "expected a blank line after the WEBVTT line (header lines are not part of WebVTT)");
        while (lines.end != lines.start && !lines.endedAtEof && lines.next()) {
          // skip the rest of the header block
        }
      }
      List<String> block = new ArrayList<>();
      int blockStart = 0;
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
      if (head.equals("STYLE") || head.equals("REGION")) {
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
      timingLine(block.get(timing), first + timing);
      for (int i = timing + 1; i < block.size(); i++) {
        String line = block.get(i);
        int a = line.indexOf("-->");
        if (a >= 0) errorAt(first + i, a + 1, "cue text must not contain '-->' (write '--&gt;')");
        cueText(line, first + i);
      }
    }

    private static boolean startsWithTimestamp(String s) {
      char[] b = s.toCharArray();
      return VttSyntax.scanTimestamp(b, new int[1], b.length) != VttSyntax.NO_TIME;
    }

    private void timingLine(String s, int line) {
      char[] b = s.toCharArray();
      int[] pos = {0};
      long start = VttSyntax.scanTimestamp(b, pos, b.length);
      if (start == VttSyntax.NO_TIME) {
        errorAt(line, 1, "invalid start timestamp (expected [hh:]mm:ss.ttt with minutes and seconds 00-59)");
        return;
      }
      int p = pos[0];
      int ws = p;
      while (p < b.length && (b[p] == ' ' || b[p] == '\t')) p++;
      if (p + 2 >= b.length || b[p] != '-' || b[p + 1] != '-' || b[p + 2] != '>') {
        errorAt(line, p + 1, "expected '-->' after the start timestamp");
        return;
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
        return;
      }
      if (end <= start) errorAt(line, p + 1, "the end timestamp must be after the start timestamp");
      if (start < lastStartMs) errorAt(line, 1, "cues must be in start-time order (this one starts before the previous)");
      lastStartMs = start;
      p = pos[0];
      if (p < b.length && b[p] != ' ' && b[p] != '\t') {
        errorAt(line, p + 1, "expected a space or tab after the end timestamp");
      }
      settings(s, p, line);
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

    /** '&' must start a character reference; '<' must start a known tag. */
    private void cueText(String s, int line) {
      StringBuilder scratch = new StringBuilder();
      int n = s.length();
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c == '&') {
          if (Entities.decode(s, i, n, scratch) < 0) {
            errorAt(line, i + 1, "'&' must start a character reference (write '&amp;')");
          }
        } else if (c == '<') {
          int close = s.indexOf('>', i);
          if (close < 0) {
            errorAt(line, i + 1, "unclosed tag (write '&lt;' for a literal '<')");
            return;
          }
          String body = s.substring(i + 1, close);
          String name = body.startsWith("/") ? body.substring(1) : body;
          int end = 0;
          while (end < name.length() && name.charAt(end) != '.' && !VttSyntax.isAsciiWhitespace(name.charAt(end))) end++;
          name = name.substring(0, end);
          boolean timestamp = !name.isEmpty() && VttSyntax.isDigit(name.charAt(0));
          if (!timestamp && CueText.Type.forTag(name) == null) {
            errorAt(line, i + 1, "unknown tag <" + body + "> (known: c, i, b, u, ruby, rt, v, lang, timestamps)");
          }
          i = close;
        } else if (c == '>') {
          errorAt(line, i + 1, "'>' in cue text must be written '&gt;'");
        }
      }
    }
  }
}
