package dev.captions.ttml;

import dev.captions.CaptionFormatException;
import dev.captions.codec.Diagnostic;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Checks a TTML document against the IMSC 1.1 Text profile constraints that can be stated without the W3C XML
 * schemas (which are not available to this build offline): no schema validation is done; these rules are.
 *
 * <ul>
 *   <li>Well-formed XML without a DTD; the root is {@code tt} in the TTML namespace, with {@code xml:lang}.
 *   <li>{@code ttp:timeBase} absent or {@code media}; the profile designated by {@code ttp:contentProfiles} (or
 *       {@code ttp:profile}) is IMSC 1.1 Text ({@value TtmlCodec#IMSC_1_1_TEXT}) or IMSC 1.0.1 Text.
 *   <li>Only the elements of the Text profile, each under a parent the TTML content model allows: {@code tt},
 *       {@code head}, {@code body}, {@code div}, {@code p}, {@code span}, {@code br}, {@code styling},
 *       {@code style}, {@code layout}, {@code region}, {@code metadata}, {@code set}, {@code initial}; no
 *       {@code image}, {@code audio}, {@code font}, {@code data}, {@code resources}, {@code animate}; metadata
 *       vocabulary ({@code ttm:agent}, {@code ttm:name}, {@code ttm:title}, {@code ttm:desc}, {@code ttm:copyright},
 *       {@code ttm:actor}) and foreign elements only inside {@code metadata}; text only in {@code p} and
 *       {@code span}.
 *   <li>Attributes per namespace: unqualified timing, {@code style} and {@code region} only on the elements that
 *       take them; {@code xml:} only {@code id}, {@code lang}, {@code space} (with {@code default} or
 *       {@code preserve}); {@code ttp:} only on {@code tt}; {@code tts:} only the IMSC 1.1 Text styling attributes;
 *       {@code ttm:} only {@code agent} and {@code role}; other namespaces allowed (processors prune them).
 *   <li>Timing: every {@code begin}, {@code end} and {@code dur} is a time expression; frames only with
 *       {@code ttp:frameRate}; {@code begin} before {@code end} on an element.
 *   <li>{@code xml:id}s are unique; every {@code style}, {@code region} and {@code ttm:agent} reference resolves to a
 *       {@code style}, {@code region} or {@code ttm:agent} element.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class ImscTextChecker {
  private static final String TTS = "http://www.w3.org/ns/ttml#styling";
  private static final String TTP = "http://www.w3.org/ns/ttml#parameter";
  private static final String TTM = "http://www.w3.org/ns/ttml#metadata";
  private static final String XML = "http://www.w3.org/XML/1998/namespace";
  private static final String ITTP = "http://www.w3.org/ns/ttml/profile/imsc1#parameter";
  private static final String ITTS = "http://www.w3.org/ns/ttml/profile/imsc1#styling";
  private static final Set<String> PROFILES = Set.of(TtmlCodec.IMSC_1_1_TEXT,
      "http://www.w3.org/ns/ttml/profile/imsc1/text");

  /** Element → the parents it may have. */
  private static final Map<String, Set<String>> PARENTS = new HashMap<>();

  static {
    PARENTS.put("head", Set.of("tt"));
    PARENTS.put("body", Set.of("tt"));
    PARENTS.put("styling", Set.of("head"));
    PARENTS.put("layout", Set.of("head"));
    PARENTS.put("style", Set.of("styling", "region"));
    PARENTS.put("initial", Set.of("styling"));
    PARENTS.put("region", Set.of("layout"));
    PARENTS.put("div", Set.of("body", "div"));
    PARENTS.put("p", Set.of("div"));
    PARENTS.put("span", Set.of("p", "span"));
    PARENTS.put("br", Set.of("p", "span"));
    PARENTS.put("metadata", Set.of("head", "body", "div", "p", "span", "styling", "layout", "region", "style", "tt"));
    PARENTS.put("set", Set.of("body", "div", "p", "span", "region"));
  }

  private static final Set<String> TIMED = Set.of("body", "div", "p", "span", "set", "region");
  private static final Set<String> STYLED = Set.of("body", "div", "p", "span", "region", "style", "initial");
  private static final Set<String> REGIONED = Set.of("body", "div", "p", "span");
  private static final Set<String> TTS_ATTRIBUTES = Set.of("backgroundColor", "color", "direction", "display",
      "displayAlign", "extent", "fontFamily", "fontSize", "fontStyle", "fontWeight", "lineHeight", "opacity", "origin",
      "overflow", "padding", "showBackground", "textAlign", "textDecoration", "textOutline", "unicodeBidi",
      "visibility", "wrapOption", "writingMode", "zIndex", "ruby", "rubyAlign", "rubyPosition", "rubyReserve",
      "shear", "textCombine", "textEmphasis", "fontVariant", "luminanceGain", "position", "disparity", "textShadow",
      "letterSpacing", "fontKerning", "fontSelectionStrategy", "textOrientation", "bidi");
  private static final Set<String> TTP_ATTRIBUTES = Set.of("timeBase", "frameRate", "frameRateMultiplier",
      "subFrameRate", "tickRate", "contentProfiles", "profile", "cellResolution", "displayAspectRatio", "clockMode",
      "dropMode", "markerMode", "pixelAspectRatio", "contentProfileCombination", "processorProfiles",
      "processorProfileCombination", "version", "mediaDuration", "activeArea");
  private static final Set<String> TTM_ELEMENTS = Set.of("agent", "name", "title", "desc", "copyright", "actor");

  private ImscTextChecker() {}

  /**
   * Checks a document.
   *
   * @param in the document; read to its end, not closed
   * @return every violation, as {@link Diagnostic.Severity#ERROR}s with line and column, in document order; empty
   *     when the document meets every rule listed in the class comment
   * @throws IOException when reading fails
   */
  public static List<Diagnostic> check(Reader in) throws IOException {
    Handler h = new Handler();
    try {
      SecureXml.parse(in, h);
    } catch (CaptionFormatException e) {
      h.errors.add(Diagnostic.error(e.line(), e.column(), e.getMessage()));
      return h.errors;
    }
    h.finish();
    return h.errors;
  }

  private static final class Handler extends DefaultHandler {
    final List<Diagnostic> errors = new ArrayList<>();
    private Locator locator;
    private final ArrayDeque<String> stack = new ArrayDeque<>(); // local names; "#foreign" outside TTML
    private int metadataDepth;
    private boolean frameRate;
    private final Set<String> ids = new HashSet<>();
    private final Set<String> styleIds = new HashSet<>();
    private final Set<String> regionIds = new HashSet<>();
    private final Set<String> agentIds = new HashSet<>();
    /** Unresolved references: kind, id, line, column. */
    private final List<Object[]> references = new ArrayList<>();

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    private void error(String message) {
      errors.add(Diagnostic.error(locator == null ? 0 : locator.getLineNumber(),
          locator == null ? 0 : locator.getColumnNumber(), message));
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes a) {
      String parent = stack.peek();
      boolean tt = TtmlCodec.TT_NS.equals(uri);
      if (parent == null) {
        if (!tt || !local.equals("tt")) error("the root element must be tt in " + TtmlCodec.TT_NS + ", not " + qName);
        root(a);
      } else if (metadataDepth > 0) {
        // Anything goes inside metadata; ttm elements are checked for placement only.
      } else if (tt) {
        if (!PARENTS.containsKey(local)) {
          error("<" + qName + "> is not an element of the IMSC 1.1 Text profile");
        } else if (!PARENTS.get(local).contains(parent)) {
          error("<" + qName + "> is not allowed inside <" + parent + ">");
        }
      } else {
        error("<" + qName + "> (" + uri + ") is only allowed inside metadata");
      }
      if (TTM.equals(uri) && !TTM_ELEMENTS.contains(local)) error("<" + qName + "> is not a TTML metadata element");
      if (TTM.equals(uri) && local.equals("agent")) {
        String id = a.getValue(XML, "id");
        if (id == null) error("ttm:agent needs an xml:id");
        else agentIds.add(id);
      }
      if (tt && local.equals("metadata") || metadataDepth > 0) metadataDepth++;
      String name = tt ? local : "#foreign";
      stack.push(name);
      if (!tt) return;
      attributes(local, a);
    }

    private void root(Attributes a) {
      if (a.getValue(XML, "lang") == null) error("tt must have xml:lang (empty when the language is unknown)");
      String timeBase = a.getValue(TTP, "timeBase");
      if (timeBase != null && !timeBase.trim().equals("media")) error("ttp:timeBase must be media, not " + timeBase);
      frameRate = a.getValue(TTP, "frameRate") != null;
      String profiles = a.getValue(TTP, "contentProfiles");
      String profile = a.getValue(TTP, "profile");
      boolean designated = false;
      if (profiles != null) {
        for (String p : profiles.trim().split("\\s+")) designated |= PROFILES.contains(p);
      }
      if (profile != null) designated |= PROFILES.contains(profile.trim());
      if (!designated) {
        error("tt must designate the IMSC 1.1 Text profile: ttp:contentProfiles=\"" + TtmlCodec.IMSC_1_1_TEXT + "\"");
      }
    }

    private void attributes(String element, Attributes a) {
      for (int i = 0; i < a.getLength(); i++) {
        String uri = a.getURI(i);
        String local = a.getLocalName(i);
        String value = a.getValue(i);
        if (uri.isEmpty()) {
          unqualified(element, local, value);
        } else if (uri.equals(XML)) {
          if (!Set.of("id", "lang", "space").contains(local)) error("xml:" + local + " is not allowed");
          if (local.equals("space") && !value.equals("default") && !value.equals("preserve")) {
            error("xml:space must be default or preserve, not " + value);
          }
          if (local.equals("id") && !ids.add(value)) error("xml:id '" + value + "' is not unique");
          if (local.equals("id") && element.equals("style")) styleIds.add(value);
          if (local.equals("id") && element.equals("region")) regionIds.add(value);
        } else if (uri.equals(TTS)) {
          if (!TTS_ATTRIBUTES.contains(local)) error("tts:" + local + " is not an IMSC 1.1 Text styling attribute");
          if (!STYLED.contains(element) && metadataDepth == 0) error("tts:" + local + " is not allowed on <" + element + ">");
        } else if (uri.equals(TTP)) {
          if (!element.equals("tt")) error("ttp:" + local + " is only allowed on tt");
          else if (!TTP_ATTRIBUTES.contains(local)) error("ttp:" + local + " is not a TTML parameter");
        } else if (uri.equals(TTM)) {
          if (local.equals("agent")) {
            for (String id : value.trim().split("\\s+")) reference("ttm:agent", id);
          } else if (!local.equals("role")) {
            error("ttm:" + local + " is not allowed");
          }
        } else if (uri.equals(ITTP)) {
          if (!element.equals("tt")) error("ittp:" + local + " is only allowed on tt");
        } else if (!uri.equals(ITTS)) {
          // Foreign attributes are allowed; processors prune them.
        }
      }
      String begin = a.getValue("begin");
      String end = a.getValue("end");
      String dur = a.getValue("dur");
      if (begin != null && end != null) {
        long b = TtmlTime.parse(begin, 30, 1, 1);
        long e = TtmlTime.parse(end, 30, 1, 1);
        if (b != TtmlTime.INVALID && e != TtmlTime.INVALID && e <= b) {
          error("<" + element + "> ends (" + end + ") at or before it begins (" + begin + ")");
        }
      }
      if (dur != null && TtmlTime.parse(dur, 30, 1, 1) == 0) error("<" + element + "> has a zero dur");
    }

    private void unqualified(String element, String local, String value) {
      switch (local) {
        case "begin":
        case "end":
        case "dur":
          if (!TIMED.contains(element)) error(local + " is not allowed on <" + element + ">");
          String v = value.trim();
          boolean frames = v.endsWith("f") || v.chars().filter(c -> c == ':').count() == 3;
          if (TtmlTime.parse(v, 30, 1, 1) == TtmlTime.INVALID) {
            error(local + "=\"" + value + "\" is not a time expression");
          } else if (frames && !frameRate) {
            error(local + "=\"" + value + "\" counts frames but tt has no ttp:frameRate");
          }
          break;
        case "style":
          if (!STYLED.contains(element)) error("style is not allowed on <" + element + ">");
          for (String id : value.trim().split("\\s+")) reference("style", id);
          break;
        case "region":
          if (!REGIONED.contains(element)) error("region is not allowed on <" + element + ">");
          reference("region", value.trim());
          break;
        case "timeContainer":
          if (!value.equals("par") && !value.equals("seq")) error("timeContainer must be par or seq");
          break;
        case "type":
        case "condition":
        case "animate":
        case "fill":
        case "key":
          break;
        default:
          error("attribute " + local + " is not allowed on <" + element + ">");
      }
    }

    private void reference(String kind, String id) {
      references.add(new Object[] {kind, id, locator == null ? 0 : locator.getLineNumber(),
          locator == null ? 0 : locator.getColumnNumber()});
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (metadataDepth > 0) return;
      String parent = stack.peek();
      if ("p".equals(parent) || "span".equals(parent)) return;
      for (int i = start; i < start + length; i++) {
        if (ch[i] != ' ' && ch[i] != '\t' && ch[i] != '\n' && ch[i] != '\r') {
          error("text is only allowed in p and span, not in <" + parent + ">");
          return;
        }
      }
    }

    @Override
    public void endElement(String uri, String local, String qName) {
      stack.pop();
      if (metadataDepth > 0) metadataDepth--;
    }

    void finish() {
      for (Object[] r : references) {
        String kind = (String) r[0];
        String id = (String) r[1];
        Set<String> targets = kind.equals("style") ? styleIds : kind.equals("region") ? regionIds : agentIds;
        if (!targets.contains(id)) {
          errors.add(Diagnostic.error((Integer) r[2], (Integer) r[3], kind + " reference '" + id
              + "' does not resolve to a " + kind + " element"));
        }
      }
    }
  }
}
