package dev.captions.webvtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.CaptionFormatException;
import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
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

/**
 * {@link CaptionFormat#JSON}: a track as JSON with the HTML {@code VTTCue} property names and units, for web apps:
 * <pre>{"language":"en","kind":"captions","cues":[{"id":"1","startTime":1.5,"endTime":3.0,"text":"Hi",
 *   "vertical":"","line":"auto","snapToLines":true,"lineAlign":"start","position":"auto","positionAlign":"auto",
 *   "size":100,"align":"center","region":null,"speaker":"Ann","words":[{"text":"Hi","startTime":1.5,"endTime":2.0}]}]}</pre>
 * Times are seconds (numbers). Metadata, when present, goes under {@code "header"}, {@code "styles"},
 * {@code "regions"}, {@code "notes"}. Reading is lenient per cue (a bad cue is skipped with a warning); JSON that is
 * not a track object throws {@link CaptionFormatException} with line and column. Thread-safe.
 */
public final class JsonTrackCodec implements CaptionCodec {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  @Override
  public CaptionFormat format() {
    return CaptionFormat.JSON;
  }

  @Override
  public ParseResult read(Reader in) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new CaptionFormatException("not valid JSON: " + e.getOriginalMessage(), l == null ? 0 : l.getLineNr(),
          l == null ? 0 : l.getColumnNr(), e);
    }
    if (root == null || !root.isObject() || !root.path("cues").isArray()) {
      throw new CaptionFormatException("expected a JSON object with a \"cues\" array", 1, 1);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    DefaultCaptionTrack.Builder track = CaptionTrack.builder();
    String language = root.path("language").asText("und");
    if (DefaultCaptionTrackLanguages.isTag(language)) {
      track.language(language);
    } else {
      diagnostics.add(Diagnostic.warning(0, 0, "ignored invalid language '" + language + "'"));
    }
    TrackKind kind = WebVttReader.kindOf(root.path("kind").asText("captions"));
    if (kind != null) {
      track.kind(kind);
    } else {
      diagnostics.add(Diagnostic.warning(0, 0, "ignored unknown kind '" + root.path("kind").asText() + "'"));
    }
    track.metadata(readMetadata(root, diagnostics));
    int i = 0;
    for (JsonNode c : root.get("cues")) {
      try {
        track.addCue(readCue(c));
      } catch (RuntimeException e) {
        diagnostics.add(Diagnostic.warning(0, 0, "skipped cue " + i + ": " + e.getMessage()));
      }
      i++;
    }
    return ParseResult.of(track.build(), diagnostics);
  }

  private static TrackMetadata readMetadata(JsonNode root, List<Diagnostic> diagnostics) {
    List<String> styles = new ArrayList<>();
    root.path("styles").forEach(n -> styles.add(n.asText()));
    List<String> notes = new ArrayList<>();
    root.path("notes").forEach(n -> notes.add(n.asText()));
    List<Region> regions = new ArrayList<>();
    for (JsonNode r : root.path("regions")) {
      try {
        regions.add(Region.builder(r.path("id").asText())
            .width(r.path("width").asDouble(100))
            .lines(r.path("lines").asInt(3))
            .regionAnchor(r.path("regionAnchorX").asDouble(0), r.path("regionAnchorY").asDouble(100))
            .viewportAnchor(r.path("viewportAnchorX").asDouble(0), r.path("viewportAnchorY").asDouble(100))
            .scroll("up".equals(r.path("scroll").asText()) ? Region.Scroll.UP : Region.Scroll.NONE)
            .build());
      } catch (RuntimeException e) {
        diagnostics.add(Diagnostic.warning(0, 0, "skipped region: " + e.getMessage()));
      }
    }
    return TrackMetadata.of(root.path("header").asText(""), styles, regions, notes);
  }

  private static Cue readCue(JsonNode c) {
    if (!c.path("startTime").isNumber() || !c.path("endTime").isNumber()) {
      throw new IllegalArgumentException("startTime and endTime must be numbers (seconds)");
    }
    Cue.Builder b = Cue.builder()
        .startMs(Math.round(c.get("startTime").asDouble() * 1000))
        .endMs(Math.round(c.get("endTime").asDouble() * 1000))
        .text(c.path("text").asText(""));
    if (c.hasNonNull("id") && !c.get("id").asText().isEmpty()) b.id(c.get("id").asText());
    if (c.hasNonNull("speaker")) b.speaker(c.get("speaker").asText());
    CueSettings.Builder s = CueSettings.builder();
    String vertical = c.path("vertical").asText("");
    for (CueSettings.Vertical v : CueSettings.Vertical.values()) {
      if (v.value().equals(vertical)) s.vertical(v);
    }
    if (c.path("line").isNumber()) s.line(c.get("line").asDouble());
    s.snapToLines(c.path("snapToLines").asBoolean(true));
    s.lineAlign(anchor(c.path("lineAlign").asText("start"), CueSettings.Anchor.START));
    if (c.path("position").isNumber()) s.position(c.get("position").asDouble());
    s.positionAlign(anchor(c.path("positionAlign").asText("auto"), CueSettings.Anchor.AUTO));
    s.size(c.path("size").asDouble(100));
    String align = c.path("align").asText("center");
    for (CueSettings.Align a : CueSettings.Align.values()) {
      if (a.value().equals(align)) s.align(a);
    }
    if (c.hasNonNull("region") && !c.get("region").asText().isEmpty()) s.region(c.get("region").asText());
    b.settings(s.build());
    if (c.path("words").isArray()) {
      List<TimedWord> words = new ArrayList<>();
      for (JsonNode w : c.get("words")) {
        words.add(TimedWord.of(w.path("text").asText(""), Math.round(w.path("startTime").asDouble() * 1000),
            Math.round(w.path("endTime").asDouble() * 1000),
            w.path("confidence").asDouble(TimedWord.UNKNOWN_CONFIDENCE),
            w.hasNonNull("speaker") ? w.get("speaker").asText() : null));
      }
      b.words(words);
    }
    return b.build();
  }

  private static CueSettings.Anchor anchor(String value, CueSettings.Anchor fallback) {
    for (CueSettings.Anchor a : CueSettings.Anchor.values()) {
      if (a.value().equals(value)) return a;
    }
    return fallback;
  }

  @Override
  public void write(CaptionTrack track, Writer out) throws IOException {
    JsonGenerator g = FACTORY.createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.writeStartObject();
    g.writeStringField("language", track.language());
    g.writeStringField("kind", track.kind().keyword());
    TrackMetadata m = track.metadata();
    if (!m.header().isEmpty()) g.writeStringField("header", m.header());
    writeStrings(g, "styles", m.styles());
    writeStrings(g, "notes", m.notes());
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
    for (Cue c : track.cues()) writeCue(g, c);
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
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
    if (s.line() == null) g.writeStringField("line", "auto");
    else g.writeNumberField("line", s.line());
    g.writeBooleanField("snapToLines", s.snapToLines());
    g.writeStringField("lineAlign", s.lineAlign().value());
    if (s.position() == null) g.writeStringField("position", "auto");
    else g.writeNumberField("position", s.position());
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
