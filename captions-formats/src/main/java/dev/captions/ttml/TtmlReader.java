package dev.captions.ttml;

import dev.captions.CaptionFormatException;
import dev.captions.codec.Diagnostic;
import dev.captions.model.Cue;
import dev.captions.model.CueMarkup;
import dev.captions.model.Language;
import dev.captions.model.Timecodes;
import dev.captions.webvtt.SrtPositions;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads TTML (IMSC 1.0/1.1, DFXP, EBU-TT-D and what tools write) with SAX, one {@code <p>} at a time: each paragraph
 * becomes a cue as soon as it ends. Timing is resolved as TTML says for parallel time containers: an element's
 * {@code begin}/{@code end} count from its parent's begin, {@code dur} from its own begin, untimed elements inherit
 * their parent's interval. Styles ({@code style} references, chained, and inline {@code tts:} attributes) give
 * italic, bold and underline; {@code ttm:agent} gives speakers; a region's {@code tts:displayAlign} and the
 * paragraph's {@code tts:textAlign} give a numpad position; spans that begin inside the paragraph become timestamp
 * tags. Not thread-safe; one instance per read.
 */
final class TtmlReader extends DefaultHandler {
  /** How deep elements may nest; deeper input is refused (no caption needs more, and the stacks stay bounded). */
  static final int MAX_DEPTH = 256;

  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  private final Consumer<Cue> cues;
  private final Consumer<Diagnostic> diagnostics;
  private Locator locator;

  String language = "und";
  private double frameRate = 30;
  private int subFrameRate = 1;
  private double tickRate = 1;
  private boolean sawRoot;

  /** Style id → its attributes (local name → value), with {@code style} references kept to resolve later. */
  private final Map<String, Map<String, String>> styles = new HashMap<>();
  private final Map<String, Map<String, String>> regions = new HashMap<>();
  private final Map<String, String> agents = new HashMap<>();
  private final Map<String, Integer> ignored = new TreeMap<>();

  /** One open element. */
  private static final class Frame {
    String name;
    long begin; // absolute ms
    long end; // absolute ms, Long.MAX_VALUE when open-ended
    boolean timed; // this element or an ancestor has a begin or end
    boolean preserve;
    boolean italic;
    boolean bold;
    boolean underline;
    String region;
    String textAlign;
    String agent;
    boolean voiceOpened;
    String langOpened;
  }

  private final ArrayDeque<Frame> stack = new ArrayDeque<>();

  // The paragraph being read.
  private Frame p;
  private StringBuilder markup;
  private final boolean[] on = new boolean[3];
  private boolean pendingSpace;
  private boolean lineHasText;
  private long lastStamp;
  private long spanMin;
  private long spanMax;
  private int pLine;
  private int skipDepth; // > 0 inside metadata, set, animate … whose text is not shown
  private String agentId; // the ttm:agent being defined
  private StringBuilder agentName;

  TtmlReader(Consumer<Cue> cues, Consumer<Diagnostic> diagnostics) {
    this.cues = cues;
    this.diagnostics = diagnostics;
  }

  /** Reads the whole document. */
  void read(Reader in) throws IOException {
    SecureXml.parse(in, this);
    if (!sawRoot) throw new CaptionFormatException("not TTML: the document is empty", 1, 1);
    ignored.forEach((what, n) -> diagnostics.accept(Diagnostic.warning(0, 0, "dropped " + n + " × " + what
        + ": the model has no form for them")));
  }

  @Override
  public void setDocumentLocator(Locator locator) {
    this.locator = locator;
  }

  private int line() {
    return locator == null ? 0 : locator.getLineNumber();
  }

