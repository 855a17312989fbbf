package dev.captions.webvtt;

import dev.captions.codec.Diagnostic;
import dev.captions.codec.WriteResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.CueSettings;
import dev.captions.model.Region;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import dev.captions.webvtt.internal.CharSink;
import dev.captions.webvtt.internal.TextOutput;
import dev.captions.webvtt.internal.Entities;
import dev.captions.webvtt.internal.Losses;
import dev.captions.webvtt.internal.TextSanitizer;
import dev.captions.webvtt.internal.VttSyntax;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

/**
 * Writes spec-valid WebVTT. Output is deterministic: equal tracks give equal bytes. Whatever a cue's text holds, it
 * stays one cue: empty lines are dropped and {@code "-->"} is written as {@code "--&gt;"}. Cue text is written as
 * WebVTT cue text (markup such as {@code <i>} kept) unless {@link Builder#escapePlainText(boolean)} is set, which
 * escapes {@code & < >} for text that is plain (e.g. from a transcript).
 *
 * <p>Layout: signature (+ {@code Kind:}/{@code Language:} header lines when not captions/und), then regions, styles,
 * notes, then cues. Settings a WebVTT file cannot express (an alignment with an {@code auto} line or position) are
 * left out.
 *
 * <p>Immutable and thread-safe. Writes through a small buffer: memory does not grow with the track.
 */
public final class WebVttWriter {

  private final String newline;
  private final boolean lf;
  private final boolean escapePlainText;
  private final boolean writeMetadata;
  private final boolean writeSpeaker;

  private WebVttWriter(Builder b) {
    this.newline = b.newline;
    this.lf = newline.equals("\n");
    this.escapePlainText = b.escapePlainText;
    this.writeMetadata = b.writeMetadata;
    this.writeSpeaker = b.writeSpeaker;
  }

  /**
   * A writer with the defaults. Thread-safe; reuse it.
   *
   * @return the writer
   */
  public static WebVttWriter create() {
    return builder().build();
  }

  /**
   * A builder with the defaults ({@code "\n"}, metadata and speakers written, no escaping).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes the track; does not close {@code out}.
   *
   * @param track the track
   * @param out where to write
   * @return what WebVTT could not hold (timed words, settings it has no form for), one warning per kind
   * @throws IOException when {@code out} fails
   */
  public WriteResult write(CaptionTrack track, Writer out) throws IOException {
    Session s = open(out, track.language(), track.kind(), writeMetadata ? track.metadata() : TrackMetadata.EMPTY);
    for (Cue cue : track.cues()) s.cue(cue);
    s.flush();
    return WriteResult.of(s.losses());
  }

  /**
   * Writes the track as UTF-8; does not close {@code out}.
   *
   * @param track the track
   * @param out where to write
   * @return what WebVTT could not hold
   * @throws IOException when {@code out} fails
   */
  public WriteResult write(CaptionTrack track, OutputStream out) throws IOException {
    return write(track, TextOutput.utf8(out));
  }

  /**
   * The track as a WebVTT string.
   *
   * @param track the track to write
   * @return the WebVTT text
   */
  public String writeToString(CaptionTrack track) {
    return TextOutput.writeToString(w -> write(track, w));
  }

  /**
   * {@link #open(Writer, String, TrackKind, TrackMetadata)} writing UTF-8 to {@code out}, which it does not close.
   *
   * @param out where to write
   * @param language the track's language, for the {@code Language:} header line
   * @param kind the track's kind, for the {@code Kind:} header line
   * @param metadata header text, regions, styles and notes to write first
   * @return the session; call its {@code flush()} at the end
   * @throws IOException when writing the header fails
   */
  public Session open(OutputStream out, String language, TrackKind kind, TrackMetadata metadata) throws IOException {
    return open(TextOutput.utf8(out), language, kind, metadata);
  }

  /**
   * Starts a streamed write: writes the header now, then one cue per {@link Session#cue(Cue)}.
   *
   * @param out where to write; not closed by the session
   * @param language the track's language, for the {@code Language:} header line
   * @param kind the track's kind, for the {@code Kind:} header line
   * @param metadata header text, regions, styles and notes to write first
   * @return the session; call its {@code flush()} at the end
   * @throws IOException when writing the header fails
   */
  public Session open(Writer out, String language, TrackKind kind, TrackMetadata metadata) throws IOException {
    Session s = new Session(out);
    s.header(language, kind, metadata);
    return s;
  }

