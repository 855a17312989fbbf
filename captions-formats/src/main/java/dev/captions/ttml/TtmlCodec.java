package dev.captions.ttml;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.codec.WriteResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.TrackKind;
import dev.captions.webvtt.CueText;
import dev.captions.webvtt.SrtPositions;
import dev.captions.webvtt.internal.Losses;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@link CaptionFormat#TTML}: Timed Text Markup Language in the IMSC 1.1 Text profile, the form broadcast and streaming
 * platforms ask for (DFXP workflows read it too).
 *
 * <p><b>Writing</b>: a {@code tt} root with {@code xml:lang} (empty for {@code und}), {@code ttp:timeBase="media"}
 * and the IMSC 1.1 Text profile designator in {@code ttp:contentProfiles}; a head with one base style and three
 * regions (bottom, middle, top); speakers as {@code ttm:agent} definitions in the head's metadata; one {@code p} per
 * cue with {@code begin}/{@code end} clock times ({@code hh:mm:ss.mmm}), {@code xml:space="preserve"}, the region and
 * {@code tts:textAlign} of its position, and {@code ttm:agent} for its speaker. Cue text becomes {@code span}s:
 * {@code <i> <b> <u>} as inline {@code tts:fontStyle}, {@code tts:fontWeight}, {@code tts:textDecoration};
 * {@code <v Name>} as {@code ttm:agent}; {@code <lang>} as {@code xml:lang}; line breaks as {@code br}; WebVTT
 * timestamp tags (word highlighting) as spans with a {@code begin} relative to the paragraph, so each word appears
 * as it is spoken (TTML has no "past/future" styling: karaoke shows as paint-on). What TTML output cannot hold is
 * reported in the {@link WriteResult}: cue settings other than a numpad position (approximated), WebVTT regions,
 * ruby text, class names, cue ids that are not XML names, timed words, the track kind, STYLE/NOTE/header metadata,
 * and control characters XML 1.0 forbids.
 *
 * <p><b>Reading</b> is tolerant and streams (SAX, one {@code p} at a time, {@link #stream}): clock times with
 * fractions or frames ({@code ttp:frameRate}, {@code ttp:frameRateMultiplier}, {@code ttp:subFrameRate}), offset
 * times ({@code 12.5s}, {@code 500ms}, {@code 30f}, {@code 9000t} with {@code ttp:tickRate}), {@code begin},
 * {@code end} and {@code dur} inherited through nested {@code body}/{@code div}/{@code p}/{@code span}, chained
 * styles, {@code xml:space}, old DFXP namespaces (attributes are matched by local name). DTDs are refused, so
 * external entities and entity expansion attacks fail with a {@link dev.captions.CaptionFormatException}, as does
 * nesting deeper than 256 elements and XML that is not well-formed.
 *
 * <p>{@link #validate(Reader)} checks the IMSC 1.1 Text constraints listed in {@link ImscTextChecker}.
 *
 * <p>Immutable and thread-safe.
 */
public final class TtmlCodec implements CaptionCodec {
  /** The IMSC 1.1 Text profile designator, written in {@code ttp:contentProfiles}. */
  public static final String IMSC_1_1_TEXT = "http://www.w3.org/ns/ttml/profile/imsc1.1/text";

  static final String TT_NS = "http://www.w3.org/ns/ttml";

  /** A codec with the defaults; the one ServiceLoader finds. */
  public TtmlCodec() {}

  @Override
  public CaptionFormat format() {
    return CaptionFormat.TTML;
  }

  @Override
  public ParseResult read(Reader in) throws IOException {
    List<Cue> cues = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    String language = stream(in, cues::add, diagnostics::add);
    return ParseResult.of(CaptionTrack.builder().language(language).kind(TrackKind.CAPTIONS).cues(cues).build(),
        diagnostics);
  }

  /**
   * Reads paragraph by paragraph: each cue goes to {@code cues} as soon as its {@code </p>} is read.
   *
   * @param in the document; read to its end, not closed
   * @param cues receives each cue, in document order
   * @param diagnostics receives what was skipped or repaired, as it goes
   * @return the document language ({@code xml:lang} on {@code tt}), {@code "und"} when empty or absent
   * @throws dev.captions.CaptionFormatException when the text is not well-formed XML, has a DTD, nests too deep, or
   *     its root is not {@code tt}; with line and column where the parser knows them
   * @throws IOException when reading fails
   */
  public String stream(Reader in, Consumer<Cue> cues, Consumer<Diagnostic> diagnostics) throws IOException {
    TtmlReader reader = new TtmlReader(cues, diagnostics);
    reader.read(in);
    return reader.language;
  }

  /**
   * The IMSC 1.1 Text constraints {@link ImscTextChecker} checks, as errors; well-formedness problems as one error.
   *
   * @param in the document; read to its end, not closed
   * @return every violation found, in document order; empty when the document passes
   * @throws IOException when reading fails
   */
  @Override
  public List<Diagnostic> validate(Reader in) throws IOException {
    return ImscTextChecker.check(in);
  }

  @Override
  public WriteResult write(CaptionTrack track, Writer out) throws IOException {
    Losses losses = new Losses("TTML");
    // Speakers first: ttm:agent elements live in the head, before the paragraphs that name them.
    Map<String, String> agents = new LinkedHashMap<>();
    for (Cue c : track.cues()) {
      if (c.speaker() != null) agents.computeIfAbsent(c.speaker(), k -> "agent" + (agents.size() + 1));
      if (c.text().contains("<v")) {
        for (String v : CueText.voices(c.text())) agents.computeIfAbsent(v, k -> "agent" + (agents.size() + 1));
      }
    }
    StringBuilder sb = new StringBuilder(8192);
    String lang = "und".equals(track.language()) ? "" : track.language();
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<tt xmlns=\"").append(TT_NS).append("\" xmlns:ttp=\"http://www.w3.org/ns/ttml#parameter\"")
        .append(" xmlns:tts=\"http://www.w3.org/ns/ttml#styling\" xmlns:ttm=\"http://www.w3.org/ns/ttml#metadata\"")
        .append(" xml:lang=\"");
    attr(lang, sb, losses);
    sb.append("\" ttp:timeBase=\"media\" ttp:contentProfiles=\"").append(IMSC_1_1_TEXT).append("\">\n");
    sb.append("  <head>\n");
    if (!agents.isEmpty()) {
      sb.append("    <metadata>\n");
      for (Map.Entry<String, String> e : agents.entrySet()) {
        sb.append("      <ttm:agent xml:id=\"").append(e.getValue()).append("\" type=\"person\"><ttm:name type=\"full\">");
        text(e.getKey(), sb, losses);
        sb.append("</ttm:name></ttm:agent>\n");
      }
      sb.append("    </metadata>\n");
    }
    sb.append("    <styling>\n");
    sb.append("      <style xml:id=\"base\" tts:fontFamily=\"proportionalSansSerif\" tts:fontSize=\"100%\"")
        .append(" tts:color=\"white\" tts:backgroundColor=\"rgba(0,0,0,0.8)\" tts:textAlign=\"center\"/>\n");
    sb.append("    </styling>\n");
    sb.append("    <layout>\n");
    sb.append("      <region xml:id=\"bottom\" tts:origin=\"10% 10%\" tts:extent=\"80% 80%\" tts:displayAlign=\"after\"/>\n");
    sb.append("      <region xml:id=\"middle\" tts:origin=\"10% 10%\" tts:extent=\"80% 80%\" tts:displayAlign=\"center\"/>\n");
    sb.append("      <region xml:id=\"top\" tts:origin=\"10% 10%\" tts:extent=\"80% 80%\" tts:displayAlign=\"before\"/>\n");
    sb.append("    </layout>\n");
    sb.append("  </head>\n");
    sb.append("  <body style=\"base\">\n");
    sb.append("    <div>\n");
    out.write(sb.toString());
    sb.setLength(0);
    Set<String> ids = new HashSet<>();
    for (Cue c : track.cues()) {
      sb.append("      <p begin=\"").append(TtmlTime.format(c.startMs())).append("\" end=\"")
          .append(TtmlTime.format(c.endMs())).append('"');
      if (c.id() != null) {
        if (isNcName(c.id()) && ids.add(c.id())) sb.append(" xml:id=\"").append(c.id()).append('"');
        else losses.count("cue ids that are not unique XML names");
      }
      int an = position(c.settings(), losses);
      int row = an == 0 ? 0 : (an - 1) / 3;
      int col = an == 0 ? 1 : (an - 1) % 3;
      sb.append(" region=\"").append(row == 2 ? "top" : row == 1 ? "middle" : "bottom").append('"');
      if (col != 1) sb.append(" tts:textAlign=\"").append(col == 0 ? "left" : "right").append('"');
      String speaker = c.speaker();
      if (speaker != null) sb.append(" ttm:agent=\"").append(agents.get(speaker)).append('"');
      sb.append(" xml:space=\"preserve\">");
      paragraph(c, agents, speaker, sb, losses);
      sb.append("</p>\n");
      if (!c.words().isEmpty()) losses.count("timed words", c.words().size());
      if (sb.length() > 8192) {
        out.write(sb.toString());
        sb.setLength(0);
      }
    }
    sb.append("    </div>\n  </body>\n</tt>\n");
    out.write(sb.toString());
    out.flush();
    losses.set("REGION definitions (TTML regions come from cue positions)", track.metadata().regions().size());
    losses.set("STYLE blocks", track.metadata().styles().size());
    losses.set("NOTE comments", track.metadata().notes().size());
    if (!track.metadata().header().isEmpty()) losses.set("header text", 1);
    if (track.kind() != TrackKind.CAPTIONS) losses.set("track kind (" + track.kind().keyword() + ")", 1);
    return WriteResult.of(losses.report());
  }

  /** The numpad position to write (0 for the default), counting what TTML cannot hold of the settings. */
  private static int position(CueSettings s, Losses losses) {
    if (s.isDefault()) return 0;
    if (s.region() != null) losses.count("cue region references");
    if (s.vertical() != CueSettings.Vertical.HORIZONTAL) losses.count("vertical text settings");
    if (s.size() != 100) losses.count("cue sizes");
    CueSettings placement = s.toBuilder().region(null).vertical(CueSettings.Vertical.HORIZONTAL).size(100).build();
    if (placement.isDefault()) return 0;
    int an = SrtPositions.toAn(placement);
    if (an > 0) return an;
    losses.count("cue line/position settings approximated by a region (top, middle, bottom) and text alignment");
    int col = s.align() == CueSettings.Align.LEFT || s.align() == CueSettings.Align.START ? 1
        : s.align() == CueSettings.Align.RIGHT || s.align() == CueSettings.Align.END ? 3 : 2;
    int row = 0;
    if (s.line().isPresent()) {
      double line = s.line().getAsDouble();
      if (s.snapToLines()) row = line >= 0 ? 2 : 0;
      else row = line < 33 ? 2 : line < 67 ? 1 : 0;
    }
    return row * 3 + col;
  }

  /** The cue text as paragraph content: spans for markup, br for line breaks, timed spans after timestamp tags. */
  private static void paragraph(Cue c, Map<String, String> agents, String speaker, StringBuilder sb, Losses losses) {
    String text = c.text();
    if (text.indexOf('<') < 0 && text.indexOf('&') < 0) {
      text(text, sb, losses);
      return;
    }
    CueText.Node root = CueText.parse(text);
    long since = -1; // the begin (relative to the cue) of the words after the last timestamp tag, or -1
    ArrayDeque<Object> stack = new ArrayDeque<>();
    for (int k = root.children().size() - 1; k >= 0; k--) stack.push(root.children().get(k));
    while (!stack.isEmpty()) {
      Object top = stack.pop();
      if (top instanceof String) {
        sb.append((String) top);
        continue;
      }
      CueText.Node node = (CueText.Node) top;
      String open = null;
      switch (node.type()) {
        case TEXT:
          if (since > 0 && !node.text().isEmpty()) {
            sb.append("<span begin=\"").append(TtmlTime.format(since)).append("\">");
            text(node.text(), sb, losses);
            sb.append("</span>");
          } else {
            text(node.text(), sb, losses);
          }
          continue;
        case TIMESTAMP:
          long t = node.timestampMs() - c.startMs();
          if (t > 0 && c.startMs() + t < c.endMs()) since = t;
          else losses.count("timestamp tags outside their cue");
          continue;
        case RUBY_TEXT:
          losses.count("ruby text (<rt>)");
          continue;
        case ITALIC:
          open = "<span tts:fontStyle=\"italic\">";
          break;
        case BOLD:
          open = "<span tts:fontWeight=\"bold\">";
          break;
        case UNDERLINE:
          open = "<span tts:textDecoration=\"underline\">";
          break;
        case VOICE:
          String name = node.annotation();
          if (!name.isEmpty() && !name.equals(speaker) && agents.containsKey(name)) {
            open = "<span ttm:agent=\"" + agents.get(name) + "\">";
          }
          break;
        case LANG:
          if (!node.annotation().isEmpty() && node.annotation().matches("[A-Za-z0-9-]{1,35}")) {
            open = "<span xml:lang=\"" + node.annotation() + "\">";
          } else {
            losses.count("<lang> spans without a valid language tag");
          }
          break;
        case CLASS:
        case RUBY:
        default:
          break;
      }
      if (!node.classes().isEmpty()) losses.count("class names (.yellow …)");
      if (open != null) {
        sb.append(open);
        stack.push("</span>");
      }
      for (int k = node.children().size() - 1; k >= 0; k--) stack.push(node.children().get(k));
    }
  }

  /** Literal text as XML content: {@code & < >} escaped, {@code '\n'} as {@code <br/>}, forbidden characters dropped. */
  private static void text(String s, StringBuilder sb, Losses losses) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '\n':
          sb.append("<br/>");
          break;
        case '\r': // not in the model's text, but a CR or CRLF from an unchecked builder is a line break too
          sb.append("<br/>");
          if (i + 1 < s.length() && s.charAt(i + 1) == '\n') i++;
          break;
        default:
          if (!xmlChar(s, i)) {
            losses.count("control characters XML 1.0 cannot hold");
          } else {
            sb.append(c);
          }
      }
    }
  }

  /** Text for an attribute value: as {@link #text} with quotes escaped and no line breaks. */
  private static void attr(String s, StringBuilder sb, Losses losses) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') sb.append("&quot;");
      else if (c == '&') sb.append("&amp;");
      else if (c == '<') sb.append("&lt;");
      else if (xmlChar(s, i) && c != '\n' && c != '\r' && c != '\t') sb.append(c);
      else losses.count("control characters XML 1.0 cannot hold");
    }
  }

  /** XML 1.0's Char production (surrogates are allowed in pairs). */
  private static boolean xmlChar(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
    if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    if (Character.isLowSurrogate(c)) return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    return c != 0xFFFE && c != 0xFFFF;
  }

  /** Whether {@code s} is an XML NCName (ASCII-conservative: letters, digits, {@code _ - .}, not starting with a digit). */
  static boolean isNcName(String s) {
    if (s.isEmpty()) return false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      boolean other = (c >= '0' && c <= '9') || c == '-' || c == '.';
      if (!(letter || (i > 0 && other))) return false;
    }
    return true;
  }
}