  @Override
  public void startElement(String uri, String local, String qName, Attributes a) throws SAXException {
    if (stack.size() >= MAX_DEPTH) {
      throw new SAXException(new CaptionFormatException("elements nest deeper than " + MAX_DEPTH
          + "; refused (a caption file never needs that)", line(), 0));
    }
    Frame parent = stack.peek();
    if (parent == null) {
      if (!local.equals("tt")) {
        throw new SAXException(new CaptionFormatException("not TTML: the root element is <" + qName
            + ">, expected <tt>", line(), 0));
      }
      sawRoot = true;
      root(a);
    }
    Frame f = new Frame();
    f.name = local;
    if (parent != null) {
      f.begin = parent.begin;
      f.end = parent.end;
      f.timed = parent.timed;
      f.preserve = parent.preserve;
      f.italic = parent.italic;
      f.bold = parent.bold;
      f.underline = parent.underline;
      f.region = parent.region;
      f.textAlign = parent.textAlign;
      f.agent = parent.agent;
    } else {
      f.end = Long.MAX_VALUE;
    }
    stack.push(f);
    String space = a.getValue(XML_NS, "space");
    if (space != null) f.preserve = space.trim().equals("preserve");

    if (skipDepth > 0) {
      skipDepth++;
      if (local.equals("agent")) agentId = a.getValue(XML_NS, "id");
      if (agentId != null && local.equals("name")) agentName = new StringBuilder();
      return;
    }
    switch (local) {
      case "metadata":
      case "set":
      case "animate":
      case "animation":
      case "audio":
      case "source":
      case "data":
      case "chunk":
      case "font":
      case "resources":
        skipDepth = 1;
        return;
      case "agent":
        skipDepth = 1;
        agentId = a.getValue(XML_NS, "id");
        return;
      case "style":
        if (!inBody()) {
          String id = a.getValue(XML_NS, "id");
          if (id != null) styles.put(id, attributes(a));
        }
        return;
      case "region":
        if (!inBody()) {
          String id = a.getValue(XML_NS, "id");
          if (id != null) regions.put(id, attributes(a));
        }
        return;
      case "image":
        ignored.merge("images", 1, Integer::sum);
        skipDepth = 1;
        return;
      default:
        break;
    }
    if (!inBody()) return;
    timing(f, parent, a);
    styling(f, a);
    String region = a.getValue("region");
    if (region != null) f.region = region.trim();
    String agent = attr(a, "agent");
    if (local.equals("p")) {
      startParagraph(f, agent);
    } else if (p != null && local.equals("br")) {
      flushStyle(f);
      markup.append('\n');
      pendingSpace = false;
      lineHasText = false;
    } else if (p != null && local.equals("span")) {
      if (pendingSpace) { // a space before the span belongs to the paragraph, ahead of the span's tags
        text(parent, ' ');
        pendingSpace = false;
      }
      if (f.begin > p.begin && f.begin < p.end && hasTime(a)) stamp(f.begin);
      if (hasTime(a)) {
        spanMin = Math.min(spanMin, f.begin);
        if (f.end != Long.MAX_VALUE) spanMax = Math.max(spanMax, f.end);
      }
      if (agent != null && agents.containsKey(agent.trim().split("\\s+")[0]) && !agent.equals(p.agent)) {
        closeStyles();
        markup.append("<v ").append(CueMarkup.escape(agents.get(agent.trim().split("\\s+")[0]))).append('>');
        f.voiceOpened = true;
      }
      String lang = a.getValue(XML_NS, "lang");
      if (lang != null && !lang.isBlank() && lang.trim().matches("[A-Za-z0-9-]{1,35}")) {
        closeStyles();
        markup.append("<lang ").append(lang.trim()).append('>');
        f.langOpened = lang.trim();
      }
    }
  }