  /** A write in progress. Not thread-safe. Call {@link #flush()} at the end; it does not close the writer. */
  public final class Session implements CueSink {
    private final Writer out;
    private final CharSink buf = new CharSink(TextOutput.FLUSH_AT + 1024);
    /** Scratch for the header and the rarer parts of a cue (settings, speaker, text that needs escaping). */
    private final StringBuilder sb = new StringBuilder(256);
    private final Losses losses = new Losses("WebVTT");

    private Session(Writer out) {
      this.out = out;
    }

    void header(String language, TrackKind kind, TrackMetadata m) throws IOException {
      sb.append("WEBVTT");
      String header = m.header();
      if (!header.isEmpty()) {
        int nl = header.indexOf('\n');
        String sig = nl < 0 ? header : header.substring(0, nl);
        sb.append(' ');
        // The signature line may hold "-->": the parser reads it to the line end whatever it holds.
        sb.append(sig.replace('\r', ' ').replace('\0', '\uFFFD'));
      }
      if (kind != TrackKind.CAPTIONS) sb.append(newline).append("Kind: ").append(kind.keyword());
      if (!"und".equals(language)) sb.append(newline).append("Language: ").append(language);
      int nl = header.indexOf('\n');
      if (nl >= 0) {
        int before = sb.length();
        TextSanitizer.append(header.substring(nl + 1), false, true, sb);
        if (sb.length() > before) sb.insert(before, newline);
        newlines(before);
      }
      sb.append(newline);
      for (Region r : m.regions()) {
        sb.append(newline).append("REGION");
        if (!r.id().isEmpty()) sb.append(newline).append("id:").append(r.id());
        sb.append(newline).append("width:").append(VttSyntax.formatNumber(r.width())).append('%');
        if (r.lines() != 3) sb.append(newline).append("lines:").append(r.lines());
        if (r.regionAnchorX() != 0 || r.regionAnchorY() != 100) {
          sb.append(newline).append("regionanchor:").append(VttSyntax.formatNumber(r.regionAnchorX())).append("%,")
              .append(VttSyntax.formatNumber(r.regionAnchorY())).append('%');
        }
        if (r.viewportAnchorX() != 0 || r.viewportAnchorY() != 100) {
          sb.append(newline).append("viewportanchor:").append(VttSyntax.formatNumber(r.viewportAnchorX())).append("%,")
              .append(VttSyntax.formatNumber(r.viewportAnchorY())).append('%');
        }
        if (r.scroll() == Region.Scroll.UP) sb.append(newline).append("scroll:up");
        sb.append(newline);
      }
      for (String css : m.styles()) block("STYLE", css);
      for (String note : m.notes()) block("NOTE", note);
      buf.append(sb);
      sb.setLength(0);
      maybeFlush();
    }

    private void block(String keyword, String body) {
      int before = sb.length();
      sb.append(newline).append(keyword);
      int bodyAt = sb.length();
      sb.append('\n');
      TextSanitizer.append(body, false, true, sb);
      if (sb.length() == bodyAt + 1) {
        sb.setLength(bodyAt);
        // STYLE with no body is not a style block; leave it out.
        if (keyword.equals("STYLE")) sb.setLength(before);
      } else {
        sb.setCharAt(bodyAt, '\n');
        newlines(bodyAt);
      }
      if (sb.length() > before) sb.append(newline);
    }

    /**
     * Writes a NOTE block here, between cues (WebVTT allows comments anywhere after the header), as a streamed
     * conversion meets it; nothing when the writer leaves metadata out.
     *
     * @param note the note's text, not null; blank lines and {@code -->} are sanitised as in cue text
     * @throws IOException when the writer fails
     */
    public void note(String note) throws IOException {
      if (!writeMetadata) return;
      sb.setLength(0);
      block("NOTE", note);
      buf.append(sb);
      sb.setLength(0);
      maybeFlush();
    }

    /** Writes one cue. */
    @Override
    public void cue(Cue cue) throws IOException {
      CharSink o = buf;
      if (!cue.words().isEmpty()) losses.count("timed words", cue.words().size());
      o.append(newline);
      String id = cue.id();
      if (id != null && !id.isEmpty()) o.append(id).append(newline);
      o.appendTimestamp(cue.startMs(), '.');
      o.append(" --> ");
      o.appendTimestamp(cue.endMs(), '.');
      CueSettings s = cue.settings();
      if (s != CueSettings.DEFAULT && !s.isDefault()) {
        sb.setLength(0);
        appendSettings(s);
        o.append(sb);
      }
      o.append(newline);
      if (writeSpeaker && cue.speaker() != null && !cue.speaker().isBlank()) { // "<v >" is not a voice
        sb.setLength(0);
        sb.append("<v ");
        Entities.escape(cue.speaker().replace('\n', ' ').replace('\r', ' '), sb);
        o.append(sb.append('>'));
      }
      if (lf) {
        TextSanitizer.append(cue.text(), escapePlainText, true, o);
      } else {
        sb.setLength(0);
        TextSanitizer.append(cue.text(), escapePlainText, true, sb);
        newlines(0);
        o.append(sb);
      }
      o.append(newline);
      maybeFlush();
    }

