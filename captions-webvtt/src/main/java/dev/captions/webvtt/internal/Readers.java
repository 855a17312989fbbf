package dev.captions.webvtt.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decoding of caption byte streams. */
public final class Readers {
  private Readers() {}

  /**
   * A reader for UTF-8 with or without BOM, or UTF-16 LE/BE when the stream starts with a UTF-16 BOM. Malformed bytes
   * become U+FFFD rather than errors (lenient). The UTF-8 BOM is passed through; the parsers drop it.
   */
  public static Reader utf8OrBom(InputStream in) throws IOException {
    BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
    b.mark(2);
    int b0 = b.read();
    int b1 = b.read();
    b.reset();
    Charset cs = StandardCharsets.UTF_8;
    if (b0 == 0xFF && b1 == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
    } else if (b0 == 0xFE && b1 == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
    }
    if (cs == StandardCharsets.UTF_8) return new Utf8Reader(b);
    return new InputStreamReader(b, cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }
}
