package dev.captions.webvtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.captions.CaptionFormatException;
import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.codec.WriteResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.DefaultCaptionTrack;
import dev.captions.model.Region;
import dev.captions.model.TimedWord;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@link CaptionFormat#JSON}: a track as JSON with the HTML {@code VTTCue} property names and units, for web apps:
 * <pre>{"language":"en","kind":"captions","cues":[{"id":"1","startTime":1.5,"endTime":3.0,"text":"Hi",
 *   "vertical":"","line":"auto","snapToLines":true,"lineAlign":"start","position":"auto","positionAlign":"auto",
 *   "size":100,"align":"center","region":null,"speaker":"Ann","words":[{"text":"Hi","startTime":1.5,"endTime":2.0}]}]}</pre>
 * Times are seconds (numbers). Metadata, when present, goes under {@code "header"}, {@code "styles"},
 * {@code "regions"} (before {@code "cues"}) and {@code "notes"} (after them); a reader takes the properties in any
 * order.
 *
 * <p>Reading never guesses at data: a value of the wrong JSON type ({@code "text":{…}}, {@code "startTime":"x"}), a
 * cue or word without {@code startTime}/{@code endTime}, a time that is not a finite number of seconds between 0 and
 * {@value #MAX_SECONDS}, a repeated property, and anything after the track object throw
 * {@link CaptionFormatException} with the line and column, as does JSON that is not a track object. {@code null}
 * means "absent" for optional properties, {@code "line"} and {@code "position"} may be {@code "auto"}, and unknown
 * properties are ignored. Values of the right type that the model rejects (an end not after the start, a size over
 * 100) skip that cue or region with a warning; an unknown keyword ({@code "align":"middle"}) is ignored with a
 * warning. Thread-safe.
 */
public final class JsonTrackCodec implements CaptionCodec {
  /** The largest time accepted, in seconds: its milliseconds still fit a {@code long}. */
  static final double MAX_SECONDS = 9.0e15;

  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  @Override
  public CaptionFormat format() {
    return CaptionFormat.JSON;
  }

  @Override
  public ParseResult read(Reader in) throws IOException {
    List<Cue> cues = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    ParseResult head = stream(in, cues::add, diagnostics::add);
    return ParseResult.of(head.track().toBuilder().cues(cues).build(), diagnostics);
  }

  /**
   * Reads as {@link #read(Reader)} does, handing each cue to {@code cues} as it is read, so memory stays flat.
   *
   * @param in the JSON text; not closed
   * @param cues receives the cues in file order
   * @param diagnostics receives the warnings as they come
   * @return the track without its cues (language, kind, metadata) and no diagnostics
   * @throws IOException when reading fails
   * @throws CaptionFormatException as {@link #read(Reader)} does
   */
  public ParseResult stream(Reader in, java.util.function.Consumer<Cue> cues,
      java.util.function.Consumer<Diagnostic> diagnostics) throws IOException {
    return stream(in, cues, diagnostics, null);
  }

  /**
   * As {@link #stream(Reader, java.util.function.Consumer, java.util.function.Consumer)}, and tells {@code listener}
   * the head (the properties before {@code "cues"}) when the cue array starts, each note that comes after that, and
   * the name of any other track property that comes after the cues ({@link TrackListener#lateProperty}); the head
   * is complete when {@code "language"} and {@code "kind"} came before {@code "cues"}, as this codec's writer puts
   * them (with every other track property but the notes).
   *
   * @param in the JSON text; not closed
   * @param cues receives the cues in file order
   * @param diagnostics receives the warnings as they come
   * @param listener receives the head, later notes and late properties; null for none
   * @return the track without its cues (language, kind, metadata) and no diagnostics
   * @throws IOException when reading fails
   * @throws CaptionFormatException as {@link #read(Reader)} does
   */
  public ParseResult stream(Reader in, java.util.function.Consumer<Cue> cues,
      java.util.function.Consumer<Diagnostic> diagnostics, TrackListener listener) throws IOException {
    try (JsonParser p = FACTORY.createParser(in)) {
      return new TrackReader(p, cues, diagnostics, listener).read();
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new CaptionFormatException("not valid JSON: " + e.getOriginalMessage(), l == null ? 0 : l.getLineNr(),
          l == null ? 0 : l.getColumnNr(), e);
    }
  }

  /** One read: a pull parser walked by hand so every error can say where it is. Not thread-safe. */
  private static final class TrackReader {
    private final JsonParser p;
    private final java.util.function.Consumer<Cue> cues;
    private final java.util.function.Consumer<Diagnostic> diagnostics;
    /** Why the cue being read cannot be built, if the model rejected a value; it is skipped with a warning. */
    private String cueProblem;

    private final TrackListener listener;

    TrackReader(JsonParser p, java.util.function.Consumer<Cue> cues,
        java.util.function.Consumer<Diagnostic> diagnostics, TrackListener listener) {
      this.p = p;
      this.cues = cues;
      this.diagnostics = diagnostics;
      this.listener = listener;
    }

    ParseResult read() throws IOException {
      if (p.nextToken() != JsonToken.START_OBJECT) throw error("expected a JSON object with a \"cues\" array");
      DefaultCaptionTrack.Builder track = CaptionTrack.builder();
      String header = "";
      List<String> styles = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      List<Region> regions = new ArrayList<>();
      boolean hasCues = false;
      boolean hasLanguage = false;
      boolean hasKind = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        JsonLocation at = p.currentTokenLocation();
        if (hasCues && listener != null && p.currentToken() != JsonToken.VALUE_NULL && isTrackProperty(field)) {
          listener.lateProperty(field);
        }
        switch (field) {
          case "language": {
            hasLanguage = true;
            String language = string(field);
            if (language == null) break;
            if (DefaultCaptionTrackLanguages.isTag(language)) track.language(language);
            else warning(at, "ignored invalid language '" + language + "'");
            break;
          }
          case "kind": {
            hasKind = true;
            String keyword = string(field);
            if (keyword == null) break;
            TrackKind kind = WebVttReader.kindOf(keyword);
            if (kind != null) track.kind(kind);
            else warning(at, "ignored unknown kind '" + keyword + "'");
            break;
          }
          case "header":
            header = orEmpty(string(field));
            break;
          case "styles":
            strings(field, styles);
            break;
          case "notes": {
            int before = notes.size();
            strings(field, notes);
            if (hasCues && listener != null) {
              for (String note : notes.subList(before, notes.size())) listener.note(note);
            }
            break;
          }
          case "regions":
            if (startArray(field)) {
              while (p.nextToken() != JsonToken.END_ARRAY) region(regions);
            }
            break;
          case "cues":
            if (p.currentToken() != JsonToken.START_ARRAY) throw error("\"cues\" must be an array, not " + found());
            hasCues = true;
            if (listener != null) {
              CaptionTrack head = track.build();
              listener.head(head.language(), head.kind(), TrackMetadata.of(header, styles, regions, notes),
                  hasLanguage && hasKind);
            }
            for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
              Cue cue = cue(i);
              if (cue != null) cues.accept(cue);
            }
            break;
          default:
            p.skipChildren();
        }
      }
      if (!hasCues) throw error("expected a JSON object with a \"cues\" array");
      JsonToken after;
      try {
        after = p.nextToken();
      } catch (JsonProcessingException e) {
        after = JsonToken.NOT_AVAILABLE;
      }
      if (after != null) throw error("unexpected content after the track object (a file holds one track)");
      return ParseResult.of(track.metadata(TrackMetadata.of(header, styles, regions, notes)).build(), List.of());
    }

    /** A property of the track other than its cues and notes (which a streamed write can still place). */
    private static boolean isTrackProperty(String field) {
      switch (field) {
        case "language":
        case "kind":
        case "header":
        case "styles":
        case "regions":
          return true;
        default:
          return false;
      }
    }

    private Cue cue(int index) throws IOException {
      JsonLocation at = p.currentTokenLocation();
      if (p.currentToken() != JsonToken.START_OBJECT) throw error("cue " + index + " must be an object, not " + found());
      cueProblem = null;
      Cue.Builder b = Cue.builder().text("");
      CueSettings.Builder s = CueSettings.builder();
      boolean hasStart = false;
      boolean hasEnd = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "id": {
            String id = string(field);
            if (id != null && !id.isEmpty()) b.id(id);
            break;
          }
          case "startTime":
            b.startMs(millis(field));
            hasStart = true;
            break;
          case "endTime":
            b.endMs(millis(field));
            hasEnd = true;
            break;
          case "text":
            b.text(orEmpty(string(field)));
            break;
          case "speaker":
            b.speaker(string(field));
            break;
          case "vertical": {
            CueSettings.Vertical v = keyword(field, CueSettings.Vertical.values(), CueSettings.Vertical::value);
            if (v != null) s.vertical(v);
            break;
          }
          case "line": {
            Double line = numberOrAuto(field);
            if (line != null) s.line(line);
            break;
          }
          case "snapToLines":
            if (p.currentToken() != JsonToken.VALUE_NULL) s.snapToLines(bool(field));
            break;
          case "lineAlign": {
            CueSettings.Anchor a = keyword(field, CueSettings.Anchor.values(), CueSettings.Anchor::value);
            if (a != null) s.lineAlign(a);
            break;
          }
          case "position": {
            Double position = numberOrAuto(field);
            if (position != null) s.position(position);
            break;
          }
          case "positionAlign": {
            CueSettings.Anchor a = keyword(field, CueSettings.Anchor.values(), CueSettings.Anchor::value);
            if (a != null) s.positionAlign(a);
            break;
          }
          case "size":
            if (p.currentToken() != JsonToken.VALUE_NULL) s.size(number(field));
            break;
          case "align": {
            CueSettings.Align a = keyword(field, CueSettings.Align.values(), CueSettings.Align::value);
            if (a != null) s.align(a);
            break;
          }
          case "region": {
            String region = string(field);
            if (region != null && !region.isEmpty()) s.region(region);
            break;
          }
          case "words":
            b.words(words());
            break;
          default:
            p.skipChildren();
        }
      }
      if (!hasStart || !hasEnd) {
        throw error(at, "cue " + index + " needs \"startTime\" and \"endTime\" (numbers, in seconds)");
      }
      try {
        if (cueProblem != null) throw new IllegalArgumentException(cueProblem);
        return b.settings(s.build()).build();
      } catch (IllegalArgumentException e) {
        warning(at, "skipped cue " + index + ": " + e.getMessage());
        return null;
      }
    }

    private List<TimedWord> words() throws IOException {
      if (!startArray("words")) return List.of();
      List<TimedWord> words = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        JsonLocation at = p.currentTokenLocation();
        if (p.currentToken() != JsonToken.START_OBJECT) throw error("a word must be an object, not " + found());
        String text = "";
        long startMs = -1;
        long endMs = -1;
        double confidence = TimedWord.UNKNOWN_CONFIDENCE;
        String speaker = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String field = p.currentName();
          p.nextToken();
          switch (field) {
            case "text":
              text = orEmpty(string(field));
              break;
            case "startTime":
              startMs = millis(field);
              break;
            case "endTime":
              endMs = millis(field);
              break;
            case "confidence":
              if (p.currentToken() != JsonToken.VALUE_NULL) confidence = number(field);
              break;
            case "speaker":
              speaker = string(field);
              break;
            default:
              p.skipChildren();
          }
        }
        if (startMs < 0 || endMs < 0) throw error(at, "a word needs \"startTime\" and \"endTime\" (numbers, in seconds)");
        try {
          words.add(TimedWord.of(text, startMs, endMs, confidence, speaker));
        } catch (IllegalArgumentException e) {
          if (cueProblem == null) cueProblem = "word " + words.size() + ": " + e.getMessage();
        }
      }
      return words;
    }

    private void region(List<Region> regions) throws IOException {
      JsonLocation at = p.currentTokenLocation();
      if (p.currentToken() != JsonToken.START_OBJECT) throw error("a region must be an object, not " + found());
      String id = "";
      double width = 100;
      double lines = 3;
      double[] anchors = {0, 100, 0, 100};
      Region.Scroll scroll = Region.Scroll.NONE;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        if (p.currentToken() == JsonToken.VALUE_NULL) continue;
        switch (field) {
          case "id":
            id = string(field);
            break;
          case "width":
            width = number(field);
            break;
          case "lines":
            lines = number(field);
            break;
          case "regionAnchorX":
            anchors[0] = number(field);
            break;
          case "regionAnchorY":
            anchors[1] = number(field);
            break;
          case "viewportAnchorX":
            anchors[2] = number(field);
            break;
          case "viewportAnchorY":
            anchors[3] = number(field);
            break;
          case "scroll": {
            String value = string(field);
            if (value.equals("up")) scroll = Region.Scroll.UP;
            else if (!value.isEmpty()) warning(p.currentTokenLocation(), "ignored unknown scroll '" + value + "'");
            break;
          }
          default:
            p.skipChildren();
        }
      }
      try {
        // Lines past Integer.MAX_VALUE clamp, as WebVttReader does for "lines:1e34".
        regions.add(Region.builder(id).width(width).lines((int) lines).regionAnchor(anchors[0], anchors[1])
            .viewportAnchor(anchors[2], anchors[3]).scroll(scroll).build());
      } catch (IllegalArgumentException e) {
        warning(at, "skipped region '" + id + "': " + e.getMessage());
      }
    }

    /** The current string, {@code null} for JSON null; anything else is an error. */
    private String string(String field) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NULL) return null;
      if (p.currentToken() != JsonToken.VALUE_STRING) throw error("\"" + field + "\" must be a string, not " + found());
      return p.getText();
    }

    private double number(String field) throws IOException {
      if (!p.currentToken().isNumeric()) throw error("\"" + field + "\" must be a number, not " + found());
      double v = p.getDoubleValue();
      if (!Double.isFinite(v)) throw error("\"" + field + "\" is too large (" + p.getText() + ")");
      return v;
    }

    private boolean bool(String field) throws IOException {
      if (!p.currentToken().isBoolean()) throw error("\"" + field + "\" must be true or false, not " + found());
      return p.getBooleanValue();
    }

    /** A time in seconds as milliseconds. */
    private long millis(String field) throws IOException {
      if (!p.currentToken().isNumeric()) {
        throw error("\"" + field + "\" must be a number of seconds, not " + found());
      }
      double seconds = p.getDoubleValue();
      if (!(seconds >= 0 && seconds <= MAX_SECONDS)) {
        throw error("\"" + field + "\" (" + p.getText() + ") must be between 0 and " + MAX_SECONDS + " seconds");
      }
      return Math.round(seconds * 1000);
    }

    /** A number, or null for {@code "auto"} or JSON null. */
    private Double numberOrAuto(String field) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL || (t == JsonToken.VALUE_STRING && p.getText().equals("auto"))) return null;
      if (!t.isNumeric()) throw error("\"" + field + "\" must be a number or \"auto\", not " + found());
      return number(field);
    }

    /** The constant whose keyword is the current string; null (with a warning if unknown) otherwise. */
    private <E> E keyword(String field, E[] values, Function<E, String> keyword) throws IOException {
      String value = string(field);
      if (value == null) return null;
      for (E e : values) {
        if (keyword.apply(e).equals(value)) return e;
      }
      warning(p.currentTokenLocation(), "ignored unknown " + field + " '" + value + "'");
      return null;
    }

    private void strings(String field, List<String> out) throws IOException {
      if (!startArray(field)) return;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        String s = string(field + "[]");
        if (s == null) throw error("\"" + field + "[]\" must be a string, not null");
        out.add(s);
      }
    }

    /** True at the start of an array, false for JSON null; anything else is an error. */
    private boolean startArray(String field) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NULL) return false;
      if (p.currentToken() != JsonToken.START_ARRAY) throw error("\"" + field + "\" must be an array, not " + found());
      return true;
    }

    private String found() {
      JsonToken t = p.currentToken();
      if (t == null) return "the end of the input";
      switch (t) {
        case START_OBJECT:
          return "an object";
        case START_ARRAY:
          return "an array";
        case VALUE_STRING:
          return "a string";
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return "a number";
        case VALUE_TRUE:
        case VALUE_FALSE:
          return "a boolean";
        case VALUE_NULL:
          return "null";
        default:
          return t.asString() == null ? t.name() : "'" + t.asString() + "'";
      }
    }

    private CaptionFormatException error(String message) {
      return error(p.currentTokenLocation(), message);
    }

    private static CaptionFormatException error(JsonLocation at, String message) {
      return new CaptionFormatException(message, at.getLineNr(), at.getColumnNr());
    }

    private void warning(JsonLocation at, String message) {
      diagnostics.accept(Diagnostic.warning(Math.max(0, at.getLineNr()), Math.max(0, at.getColumnNr()), message));
    }

    private static String orEmpty(String s) {
      return s == null ? "" : s;
    }
  }

  @Override
  public WriteResult write(CaptionTrack track, Writer out) throws IOException {
    Session s = open(out, track.language(), track.kind(), track.metadata());
    for (Cue c : track.cues()) s.cue(c);
    s.end();
    return WriteResult.lossless(); // JSON holds everything the model has
  }

  /**
   * Starts a streamed write: writes the track's properties now, then one cue per {@link Session#cue(Cue)};
   * {@link Session#end()} closes the JSON.
   *
   * @param out where to write; not closed
   * @param language the track's language
   * @param kind the track's kind
   * @param m the track's metadata, written before the cues
   * @return the session
   * @throws IOException when {@code out} fails
   */
  public Session open(Writer out, String language, TrackKind kind, TrackMetadata m) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeStringField("language", language);
    g.writeStringField("kind", kind.keyword());
    if (!m.header().isEmpty()) g.writeStringField("header", m.header());
    writeStrings(g, "styles", m.styles());
    if (!m.regions().isEmpty()) {
      g.writeArrayFieldStart("regions");
      for (Region r : m.regions()) {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeNumberField("width", r.width());
        g.writeNumberField("lines", r.lines());
        g.writeNumberField("regionAnchorX", r.regionAnchorX());
        g.writeNumberField("regionAnchorY", r.regionAnchorY());
        g.writeNumberField("viewportAnchorX", r.viewportAnchorX());
        g.writeNumberField("viewportAnchorY", r.viewportAnchorY());
        g.writeStringField("scroll", r.scroll() == Region.Scroll.UP ? "up" : "");
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeArrayFieldStart("cues");
    Session session = new Session(g);
    session.notes.addAll(m.notes());
    return session;
  }

  /**
   * A streamed JSON write. Not thread-safe; call {@link #end()} once, after the last cue. The notes (those of the
   * metadata given to {@code open} and those given to {@link #note(String)}) go after the cues, so that a note read
   * between two cues of a streamed input can still be written.
   */
  public static final class Session implements CueSink {
    private final JsonGenerator g;
    private final List<String> notes = new ArrayList<>();

    private Session(JsonGenerator g) {
      this.g = g;
    }

    @Override
    public void cue(Cue cue) throws IOException {
      writeCue(g, cue);
    }

    /**
     * Adds a note, written after the cues by {@link #end()}; notes are kept in memory until then.
     *
     * @param note the note's text, not null
     */
    public void note(String note) {
      notes.add(java.util.Objects.requireNonNull(note, "note"));
    }

    /** JSON holds everything: always empty. */
    @Override
    public List<Diagnostic> losses() {
      return List.of();
    }

    @Override
    public void flush() throws IOException {
      g.flush();
    }

    /**
     * Closes the cue array and the track object, and flushes; the writer stays open.
     *
     * @throws IOException when the writer fails
     */
    public void end() throws IOException {
      g.writeEndArray();
      writeStrings(g, "notes", notes);
      g.writeEndObject();
      g.flush();
    }
  }

  private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
    if (values.isEmpty()) return;
    g.writeArrayFieldStart(name);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  private static void writeCue(JsonGenerator g, Cue c) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", c.id() == null ? "" : c.id());
    g.writeNumberField("startTime", c.startMs() / 1000.0);
    g.writeNumberField("endTime", c.endMs() / 1000.0);
    g.writeStringField("text", c.text());
    CueSettings s = c.settings();
    g.writeStringField("vertical", s.vertical().value());
    if (s.line().isEmpty()) g.writeStringField("line", "auto");
    else g.writeNumberField("line", s.line().getAsDouble());
    g.writeBooleanField("snapToLines", s.snapToLines());
    g.writeStringField("lineAlign", s.lineAlign().value());
    if (s.position().isEmpty()) g.writeStringField("position", "auto");
    else g.writeNumberField("position", s.position().getAsDouble());
    g.writeStringField("positionAlign", s.positionAlign().value());
    g.writeNumberField("size", s.size());
    g.writeStringField("align", s.align().value());
    if (s.region() == null) g.writeNullField("region");
    else g.writeStringField("region", s.region());
    if (c.speaker() != null) g.writeStringField("speaker", c.speaker());
    if (!c.words().isEmpty()) {
      g.writeArrayFieldStart("words");
      for (TimedWord w : c.words()) {
        g.writeStartObject();
        g.writeStringField("text", w.text());
        g.writeNumberField("startTime", w.startMs() / 1000.0);
        g.writeNumberField("endTime", w.endMs() / 1000.0);
        if (w.confidence() != TimedWord.UNKNOWN_CONFIDENCE) g.writeNumberField("confidence", w.confidence());
        if (w.speaker() != null) g.writeStringField("speaker", w.speaker());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }
}