    @Override
    public List<Diagnostic> losses() {
      return losses.report();
    }

    private void appendSettings(CueSettings s) {
      if (!s.line().isPresent() && s.lineAlign() != CueSettings.Anchor.START) {
        losses.count("line alignments without a line");
      }
      if (!s.position().isPresent() && s.positionAlign() != CueSettings.Anchor.AUTO) {
        losses.count("position alignments without a position");
      }
      if (s.region() != null && (s.region().isEmpty() || s.region().indexOf(' ') >= 0)) {
        losses.count("region names with a blank");
      }
      if (s.vertical() != CueSettings.Vertical.HORIZONTAL) sb.append(" vertical:").append(s.vertical().value());
      if (s.line().isPresent()) {
        sb.append(" line:").append(VttSyntax.formatNumber(s.line().getAsDouble()));
        if (!s.snapToLines()) sb.append('%');
        if (s.lineAlign() != CueSettings.Anchor.START) sb.append(',').append(s.lineAlign().value());
      }
      if (s.position().isPresent()) {
        sb.append(" position:").append(VttSyntax.formatNumber(s.position().getAsDouble())).append('%');
        CueSettings.Anchor a = s.positionAlign();
        if (a == CueSettings.Anchor.LINE_LEFT || a == CueSettings.Anchor.CENTER || a == CueSettings.Anchor.LINE_RIGHT) {
          sb.append(',').append(a.value());
        }
      }
      if (s.size() != 100) sb.append(" size:").append(VttSyntax.formatNumber(s.size())).append('%');
      if (s.align() != CueSettings.Align.CENTER) sb.append(" align:").append(s.align().value());
      if (s.region() != null && !s.region().isEmpty() && s.region().indexOf(' ') < 0) {
        sb.append(" region:").append(s.region());
      }
    }

    /** Replaces the LFs the sanitizer produced in {@link #sb} from {@code from} on with the chosen line ending. */
    private void newlines(int from) {
      if (lf) return;
      for (int i = sb.length() - 1; i >= from; i--) {
        if (sb.charAt(i) == '\n') sb.replace(i, i + 1, newline);
      }
    }

    private void maybeFlush() throws IOException {
      if (buf.length() >= TextOutput.FLUSH_AT) buf.drainTo(out);
    }

    /** Writes what is buffered and flushes the writer. */
    @Override
    public void flush() throws IOException {
      buf.drainTo(out);
      out.flush();
    }
  }

  /** Builds a {@link WebVttWriter}. */
  public static final class Builder {
    private String newline = "\n";
    private boolean escapePlainText;
    private boolean writeMetadata = true;
    private boolean writeSpeaker = true;

    private Builder() {}

    /**
     * {@code "\n"} (default) or {@code "\r\n"}.
     *
     * @param newline the line ending
     * @return this builder
     */
    public Builder lineEnding(String newline) {
      this.newline = TextOutput.checkLineEnding(newline);
      return this;
    }

    /**
     * Escape {@code & < >} in cue text (for plain text such as transcripts). Off by default.
     *
     * @param escapePlainText true to escape
     * @return this builder
     */
    public Builder escapePlainText(boolean escapePlainText) {
      this.escapePlainText = escapePlainText;
      return this;
    }

    /**
     * Write header text, regions, styles and notes. On by default.
     *
     * @param writeMetadata true to write it
     * @return this builder
     */
    public Builder writeMetadata(boolean writeMetadata) {
      this.writeMetadata = writeMetadata;
      return this;
    }

    /**
     * Write {@link Cue#speaker()} as a leading voice tag {@code <v Name>}. On by default.
     *
     * @param writeSpeaker true to write the voice tag
     * @return this builder
     */
    public Builder writeSpeaker(boolean writeSpeaker) {
      this.writeSpeaker = writeSpeaker;
      return this;
    }

    /**
     * Builds the writer.
     *
     * @return the writer
     */
    public WebVttWriter build() {
      return new WebVttWriter(this);
    }
  }
}
