package dev.captions.ass;

import dev.captions.CaptionFormatException;
import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.codec.WriteResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.Language;
import dev.captions.model.TrackKind;
import dev.captions.spi.BurnInOptions;
import dev.captions.webvtt.SrtPositions;
import dev.captions.webvtt.internal.Losses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * {@link CaptionFormat#ASS}: Advanced SubStation Alpha ({@code .ass}), and SubStation Alpha v4 ({@code .ssa}) for
 * reading.
 *
 * <p><b>Writing</b>: a {@code [Script Info]} section ({@code ScriptType: v4.00+}, {@code PlayResX/PlayResY}, the
 * track's language as {@code Language}), one {@code Default} style in {@code [V4+ Styles]} made from
 * {@link BurnInOptions} (font, size, colours, outline, vertical margin: the same defaults the burn-in uses, so a
 * {@code .ass} file looks like the burned-in captions), and one {@code Dialogue} line per cue in {@code [Events]},
 * times in centiseconds. Cue text becomes override tags: {@code <i> <b> <u>} as {@code {\i1}…{\i0}}, line breaks as
 * {@code \N}, a numpad position as {@code {\anN}}, other line/position percentages as {@code {\anN\pos(x,y)}}, the
 * speaker in the {@code Name} field, WebVTT timestamp tags (word highlighting, {@link Cue#withWordTimestamps()}) as
 * {@code {\kNN}} karaoke durations. Literal <code>{</code> and <code>}</code> become libass's <code>\{</code> and
 * <code>\}</code>; a literal backslash gets U+2060 WORD JOINER (invisible) after it so that it never reads as a tag.
 * What ASS cannot hold (cue ids, regions, vertical text, cue sizes, voices beyond the Name field, class and language
 * spans, ruby text, timed words, metadata, millisecond precision) is reported in the {@link WriteResult}.
 *
 * <p><b>Reading</b> is tolerant and streams ({@link #stream}): sections and keys in any case, the {@code Format}
 * line's field order (or the default order when it is missing), SSA v4 styles and {@code Marked=} events, comments
 * ({@code ;} and {@code Comment:} events) skipped, missing fields and bad times reported and the event skipped. A style's
 * bold, italic, underline and alignment apply to its events. Override tags with no WebVTT form ({@code \pos},
 * {@code \fad}, colours, …) are dropped and reported, once per kind per file.
 *
 * <p>Immutable and thread-safe.
 */
public final class AssCodec implements CaptionCodec {
  /** The play resolution written when the style options give none: libass's default for files without one. */
  static final int DEFAULT_PLAY_RES_X = 384;

  static final int DEFAULT_PLAY_RES_Y = 288;

  private static final String[] DEFAULT_EVENT_FORMAT =
      {"layer", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text"};
  private static final String[] DEFAULT_SSA_EVENT_FORMAT =
      {"marked", "start", "end", "style", "name", "marginl", "marginr", "marginv", "effect", "text"};

  private final BurnInOptions style;
  private final int playResX;
  private final int playResY;

  /** A codec with the burn-in style defaults ({@link BurnInOptions#defaults()}); the one ServiceLoader finds. */
  public AssCodec() {
    this(BurnInOptions.defaults());
  }

  private AssCodec(BurnInOptions style) {
    this.style = style;
    // The burn-in's font size and margin are in libass's default 384×288 script pixels; a size set on the options
    // only says how large the video is, which ASS does not need.
    this.playResX = DEFAULT_PLAY_RES_X;
    this.playResY = DEFAULT_PLAY_RES_Y;
  }

  /**
   * A codec that writes its {@code Default} style from {@code style}: font name (Arial when unset), size, primary and
   * outline colours, outline width and vertical margin, in 384×288 script pixels as the burn-in uses them.
   *
   * @param style the style; not null
   * @return the codec
   * @throws NullPointerException if {@code style} is null
   */
  public static AssCodec withStyle(BurnInOptions style) {
    return new AssCodec(Objects.requireNonNull(style, "style == null"));
  }

  @Override
  public CaptionFormat format() {
    return CaptionFormat.ASS;
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
   * Reads event by event: each cue goes to {@code cues} as soon as its line is read, so memory stays flat.
   *
   * @param in the file's text; read to its end, not closed
   * @param cues receives each cue, in file order
   * @param diagnostics receives what was skipped or repaired, as it goes
   * @return the track language from {@code [Script Info]}'s {@code Language} field, {@code "und"} when absent
   * @throws CaptionFormatException when the text has no {@code [Script Info]} or {@code [Events]} section nor any
   *     {@code Dialogue} line: it is not an SSA/ASS file
   * @throws IOException when reading fails
   */
  public String stream(Reader in, Consumer<Cue> cues, Consumer<Diagnostic> diagnostics) throws IOException {
    BufferedReader r = in instanceof BufferedReader ? (BufferedReader) in : new BufferedReader(in, 16384);
    String section = "";
    String language = "und";
    boolean sawSection = false;
    boolean sawDialogue = false;
    String[] eventFormat = null;
    String[] styleFormat = null;
    boolean ssa = false;
    Map<String, Style> styles = new HashMap<>();
    Map<String, Integer> droppedTags = new java.util.TreeMap<>();
    int lineNo = 0;
    for (String line; (line = r.readLine()) != null; ) {
      lineNo++;
      if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
      String t = line.trim();
      if (t.isEmpty() || t.startsWith(";") || t.startsWith("!:")) continue;
      if (t.startsWith("[") && t.endsWith("]")) {
        section = t.substring(1, t.length() - 1).trim().toLowerCase(Locale.ROOT);
        sawSection = true;
        if (section.equals("v4 styles")) ssa = true;
        continue;
      }
      int colon = t.indexOf(':');
      if (colon < 0) {
        diagnostics.accept(Diagnostic.warning(lineNo, 1, "not a 'Key: value' line; skipped"));
        continue;
      }
      String key = t.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(line.indexOf(':') + 1);
      if (section.equals("script info")) {
        if (key.equals("language") && !value.isBlank()) {
          if (Language.isTag(value.trim())) {
            language = value.trim();
          } else {
            diagnostics.accept(Diagnostic.warning(lineNo, 1, "Language '" + value.trim()
                + "' is not a BCP-47 tag; the track's language is und"));
          }
        }
        if (key.equals("scripttype") && value.trim().equalsIgnoreCase("v4.00")) ssa = true;
      } else if (section.endsWith("styles")) {
        if (key.equals("format")) {
          styleFormat = fields(value);
        } else if (key.equals("style")) {
          String[] names = styleFormat != null ? styleFormat : ssa ? Style.SSA_FORMAT : Style.ASS_FORMAT;
          String[] values = split(value.trim(), names.length);
          Style s = Style.of(names, values, ssa);
          styles.put(s.name.toLowerCase(Locale.ROOT), s);
        }
      } else if (section.equals("events")) {
        if (key.equals("format")) {
          eventFormat = fields(value);
          if (indexOf(eventFormat, "text") != eventFormat.length - 1) {
            diagnostics.accept(Diagnostic.warning(lineNo, 1, "the Format line does not end with Text; "
                + "reading events in the default order"));
            eventFormat = null;
          }
        } else if (key.equals("dialogue")) {
          sawDialogue = true;
          String[] names = eventFormat != null ? eventFormat : ssa ? DEFAULT_SSA_EVENT_FORMAT : DEFAULT_EVENT_FORMAT;
          Cue cue = event(names, value, styles, lineNo, diagnostics, droppedTags);
          if (cue != null) cues.accept(cue);
        }
        // Comment:, Picture:, Sound:, Movie:, Command: carry nothing to show.
      } else if (key.equals("dialogue")) {
        // A Dialogue line outside [Events] (a file with its sections mangled): read it anyway.
        sawDialogue = true;
        Cue cue = event(ssa ? DEFAULT_SSA_EVENT_FORMAT : DEFAULT_EVENT_FORMAT, value, styles, lineNo, diagnostics,
            droppedTags);
        if (cue != null) cues.accept(cue);
      }
    }
    if (!sawSection && !sawDialogue) {
      throw new CaptionFormatException("not an SSA/ASS file: no [Script Info] or [Events] section and no Dialogue"
          + " line", 1, 1);
    }
    droppedTags.forEach((tag, n) -> diagnostics.accept(Diagnostic.warning(0, 0, "dropped " + n + " × \\" + tag
        + " override tags: WebVTT cue text has no form for them")));
    return language;
  }

  private static Cue event(String[] names, String value, Map<String, Style> styles, int lineNo,
      Consumer<Diagnostic> diagnostics, Map<String, Integer> droppedTags) {
    String[] v = split(value.stripLeading(), names.length);
    if (v.length < names.length) {
      diagnostics.accept(Diagnostic.warning(lineNo, 1, "Dialogue line has " + v.length + " of " + names.length
          + " fields; skipped"));
      return null;
    }
    int si = indexOf(names, "start");
    int ei = indexOf(names, "end");
    long start = si < 0 ? -1 : parseTime(v[si].trim());
    long end = ei < 0 ? -1 : parseTime(v[ei].trim());
    if (start < 0 || end < 0) {
      diagnostics.accept(Diagnostic.warning(lineNo, 1, "Dialogue line has no valid Start/End time (H:MM:SS.cc);"
          + " skipped"));
      return null;
    }
    if (end <= start) {
      diagnostics.accept(Diagnostic.warning(lineNo, 1, "Dialogue ends at or before its start; skipped"));
      return null;
    }
    int sti = indexOf(names, "style");
    Style st = sti < 0 ? null : styles.get(v[sti].trim().replaceFirst("^\\*", "").toLowerCase(Locale.ROOT));
    if (st == null) st = styles.getOrDefault("default", Style.PLAIN);
    AssText.Parsed p = AssText.fromAss(v[names.length - 1], start, st.italic, st.bold, st.underline);
    for (String tag : p.droppedTags) droppedTags.merge(tag, 1, Integer::sum);
    int an = p.an != 0 ? p.an : st.an;
    Cue.Builder b = Cue.builder().startMs(start).endMs(end).text(p.markup);
    int ni = indexOf(names, "name");
    if (ni >= 0 && !v[ni].isBlank()) b.speaker(v[ni].trim());
    if (an != 0 && an != 2) b.settings(SrtPositions.fromAn(an));
    return b.build();
  }

  /** {@code H:MM:SS.cc} (any digits per field, a fraction of any length), or -1. */
  static long parseTime(String s) {
    String[] parts = s.split(":", -1);
    if (parts.length != 3) return -1;
    try {
      long h = Long.parseLong(parts[0].trim());
      long m = Long.parseLong(parts[1].trim());
      String sec = parts[2].trim().replace(',', '.');
      int dot = sec.indexOf('.');
      long whole = Long.parseLong(dot < 0 ? sec : sec.substring(0, dot));
      long ms = 0;
      if (dot >= 0) {
        String frac = (sec.substring(dot + 1) + "000").substring(0, 3);
        ms = Long.parseLong(frac);
      }
      if (h < 0 || m < 0 || whole < 0 || h > 100_000) return -1;
      return ((h * 60 + m) * 60 + whole) * 1000 + ms;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Splits at the first {@code n - 1} commas: the last field (the text) keeps its commas. */
  static String[] split(String value, int n) {
    List<String> out = new ArrayList<>(n);
    int from = 0;
    while (out.size() < n - 1) {
      int comma = value.indexOf(',', from);
      if (comma < 0) break;
      out.add(value.substring(from, comma));
      from = comma + 1;
    }
    out.add(value.substring(from));
    return out.toArray(new String[0]);
  }

  private static String[] fields(String value) {
    String[] f = value.split(",");
    for (int i = 0; i < f.length; i++) f[i] = f[i].trim().toLowerCase(Locale.ROOT);
    return f;
  }

  private static int indexOf(String[] a, String s) {
    for (int i = 0; i < a.length; i++) {
      if (a[i].equals(s)) return i;
    }
    return -1;
  }

  /** A style's text attributes, as far as WebVTT markup can show them. */
  static final class Style {
    static final String[] ASS_FORMAT = {"name", "fontname", "fontsize", "primarycolour", "secondarycolour",
        "outlinecolour", "backcolour", "bold", "italic", "underline", "strikeout", "scalex", "scaley", "spacing",
        "angle", "borderstyle", "outline", "shadow", "alignment", "marginl", "marginr", "marginv", "encoding"};
    static final String[] SSA_FORMAT = {"name", "fontname", "fontsize", "primarycolour", "secondarycolour",
        "tertiarycolour", "backcolour", "bold", "italic", "borderstyle", "outline", "shadow", "alignment", "marginl",
        "marginr", "marginv", "alphalevel", "encoding"};
    static final Style PLAIN = new Style("Default", false, false, false, 2);

    final String name;
    final boolean bold;
    final boolean italic;
    final boolean underline;
    final int an;

    Style(String name, boolean bold, boolean italic, boolean underline, int an) {
      this.name = name;
      this.bold = bold;
      this.italic = italic;
      this.underline = underline;
      this.an = an;
    }

    static Style of(String[] names, String[] values, boolean ssa) {
      String name = get(names, values, "name").trim();
      int align = 2;
      try {
        String a = get(names, values, "alignment").trim();
        if (!a.isEmpty()) align = ssa ? AssText.legacyAlignment(Integer.parseInt(a)) : Integer.parseInt(a);
      } catch (NumberFormatException e) {
        align = 2;
      }
      if (align < 1 || align > 9) align = 2;
      return new Style(name, flag(get(names, values, "bold")), flag(get(names, values, "italic")),
          flag(get(names, values, "underline")), align);
    }

    private static String get(String[] names, String[] values, String field) {
      int i = indexOf(names, field);
      return i >= 0 && i < values.length ? values[i] : "";
    }

    /** ASS flags are -1 (on) or 0; some writers use 1. */
    private static boolean flag(String v) {
      String t = v.trim();
      return !t.isEmpty() && !t.equals("0");
    }
  }

  @Override
  public WriteResult write(CaptionTrack track, Writer out) throws IOException {
    Losses losses = new Losses("ASS");
    StringBuilder sb = new StringBuilder(8192);
    sb.append("[Script Info]\n");
    sb.append("; Written by captions (dev.captions)\n");
    sb.append("ScriptType: v4.00+\n");
    sb.append("PlayResX: ").append(playResX).append('\n');
    sb.append("PlayResY: ").append(playResY).append('\n');
    sb.append("WrapStyle: 0\n");
    sb.append("ScaledBorderAndShadow: yes\n");
    sb.append("YCbCr Matrix: None\n");
    if (!"und".equals(track.language())) sb.append("Language: ").append(oneLine(track.language())).append('\n');
    sb.append('\n');
    sb.append("[V4+ Styles]\n");
    sb.append("Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold,"
        + " Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment,"
        + " MarginL, MarginR, MarginV, Encoding\n");
    // SecondaryColour is what karaoke ({\k}) shows before a word is sung: the primary colour at half opacity.
    sb.append("Style: Default,").append(style.fontName().map(AssCodec::styleField).orElse("Arial")).append(',')
        .append(style.fontSize()).append(',').append(BurnInOptions.assColour(style.primaryColour(), 0)).append(',')
        .append(BurnInOptions.assColour(style.primaryColour(), 0x80)).append(',')
        .append(BurnInOptions.assColour(style.outlineColour(), 0))
        .append(",&H80000000,0,0,0,0,100,100,0,0,1,").append(style.outline()).append(",0,2,10,10,")
        .append(style.marginVertical()).append(",1\n");
    sb.append('\n');
    sb.append("[Events]\n");
    sb.append("Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n");
    out.write(sb.toString());
    sb.setLength(0);
    int unrounded = 0;
    for (Cue c : track.cues()) {
      long start = Math.round(c.startMs() / 10.0);
      long end = Math.max(start + 1, Math.round(c.endMs() / 10.0));
      if (c.startMs() % 10 != 0 || c.endMs() % 10 != 0) unrounded++;
      String name = c.speaker();
      if (name == null) {
        List<String> voices = dev.captions.webvtt.CueText.voices(c.text());
        if (!voices.isEmpty()) name = voices.get(0);
      }
      sb.append("Dialogue: 0,");
      appendTime(sb, start);
      sb.append(',');
      appendTime(sb, end);
      sb.append(",Default,").append(name == null ? "" : styleField(name)).append(",0,0,0,,");
      sb.append(AssText.toAss(c, name, position(c.settings(), losses), losses));
      sb.append('\n');
      if (c.id() != null) losses.count("cue ids");
      if (!c.words().isEmpty()) losses.count("timed words", c.words().size());
      if (sb.length() > 8192) {
        out.write(sb.toString());
        sb.setLength(0);
      }
    }
    out.write(sb.toString());
    out.flush();
    losses.count("cue times rounded to centiseconds (ASS times are H:MM:SS.cc)", unrounded);
    losses.set("REGION definitions", track.metadata().regions().size());
    losses.set("STYLE blocks", track.metadata().styles().size());
    losses.set("NOTE comments", track.metadata().notes().size());
    if (!track.metadata().header().isEmpty()) losses.set("header text", 1);
    if (track.kind() != TrackKind.CAPTIONS) losses.set("track kind (" + track.kind().keyword() + ")", 1);
    return WriteResult.of(losses.report());
  }

  /**
   * Override tags for a cue's position: {@code \anN} for a numpad position; {@code \anN\pos(x,y)} for line and
   * position percentages; the nearest row for line numbers. Counts what is left out.
   */
  private String position(CueSettings s, Losses losses) {
    if (s.isDefault()) return "";
    if (s.region() != null) losses.count("cue regions");
    if (s.vertical() != CueSettings.Vertical.HORIZONTAL) losses.count("vertical text settings");
    if (s.size() != 100) losses.count("cue sizes");
    CueSettings placement = s.toBuilder().region(null).vertical(CueSettings.Vertical.HORIZONTAL).size(100).build();
    if (placement.isDefault()) return "";
    int an = SrtPositions.toAn(placement);
    if (an > 0) return "\\an" + an;
    int col = s.align() == CueSettings.Align.LEFT || s.align() == CueSettings.Align.START ? 1
        : s.align() == CueSettings.Align.RIGHT || s.align() == CueSettings.Align.END ? 3 : 2;
    if (s.line().isPresent() && !s.snapToLines()) {
      int row = s.lineAlign() == CueSettings.Anchor.START ? 2 : s.lineAlign() == CueSettings.Anchor.CENTER ? 1 : 0;
      double x = (s.position().isPresent() ? s.position().getAsDouble() : col == 1 ? 0 : col == 3 ? 100 : 50);
      long px = Math.round(x * playResX / 100);
      long py = Math.round(s.line().getAsDouble() * playResY / 100);
      return "\\an" + (row * 3 + col) + "\\pos(" + px + "," + py + ")";
    }
    // Line numbers (snap-to-lines) and other combinations: the nearest numpad position.
    losses.count("cue settings approximated by a numpad position ({\\an})");
    int row = s.line().isPresent() && s.line().getAsDouble() >= 0 ? 2 : 0;
    return "\\an" + (row * 3 + col);
  }

  private static void appendTime(StringBuilder sb, long cs) {
    long h = cs / 360_000;
    long m = cs / 6000 % 60;
    long sec = cs / 100 % 60;
    long c = cs % 100;
    sb.append(h).append(':');
    if (m < 10) sb.append('0');
    sb.append(m).append(':');
    if (sec < 10) sb.append('0');
    sb.append(sec).append('.');
    if (c < 10) sb.append('0');
    sb.append(c);
  }

  /** A style or Name field: no commas (they separate fields) and no line breaks. */
  private static String styleField(String s) {
    return oneLine(s).replace(',', ';');
  }

  private static String oneLine(String s) {
    return s.replace('\r', ' ').replace('\n', ' ');
  }
}