  private void root(Attributes a) {
    String lang = a.getValue(XML_NS, "lang");
    if (lang != null && !lang.isBlank()) {
      if (Language.isTag(lang.trim())) {
        language = lang.trim();
      } else {
        diagnostics.accept(Diagnostic.warning(line(), 0, "xml:lang '" + lang.trim()
            + "' is not a BCP-47 tag; the track's language is und"));
      }
    }
    String fr = attr(a, "frameRate");
    if (fr != null) {
      try {
        frameRate = Double.parseDouble(fr.trim());
      } catch (NumberFormatException e) {
        diagnostics.accept(Diagnostic.warning(line(), 0, "bad ttp:frameRate '" + fr + "'; 30 assumed"));
      }
    }
    String mult = attr(a, "frameRateMultiplier");
    if (mult != null) {
      String[] nd = mult.trim().split("\\s+");
      try {
        if (nd.length == 2) frameRate = frameRate * Double.parseDouble(nd[0]) / Double.parseDouble(nd[1]);
      } catch (NumberFormatException e) {
        diagnostics.accept(Diagnostic.warning(line(), 0, "bad ttp:frameRateMultiplier '" + mult + "'; ignored"));
      }
    }
    String sub = attr(a, "subFrameRate");
    if (sub != null) {
      try {
        subFrameRate = Integer.parseInt(sub.trim());
      } catch (NumberFormatException e) {
        subFrameRate = 1;
      }
    }
    String tick = attr(a, "tickRate");
    if (tick != null) {
      try {
        tickRate = Double.parseDouble(tick.trim());
      } catch (NumberFormatException e) {
        tickRate = 1;
      }
    } else if (fr != null) {
      tickRate = frameRate * subFrameRate; // TTML's default when a frame rate is given
    }
    if (!(frameRate > 0) || frameRate > 1000) frameRate = 30;
    if (!(tickRate > 0)) tickRate = 1;
    String timeBase = attr(a, "timeBase");
    if (timeBase != null && !timeBase.trim().equals("media")) {
      diagnostics.accept(Diagnostic.warning(line(), 0, "ttp:timeBase=\"" + timeBase + "\": times read as media time"));
    }
  }

  private boolean inBody() {
    for (Frame f : stack) {
      if (f.name.equals("body")) return true;
    }
    return false;
  }

  private static boolean hasTime(Attributes a) {
    return a.getValue("begin") != null || a.getValue("end") != null || a.getValue("dur") != null;
  }

  /** Resolves begin/end/dur against the parent's interval (parallel time container semantics). */
  private void timing(Frame f, Frame parent, Attributes a) {
    long base = parent == null ? 0 : parent.begin;
    String begin = a.getValue("begin");
    String end = a.getValue("end");
    String dur = a.getValue("dur");
    if (begin != null) {
      long t = time(begin, "begin");
      if (t != TtmlTime.INVALID) {
        f.begin = base + t;
        f.timed = true;
      }
    }
    long resolvedEnd = Long.MAX_VALUE;
    if (end != null) {
      long t = time(end, "end");
      if (t != TtmlTime.INVALID) resolvedEnd = base + t;
    }
    if (dur != null) {
      long t = time(dur, "dur");
      if (t != TtmlTime.INVALID) resolvedEnd = Math.min(resolvedEnd, f.begin + t);
    }
    if (resolvedEnd != Long.MAX_VALUE) {
      f.timed = true;
      f.end = parent == null ? resolvedEnd : Math.min(parent.end, resolvedEnd);
    } else if (begin != null && parent != null) {
      f.end = parent.end;
    }
  }

  private long time(String value, String what) {
    long t = TtmlTime.parse(value, frameRate, subFrameRate, tickRate);
    if (t == TtmlTime.INVALID || t < 0) {
      diagnostics.accept(Diagnostic.warning(line(), 0, "bad " + what + " time '" + value + "'; ignored"));
      return TtmlTime.INVALID;
    }
    return t;
  }

  /** Applies referenced styles (chained, depth-limited) and then inline attributes. */
  private void styling(Frame f, Attributes a) {
    String refs = a.getValue("style");
    if (refs != null) {
      for (String id : refs.trim().split("\\s+")) applyStyle(f, id, 0);
    }
    apply(f, attributes(a));
  }

