package dev.captions.webvtt;

import dev.captions.codec.Diagnostic;
import dev.captions.codec.WriteResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.webvtt.internal.CharSink;
import dev.captions.webvtt.internal.Losses;
import dev.captions.webvtt.internal.SrtSyntax;
import dev.captions.webvtt.internal.TextOutput;
import dev.captions.webvtt.internal.TextSanitizer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

/**
 * Writes canonical SubRip: indexes from 1, {@code HH:MM:SS,mmm}, a blank line after every cue, LF or CRLF. Text is
 * written as is ({@code <i> <b> <u>} are SRT tags too) except that empty lines and lines of only blanks are dropped
 * and {@code "-->"} becomes {@code "--\u2060>"} (U+2060 WORD JOINER, invisible), so a cue stays one cue. Settings that match a numpad position become a {@code {\anN}} tag; ids,
 * other settings, regions, styles and notes have no SRT form and are not written. With
 * {@link Builder#speakerPrefix(boolean)} a speaker is written as {@code "Name: "} before the text.
 *
 * <p>Immutable and thread-safe.
 */
public final class SrtWriter {
  private final String newline;
  private final boolean lf;
  private final boolean speakerPrefix;

  private SrtWriter(Builder b) {
    this.newline = b.newline;
    this.lf = newline.equals("\n");
    this.speakerPrefix = b.speakerPrefix;
  }

  /**
   * A writer with the defaults. Thread-safe; reuse it.
   *
   * @return the writer
   */
  public static SrtWriter create() {
    return builder().build();
  }

  /**
   * A builder with the defaults ({@code "\n"} line endings, no speaker prefix).
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Writes the track; does not close {@code out}. The text is written as it is (see the class comment); to convert
   * WebVTT markup first, use {@link SrtCodec} or {@link Conversions#toSrt}.
   *
   * @param track the track
   * @param out where to write
   * @return what SRT could not hold (ids, settings with no {@code {\anN}} form, speakers without the prefix option,
   *     timed words, metadata, a language or kind), one warning per kind
   * @throws IOException when {@code out} fails
   */
  public WriteResult write(CaptionTrack track, Writer out) throws IOException {
    Session s = open(out);
    for (Cue c : track.cues()) s.cue(c);
    s.flush();
    Conversions.trackLosses(track, s.losses);
    return WriteResult.of(s.losses());
  }

  /**
   * Writes the track as UTF-8; does not close {@code out}.
   *
   * @param track the track
   * @param out where to write
   * @return what SRT could not hold
   * @throws IOException when {@code out} fails
   */
  public WriteResult write(CaptionTrack track, OutputStream out) throws IOException {
    return write(track, TextOutput.utf8(out));
  }

  /**
   * The track as an SRT string.
   *
   * @param track the track to write
   * @return the SRT text
   */
  public String writeToString(CaptionTrack track) {
    return TextOutput.writeToString(w -> write(track, w));
  }

  /**
   * {@link #open(Writer)} writing UTF-8 to {@code out}, which it does not close.
   *
   * @param out where to write
   * @return the session; call its {@code flush()} at the end
   */
  public Session open(OutputStream out) {
    return open(TextOutput.utf8(out));
  }

  /**
   * Starts a streamed write.
   *
   * @param out where to write; not closed by the session
   * @return the session; call its {@code flush()} at the end
   */
  public Session open(Writer out) {
    return new Session(out);
  }

  /** A write in progress. Not thread-safe. */
  public final class Session implements CueSink {
    private final Writer out;
    private final CharSink sb = new CharSink(9216);
    private final StringBuilder line = new StringBuilder(256);
    private int index;
    private final Losses losses = new Losses("SRT");

    private Session(Writer out) {
      this.out = out;
    }

