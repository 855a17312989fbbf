package dev.captions.webvtt.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.SequenceInputStream;
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
    // The first two bytes are read straight from the stream and handed on: a BufferedInputStream here would copy
    // every byte of the file once more on its way to the decoder.
    byte[] head = new byte[2];
    int n = 0;
    while (n < 2) {
      int r = in.read(head, n, 2 - n);
      if (r < 0) break;
      n += r;
    }
    int b0 = n > 0 ? head[0] & 0xFF : -1;
    int b1 = n > 1 ? head[1] & 0xFF : -1;
    Charset cs = StandardCharsets.UTF_8;
    if (b0 == 0xFF && b1 == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
    } else if (b0 == 0xFE && b1 == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
    }
    if (cs == StandardCharsets.UTF_8) return new Utf8Reader(in, head, n);
    InputStream whole = new SequenceInputStream(new ByteArrayInputStream(head, 0, n), in);
    return new InputStreamReader(whole, cs.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
  }
}
