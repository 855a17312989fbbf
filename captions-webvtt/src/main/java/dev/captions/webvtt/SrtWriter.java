package dev.captions.webvtt;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.webvtt.internal.CharSink;
import dev.captions.webvtt.internal.TextOutput;
import dev.captions.webvtt.internal.TextSanitizer;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes canonical SubRip: indexes from 1, {@code HH:MM:SS,mmm}, a blank line after every cue, LF or CRLF. Text is
 * written as is ({@code <i> <b> <u>} are SRT tags too) except that empty lines are dropped and {@code "-->"} becomes
 * {@code "- ->"}, so a cue stays one cue. Settings that match a numpad position become a {@code {\anN}} tag; ids,
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

  public static SrtWriter create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public void write(CaptionTrack track, Writer out) throws IOException {
    Session s = open(out);
    for (Cue c : track.cues()) s.cue(c);
    s.flush();
  }

  public String writeToString(CaptionTrack track) {
    return TextOutput.writeToString(w -> write(track, w));
  }

  /** Starts a streamed write. */
  public Session open(Writer out) {
    return new Session(out);
  }

  /** A write in progress. Not thread-safe. */
  public final class Session {
    private final Writer out;
    private final CharSink sb = new CharSink(9216);
    private final StringBuilder line = new StringBuilder(256);
    private int index;

    private Session(Writer out) {
      this.out = out;
    }

    public void cue(Cue cue) throws IOException {
      if (index > 0) sb.append(newline);
      sb.append(++index).append(newline);
      sb.appendTimestamp(cue.startMs(), ',');
      sb.append(" --> ");
      sb.appendTimestamp(cue.endMs(), ',');
      sb.append(newline);
      int an = SrtPositions.toAn(cue.settings());
      if (an > 0) sb.append("{\\an").append(an).append('}');
      boolean prefix = speakerPrefix && cue.speaker() != null;
      // Fast path: text that needs no sanitizing and holds no "-->" is written as it is.
      if (prefix || !lf || !TextSanitizer.appendIfClean(cue.text(), false, true, sb)) {
        line.setLength(0);
        if (prefix) line.append(cue.speaker()).append(": ");
        TextSanitizer.append(cue.text(), false, false, line);
        if (lf && line.indexOf("-->") < 0) {
          sb.append(line);
        } else {
          appendSlow();
        }
      }
      sb.append(newline);
      if (sb.length() >= TextOutput.FLUSH_AT) sb.drainTo(out);
    }

    private void appendSlow() {
      for (int i = 0, n = line.length(); i < n; i++) {
        char c = line.charAt(i);
        if (c == '\n') {
          sb.append(newline);
        } else if (c == '>' && i >= 2 && line.charAt(i - 1) == '-' && line.charAt(i - 2) == '-') {
          sb.truncate(sb.length() - 1);
          sb.append(" ->");
        } else {
          sb.append(c);
        }
      }
    }

    public void flush() throws IOException {
      sb.drainTo(out);
      out.flush();
    }
  }

  /** Builds an {@link SrtWriter}. */
  public static final class Builder {
    private String newline = "\n";
    private boolean speakerPrefix;

    private Builder() {}

    /** {@code "\n"} (default) or {@code "\r\n"}. */
    public Builder lineEnding(String newline) {
      this.newline = TextOutput.checkLineEnding(newline);
      return this;
    }

    /** Write a speaker as {@code "Name: "} before the text. Off by default. */
    public Builder speakerPrefix(boolean speakerPrefix) {
      this.speakerPrefix = speakerPrefix;
      return this;
    }

    public SrtWriter build() {
      return new SrtWriter(this);
    }
  }
}