    @Override
    public void cue(Cue cue) throws IOException {
      if (index > 0) sb.append(newline);
      sb.append(++index).append(newline);
      sb.appendTimestamp(cue.startMs(), ',');
      sb.append(" --> ");
      sb.appendTimestamp(cue.endMs(), ',');
      sb.append(newline);
      int an = SrtPositions.toAn(cue.settings());
      if (an > 0) sb.append("{\\an").append(an).append('}');
      if (an == 0 && !cue.settings().isDefault()) losses.count(Conversions.UNPOSITIONED_SETTINGS);
      if (cue.id() != null) losses.count("cue ids");
      if (!cue.words().isEmpty()) losses.count("timed words", cue.words().size());
      if (cue.speaker() != null && !speakerPrefix) losses.count(Conversions.SPEAKER_NAMES);
      boolean prefix = speakerPrefix && cue.speaker() != null;
      String text = cue.text();
      // Fast path: text that needs no sanitizing, holds no "-->" and no line of blanks is written as it is.
      if (prefix || !lf || mayHaveBlankLine(text) || mayHaveTimingLine(text)
          || !TextSanitizer.appendIfClean(text, false, true, sb)) {
        line.setLength(0);
        // A line break in the speaker's name would end the cue early.
        if (prefix) line.append(cue.speaker().replaceAll("[\\r\\n]+", " ")).append(": ");
        TextSanitizer.append(text, false, false, line);
        appendSlow();
      }
      sb.append(newline);
      if (sb.length() >= TextOutput.FLUSH_AT) sb.drainTo(out);
    }

    /**
     * Writes {@link #line} (LF-separated, no empty lines) line by line: lines of only spaces and tabs are left out,
     * since SRT readers take them for the blank line that ends a cue, and {@code "-->"} becomes {@code "--\u2060>"} (an
     * invisible WORD JOINER that {@link SrtCodec} removes when it reads the text back).
     */
    private void appendSlow() {
      boolean first = true;
      int n = line.length();
      for (int from = 0; from < n; ) {
        int to = line.indexOf("\n", from);
        if (to < 0) to = n;
        if (!isBlank(line, from, to)) {
          if (!first) sb.append(newline);
          first = false;
          // A text line a reader would take for a timing line ("00:00:01,000 -> 00:00:02,000") would start a cue:
          // U+2060 WORD JOINER in front (invisible; SrtCodec removes it on reading) makes it text.
          String l = line.substring(from, to);
          if (SrtSyntax.looksLikeTiming(l) && SrtSyntax.parseTiming(l, new long[3])) sb.append('\u2060');
          for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c == '>' && i - 2 >= from && line.charAt(i - 1) == '-' && line.charAt(i - 2) == '-') {
              // U+2060 WORD JOINER: invisible, so the text shows as written, and no reader sees a timing arrow.
              sb.append("\u2060>");
            } else {
              sb.append(c);
            }
          }
        }
        from = to + 1;
      }
    }

    @Override
    public void flush() throws IOException {
      sb.drainTo(out);
      out.flush();
    }

    @Override
    public List<Diagnostic> losses() {
      return losses.report();
    }
  }

  /** Whether a line of {@code text} may be read as a timing line: one starting with a digit or blank holds '>'. */
  static boolean mayHaveTimingLine(String text) {
    return text.indexOf('>') >= 0 && (text.indexOf('-') >= 0);
  }

  /**
   * Whether {@code text} may hold a line of only spaces, tabs or control codes: such a line starts the text or follows
   * a line break with one. A few {@code indexOf} calls, so the common case stays on the fast path.
   */
  static boolean mayHaveBlankLine(String text) {
    if (text.isEmpty()) return false;
    if (text.charAt(0) <= ' ') return true;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (i + 1 < text.length() && text.charAt(i + 1) <= ' ') return true;
    }
    return false;
  }

  /** As {@link SrtReader} sees a line: blank when it holds nothing above U+0020 (spaces, tabs, control codes). */
  private static boolean isBlank(CharSequence s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) > ' ') return false;
    }
    return true;
  }

  /** Builds an {@link SrtWriter}. */
  public static final class Builder {
    private String newline = "\n";
    private boolean speakerPrefix;

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
     * Write a speaker as {@code "Name: "} before the text. Off by default.
     *
     * @param speakerPrefix true to write the prefix
     * @return this builder
     */
    public Builder speakerPrefix(boolean speakerPrefix) {
      this.speakerPrefix = speakerPrefix;
      return this;
    }

    /**
     * Builds the writer.
     *
     * @return the writer
     */
    public SrtWriter build() {
      return new SrtWriter(this);
    }
  }
}
