package dev.captions.webvtt.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** What the caption writers ({@code WebVttWriter}, {@code SrtWriter}) share around their output. Stateless. */
public final class TextOutput {
  /** A session's buffer is handed to the writer once it holds this many chars (a session allocates a bit more). */
  public static final int FLUSH_AT = 8192;

  private TextOutput() {}

  /** Something that writes a whole document to {@code out}. */
  @FunctionalInterface
  public interface Document {
    void writeTo(Writer out) throws IOException;
  }

  /** The document as a string; a {@link StringWriter} does not fail, so no checked exception. */
  public static String writeToString(Document document) {
    StringWriter w = new StringWriter();
    try {
      document.writeTo(w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /**
   * A UTF-8 writer over {@code out}, for the writers' {@code OutputStream} forms: it encodes as the session hands it
   * text (no whole-document buffer), and closing it is the caller's business, as with the stream.
   */
  public static Writer utf8(OutputStream out) {
    return new OutputStreamWriter(out, StandardCharsets.UTF_8);
  }

  /**
   * @return {@code newline} when it is {@code "\n"} or {@code "\r\n"}
   * @throws IllegalArgumentException otherwise
   */
  public static String checkLineEnding(String newline) {
    if (!newline.equals("\n") && !newline.equals("\r\n")) {
      throw new IllegalArgumentException("line ending must be \"\\n\" or \"\\r\\n\"");
    }
    return newline;
  }
}