  private void applyStyle(Frame f, String id, int depth) {
    Map<String, String> s = styles.get(id);
    if (s == null || depth > 16) return;
    String chained = s.get("style");
    if (chained != null) {
      for (String other : chained.trim().split("\\s+")) applyStyle(f, other, depth + 1);
    }
    apply(f, s);
  }

  private static void apply(Frame f, Map<String, String> s) {
    String v;
    if ((v = s.get("fontStyle")) != null) f.italic = v.trim().equals("italic") || v.trim().equals("oblique");
    if ((v = s.get("fontWeight")) != null) f.bold = v.trim().equals("bold");
    if ((v = s.get("textDecoration")) != null) {
      if (v.contains("noUnderline")) f.underline = false;
      else if (v.contains("underline")) f.underline = true;
    }
    if ((v = s.get("textAlign")) != null) f.textAlign = v.trim();
  }

  /** Attributes by local name; a {@code style} attribute (a reference, not a style) is kept under "style". */
  private static Map<String, String> attributes(Attributes a) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < a.getLength(); i++) m.put(a.getLocalName(i), a.getValue(i));
    return m;
  }

  /** An attribute by local name in any namespace (ttp:, tts:, ttm: under any prefix, or DFXP's old URIs). */
  private static String attr(Attributes a, String local) {
    for (int i = 0; i < a.getLength(); i++) {
      if (a.getLocalName(i).equals(local) && !a.getURI(i).isEmpty()) return a.getValue(i);
    }
    return null;
  }

  private void startParagraph(Frame f, String agent) {
    p = f;
    markup = new StringBuilder();
    java.util.Arrays.fill(on, false);
    pendingSpace = false;
    lineHasText = false;
    lastStamp = f.begin;
    spanMin = Long.MAX_VALUE;
    spanMax = Long.MIN_VALUE;
    pLine = line();
    if (agent != null) {
      String id = agent.trim().split("\\s+")[0];
      f.agent = id;
      if (!agents.containsKey(id)) {
        diagnostics.accept(Diagnostic.warning(pLine, 0, "ttm:agent '" + id + "' is not defined; used as the name"));
        agents.put(id, id);
      }
    }
  }

  private void stamp(long t) {
    if (t <= lastStamp) return;
    markup.append('<').append(Timecodes.format(t)).append('>');
    lastStamp = t;
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (skipDepth > 0) {
      if (agentName != null) agentName.append(ch, start, length);
      return;
    }
    if (p == null) return;
    Frame f = stack.peek();
    for (int i = start; i < start + length; i++) {
      char c = ch[i];
      if (f.preserve) {
        if (c == '\n') {
          flushStyle(f);
          markup.append('\n');
          continue;
        }
        if (c == '\r') continue;
        text(f, c);
      } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        pendingSpace = lineHasText;
      } else {
        if (pendingSpace) text(f, ' ');
        pendingSpace = false;
        text(f, c);
      }
    }
  }

  private void text(Frame f, char c) {
    flushStyle(f);
    switch (c) {
      case '&':
        markup.append("&amp;");
        break;
      case '<':
        markup.append("&lt;");
        break;
      case '>':
        markup.append("&gt;");
        break;
      default:
        markup.append(c);
    }
    lineHasText = true;
  }

  /** Opens and closes i/b/u so that the markup's state matches the element's before its text. */
  private void flushStyle(Frame f) {
    boolean[] want = {f.italic, f.bold, f.underline};
    boolean changed = false;
    for (int k = 0; k < 3; k++) changed |= on[k] != want[k];
    if (!changed) return;
    closeStyles();
    for (int k = 0; k < 3; k++) {
      if (want[k]) markup.append('<').append("ibu".charAt(k)).append('>');
      on[k] = want[k];
    }
  }

  private void closeStyles() {
    for (int k = 2; k >= 0; k--) {
      if (on[k]) markup.append("</").append("ibu".charAt(k)).append('>');
      on[k] = false;
    }
  }

  @Override
  public void endElement(String uri, String local, String qName) {
    Frame f = stack.pop();
    if (skipDepth > 0) {
      if (agentName != null && local.equals("name")) {
        if (agentId != null && !agents.containsKey(agentId)) agents.put(agentId, agentName.toString().trim());
        agentName = null;
      }
      skipDepth--;
      if (skipDepth == 0 || local.equals("agent")) agentId = null;
      return;
    }
    if (p == null) return;
    if (f.voiceOpened || f.langOpened != null) {
      closeStyles();
      markup.append(f.voiceOpened ? "</v>" : "</lang>");
    }
    if (f == p) endParagraph();
  }

  private void endParagraph() {
    closeStyles();
    Frame f = p;
    p = null;
    long begin = f.begin;
    long end = f.end;
    if (!f.timed && spanMin != Long.MAX_VALUE && spanMax != Long.MIN_VALUE) {
      // Timing only on the spans: the paragraph lasts from the first span's begin to the last one's end.
      begin = spanMin;
      end = spanMax;
    }
    String text = markup.toString();
    // Spans that set the paragraph's begin (timing on spans only) leave a tag at the very start: not a word time.
    String leading = "<" + Timecodes.format(begin) + ">";
    if (text.startsWith(leading)) text = text.substring(leading.length());
    if (end == Long.MAX_VALUE || !f.timed && spanMin == Long.MAX_VALUE) {
      diagnostics.accept(Diagnostic.warning(pLine, 0, "<p> has no end time (nor a timed ancestor); skipped"));
      return;
    }
    if (end <= begin) {
      diagnostics.accept(Diagnostic.warning(pLine, 0, "<p> ends at or before it begins ("
          + Timecodes.format(begin) + " → " + Timecodes.format(end) + "); skipped"));
      return;
    }
    Cue.Builder b = Cue.builder().startMs(begin).endMs(end).text(text);
    if (f.agent != null) b.speaker(agents.get(f.agent));
    int an = position(f);
    if (an != 0 && an != 2) b.settings(SrtPositions.fromAn(an));
    cues.accept(b.build());
  }

  /** The numpad position: row from the region's displayAlign (or origin), column from textAlign. */
  private int position(Frame f) {
    int row = 0; // bottom
    Map<String, String> r = f.region == null ? null : regions.get(f.region);
    if (r != null) {
      String display = r.get("displayAlign");
      if (display == null && r.get("style") != null) {
        Map<String, String> s = styles.get(r.get("style").trim().split("\\s+")[0]);
        if (s != null) display = s.get("displayAlign");
      }
      String origin = r.get("origin");
      double y = 100;
      if (origin != null) {
        String[] xy = origin.trim().split("\\s+");
        if (xy.length == 2 && xy[1].endsWith("%")) {
          try {
            y = Double.parseDouble(xy[1].substring(0, xy[1].length() - 1));
          } catch (NumberFormatException e) {
            y = 100;
          }
        }
      }
      if ("before".equals(display == null ? null : display.trim())) row = y < 50 ? 2 : 0;
      else if ("center".equals(display == null ? null : display.trim())) row = 1;
      else if (display == null && y < 30) row = 2;
    }
    int col = 2;
    String align = f.textAlign == null ? "" : f.textAlign.toLowerCase(Locale.ROOT);
    if (align.equals("left") || align.equals("start")) col = 1;
    if (align.equals("right") || align.equals("end")) col = 3;
    return row * 3 + col;
  }

  @Override
  public void warning(SAXParseException e) {
    diagnostics.accept(Diagnostic.warning(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
  }

  @Override
  public void error(SAXParseException e) {
    diagnostics.accept(Diagnostic.warning(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
  }

  @Override
  public void fatalError(SAXParseException e) throws SAXException {
    throw e;
  }
}
