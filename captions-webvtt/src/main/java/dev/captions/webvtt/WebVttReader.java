package dev.captions.webvtt;

import dev.captions.CaptionFormatException;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.DefaultCaptionTrack;
import dev.captions.model.Region;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import dev.captions.webvtt.internal.Readers;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads WebVTT into the model, leniently: the W3C parsing algorithm ({@link WebVttParser}) decides what is a cue, then
 * cues the model cannot hold (end not after start) are dropped with a warning. Header lines {@code Kind: …} and
 * {@code Language: …} (as written by YouTube and by {@link WebVttWriter}) set the track's kind and language. A cue whose
 * text starts with a voice tag {@code <v Name>} (or {@code <v.class Name>}, any whitespace before the name) gets
 * {@code speaker = "Name"} and the tag is removed from its text; the voice's classes, if any, move to a {@code <c>}
 * span around the text, so {@code <v.loud Ann>Hi</v>} reads as speaker Ann, text {@code <c.loud>Hi</c>}. Turn this
 * off with {@link Builder#extractSpeaker(boolean)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class WebVttReader {
  private final boolean extractSpeaker;

  private WebVttReader(Builder b) {
    this.extractSpeaker = b.extractSpeaker;
  }

  /**
   * A reader with the defaults. Thread-safe; reuse it.
   *
   * @return the reader
   */
  public static WebVttReader create() {
    return builder().build();
  }

  /**
   * A builder with the defaults (speaker extraction on).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a whole file into memory.
   *
   * @param in the text to read; read to the end, not closed
   * @throws CaptionFormatException only when the {@code WEBVTT} signature is missing or broken
   * @throws IOException from the reader
   * @return the track and what was repaired or skipped
   */
  public ParseResult read(Reader in) throws IOException {
    List<Cue> cues = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Result r = stream(in, cues::add, diagnostics::add);
    DefaultCaptionTrack track = CaptionTrack.builder().language(r.language).kind(r.kind).cues(cues)
        .metadata(r.metadata).build();
    return ParseResult.of(track, diagnostics);
  }

  /**
   * Reads UTF-8 (BOM optional; a UTF-16 BOM switches to UTF-16).
   *
   * @param in the bytes to read; read to the end, not closed
   * @return the track and what was repaired or skipped
   * @throws IOException when reading {@code in} fails
   */
  public ParseResult read(InputStream in) throws IOException {
    return read(Readers.utf8OrBom(in));
  }

  /**
   * Streams: each cue goes to {@code cues} as soon as its block ends, so a file of any size parses in constant memory.
   * Header, regions, styles and notes are returned at the end.
   *
   * @param in the text to read; read to the end, not closed
   * @param cues receives each cue as it is read
   * @param diagnostics receives each problem as it is found
   * @throws CaptionFormatException only when the {@code WEBVTT} signature is missing or broken
   * @return the language, kind and metadata, known once the whole file is read
   * @throws IOException when reading {@code in} fails
   */
  public Result stream(Reader in, Consumer<Cue> cues, Consumer<Diagnostic> diagnostics) throws IOException {
    return stream(in, cues, diagnostics, null);
  }

  /**
   * As {@link #stream(Reader, Consumer, Consumer)}, and tells {@code listener} the head (header, {@code Kind:},
   * {@code Language:}, regions, styles and the notes before the first cue) just before the first cue, and each later
   * NOTE where it comes, so a streamed write can keep WebVTT's order (the head first) with flat memory.
   *
   * @param in the text to read; read to the end, not closed
   * @param cues receives each cue as it is read
   * @param diagnostics receives each problem as it is found
   * @param listener receives the head and the later notes; null for none
   * @return the language, kind and metadata (every note included), known once the whole file is read
   * @throws CaptionFormatException only when the {@code WEBVTT} signature is missing or broken
   * @throws IOException when reading {@code in} fails
   */
  public Result stream(Reader in, Consumer<Cue> cues, Consumer<Diagnostic> diagnostics, TrackListener listener)
      throws IOException {
    Collector c = new Collector(cues, diagnostics, listener);
    try {
      WebVttParser.parse(in, c);
    } catch (CaptionFormatException | IOException | java.io.UncheckedIOException e) {
      throw e;
    } catch (RuntimeException e) {
      // A bug, not bad input: still never let it escape as anything but our typed error.
      throw new CaptionFormatException("internal error while reading WebVTT: " + e, 0, 0, e);
    }
    c.headIfNotYet();
    return c.result();
  }

  /**
   * Streams from bytes: UTF-8 (BOM optional; a UTF-16 BOM switches to UTF-16).
   *
   * @param in the bytes to read; read to the end, not closed
   * @param cues receives each cue as it is read
   * @param diagnostics receives each problem as it is found
   * @return the language, kind and metadata, known once the whole file is read
   * @throws IOException when reading {@code in} fails
   */
  public Result stream(InputStream in, Consumer<Cue> cues, Consumer<Diagnostic> diagnostics) throws IOException {
    return stream(Readers.utf8OrBom(in), cues, diagnostics);
  }

  /** What a streamed read found besides the cues. Immutable. */
  public static final class Result {
    private final String language;
    private final TrackKind kind;
    private final TrackMetadata metadata;

    Result(String language, TrackKind kind, TrackMetadata metadata) {
      this.language = language;
      this.kind = kind;
      this.metadata = metadata;
    }

    /**
     * The track's language, from the header's {@code Language:} line.
     *
     * @return a BCP-47 tag; {@code "und"} when the header names none
     */
    public String language() {
      return language;
    }

    /**
     * The track's kind, from the header's {@code Kind:} line.
     *
     * @return the kind; {@link TrackKind#CAPTIONS} when the header names none
     */
    public TrackKind kind() {
      return kind;
    }

    /**
     * The header text, regions, styles and notes.
     *
     * @return the metadata; never null
     */
    public TrackMetadata metadata() {
      return metadata;
    }
  }

  private final class Collector implements WebVttParser.Handler {
    private final Consumer<Cue> cues;
    private final Consumer<Diagnostic> diagnostics;
    private String header = "";
    private String language = "und";
    private TrackKind kind = TrackKind.CAPTIONS;
    private final List<String> styles = new ArrayList<>();
    private final List<Region> regions = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final java.util.Set<String> regionIds = new java.util.HashSet<>();

    private final TrackListener listener;
    private boolean headSent;

    Collector(Consumer<Cue> cues, Consumer<Diagnostic> diagnostics, TrackListener listener) {
      this.cues = cues;
      this.diagnostics = diagnostics;
      this.listener = listener;
    }

    /** Tells the listener the head, once: before the first cue, or at the end. */
    void headIfNotYet() {
      if (headSent || listener == null) return;
      headSent = true;
      listener.head(language, kind, TrackMetadata.of(header, styles, regions, notes), true);
    }

    Result result() {
      return new Result(language, kind, TrackMetadata.of(header, styles, regions, notes));
    }

    @Override
    public void header(String signature, List<String> headerLines) {
      StringBuilder sb = new StringBuilder(signature);
      for (String line : headerLines) {
        if (line.startsWith("Language:") && DefaultCaptionTrackLanguages.isTag(line.substring(9).trim())) {
          language = line.substring(9).trim();
          continue;
        }
        if (line.startsWith("Kind:")) {
          TrackKind k = kindOf(line.substring(5).trim());
          if (k != null) {
            kind = k;
            continue;
          }
        }
        sb.append('\n').append(line);
      }
      header = sb.toString();
    }

    @Override
    public void region(VttRegion region) {
      try {
        regions.add(region.toRegion());
        regionIds.add(region.id());
      } catch (IllegalArgumentException e) {
        diagnostics.accept(Diagnostic.warning(region.lineNumber(), 0, "dropped region: " + e.getMessage()));
      }
    }

    @Override
    public void style(String css, int lineNumber) {
      styles.add(css);
    }

    @Override
    public void note(String text, int lineNumber) {
      notes.add(text);
      if (headSent) listener.note(text);
    }

    @Override
    public void diagnostic(Diagnostic diagnostic) {
      diagnostics.accept(diagnostic);
    }

    @Override
    public void cue(VttCue raw) {
      if (raw.endMs() <= raw.startMs()) {
        diagnostics.accept(Diagnostic.warning(raw.lineNumber(), 0, "dropped cue: its end (" + raw.endMs()
            + " ms) is not after its start (" + raw.startMs() + " ms)"));
        return;
      }
      String id = raw.id();
      if (id.isEmpty()) id = null;
      String text = raw.text();
      String speaker = null;
      if (extractSpeaker && text.startsWith("<v") && text.indexOf("<v", 2) < 0) {
        int close = text.indexOf('>');
        // The spec's tag grammar (CueText): "v", then ".class" parts, then whitespace of any kind and the annotation.
        CueText.Node voice = close < 0 ? null : firstVoice(CueText.parse(text.substring(0, close + 1)));
        if (voice != null && !voice.annotation().isEmpty()) {
          speaker = voice.annotation();
          text = text.substring(close + 1);
          boolean closed = text.endsWith("</v>");
          if (closed) text = text.substring(0, text.length() - 4);
          if (!voice.classes().isEmpty()) {
            // The model has no voice classes: keep them (and the styles that select them) on a class span.
            text = "<c." + String.join(".", voice.classes()) + ">" + text + (closed ? "</c>" : "");
          }
        }
      }
      CueSettings settings = raw.settings();
      if (settings.region() != null && !regionIds.contains(settings.region())) {
        diagnostics.accept(Diagnostic.warning(raw.lineNumber(), 0, "dropped the region setting: region '"
            + settings.region() + "' was dropped"));
        settings = settings.toBuilder().region(null).build();
      }
      try {
        headIfNotYet();
        cues.accept(Cue.builder().id(id).startMs(raw.startMs()).endMs(raw.endMs()).text(text).speaker(speaker)
            .settings(settings).build());
      } catch (IllegalArgumentException e) {
        diagnostics.accept(Diagnostic.warning(raw.lineNumber(), 0, "dropped cue: " + e.getMessage()));
      }
    }
  }

  private static CueText.Node firstVoice(CueText.Node root) {
    if (root.children().isEmpty()) return null;
    CueText.Node first = root.children().get(0);
    return first.type() == CueText.Type.VOICE ? first : null;
  }

  static TrackKind kindOf(String keyword) {
    for (TrackKind k : TrackKind.values()) {
      if (k.keyword().equals(keyword)) return k;
    }
    return null;
  }

  /** Builds a {@link WebVttReader}. */
  public static final class Builder {
    private boolean extractSpeaker = true;

    private Builder() {}

    /**
     * Whether a leading {@code <v Name>} tag becomes {@link Cue#speaker()}; true by default.
     *
     * @param extractSpeaker true to move the speaker to {@link Cue#speaker()}
     * @return this builder
     */
    public Builder extractSpeaker(boolean extractSpeaker) {
      this.extractSpeaker = extractSpeaker;
      return this;
    }

    /**
     * Builds the reader.
     *
     * @return the reader
     */
    public WebVttReader build() {
      return new WebVttReader(this);
    }
  }
}
