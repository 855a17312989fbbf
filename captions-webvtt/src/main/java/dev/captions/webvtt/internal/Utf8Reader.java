package dev.captions.webvtt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 decoding {@link Reader} with an ASCII fast path: caption files are mostly ASCII, and the JDK's
 * {@code InputStreamReader} was measured at about half the speed of our parser. Malformed or truncated sequences become
 * U+FFFD (at least one byte is consumed for each); it never throws for content. Not thread-safe.
 */
public final class Utf8Reader extends Reader {
  private static final long HIGH_BITS = 0x8080808080808080L;
  /**
   * Shorter ASCII runs are copied by a plain loop: below this the decoder call costs more than it saves (measured on
   * French text, where runs between accented letters are ~20 bytes).
   */
  private static final int MIN_BULK_RUN = 32;

  private final InputStream in;
  private final byte[] bytes = new byte[1 << 16];
  /** Finds ASCII runs 8 bytes at a time; its position and limit are never changed. */
  private final ByteBuffer scanView = ByteBuffer.wrap(bytes);
  /**
   * Copies ASCII runs: since JDK 17 the US-ASCII decoder checks and widens a run with the vectorised intrinsics behind
   * {@code String} (about 4× a per-byte loop here). It only ever sees bytes already known to be ASCII.
   */
  private final ByteBuffer decodeView = ByteBuffer.wrap(bytes);
  private final CharsetDecoder ascii = StandardCharsets.US_ASCII.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  /** The caller's array that {@link #charView} wraps; callers normally pass the same array to every read. */
  private char[] wrapped;
  private CharBuffer charView;
  private int pos;
  private int limit;
  private boolean eof;
  private char pendingLow;
  private boolean hasPending;

  public Utf8Reader(InputStream in) {
    this.in = in;
  }

  /**
   * A reader that decodes {@code prefix[0, prefixLength)} before the rest of {@code in}: the bytes a caller already
   * took from the stream to sniff its encoding, handed back without another buffering stream (which would copy every
   * byte once more).
   */
  public Utf8Reader(InputStream in, byte[] prefix, int prefixLength) {
    this.in = in;
    System.arraycopy(prefix, 0, bytes, 0, prefixLength);
    this.limit = prefixLength;
  }

  /** How many malformed sequences were replaced by U+FFFD so far. @return the count */
  public long malformedCount() {
    return malformed;
  }

  private long malformed;

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) return 0;
    int o = off;
    int end = off + len;
    if (hasPending) {
      cbuf[o++] = pendingLow;
      hasPending = false;
    }
    byte[] b = bytes;
    while (o < end) {
      if (limit - pos < 4 && !eof) refill();
      if (pos >= limit) break;
      int n = Math.min(end - o, limit - pos);
      int p = asciiEnd(pos, pos + n);
      if (p > pos) {
        copyAscii(pos, p, cbuf, o);
        o += p - pos;
        pos = p;
      }
      if (o >= end || pos >= limit || b[pos] >= 0) continue;
      int b0 = b[pos] & 0xFF;
      int need = b0 >= 0xF0 ? (b0 <= 0xF4 ? 4 : 0) : b0 >= 0xE0 ? 3 : b0 >= 0xC2 ? 2 : 0;
      if (need == 0) {
        cbuf[o++] = '\uFFFD';
        malformed++;
        pos++;
        continue;
      }
      int avail = limit - pos;
      if (avail < need && !eof) {
        refill(); // the sequence is split across reads
        continue;
      }
      int cp = b0 & (need == 2 ? 0x1F : need == 3 ? 0x0F : 0x07);
      int k = 1;
      for (; k < need && k < avail; k++) {
        int c = b[pos + k] & 0xFF;
        if ((c & 0xC0) != 0x80) break;
        if (k == 1) {
          // Reject overlong forms, surrogates and code points above U+10FFFF at the second byte.
          if ((b0 == 0xE0 && c < 0xA0) || (b0 == 0xED && c >= 0xA0) || (b0 == 0xF0 && c < 0x90)
              || (b0 == 0xF4 && c >= 0x90)) {
            break;
          }
        }
        cp = (cp << 6) | (c & 0x3F);
      }
      if (k < need) {
        cbuf[o++] = '\uFFFD';
        malformed++;
        pos += k;
        continue;
      }
      pos += need;
      if (cp < 0x10000) {
        cbuf[o++] = (char) cp;
      } else {
        char high = Character.highSurrogate(cp);
        char low = Character.lowSurrogate(cp);
        cbuf[o++] = high;
        if (o < end) {
          cbuf[o++] = low;
        } else {
          pendingLow = low;
          hasPending = true;
        }
      }
    }
    return o == off ? -1 : o - off;
  }

  /** Returns the index of the first byte in {@code bytes[p, stop)} that is not ASCII, or {@code stop}. */
  private int asciiEnd(int p, int stop) {
    ByteBuffer v = scanView;
    while (p <= stop - 8 && (v.getLong(p) & HIGH_BITS) == 0) p += 8;
    byte[] b = bytes;
    while (p < stop && b[p] >= 0) p++;
    return p;
  }

  /** Copies the ASCII bytes {@code bytes[from, to)} to {@code cbuf} at {@code o}, which has room for them. */
  private void copyAscii(int from, int to, char[] cbuf, int o) {
    int done = 0;
    int n = to - from;
    if (n >= MIN_BULK_RUN) {
      CharBuffer cb = charView;
      if (wrapped != cbuf) {
        cb = CharBuffer.wrap(cbuf);
        charView = cb;
        wrapped = cbuf;
      }
      ByteBuffer bb = decodeView;
      // Through Buffer: the covariant overrides of limit/position are JDK 9+ and missing on Android.
      ((Buffer) bb).limit(to).position(from);
      ((Buffer) cb).limit(o + n).position(o);
      ascii.reset();
      ascii.decode(bb, cb, false);
      done = bb.position() - from; // n, unless a decoder elsewhere stops early; the loop below finishes the run
    }
    byte[] b = bytes;
    for (int i = done; i < n; i++) cbuf[o + i] = (char) b[from + i];
  }

  private void refill() throws IOException {
    int kept = limit - pos;
    System.arraycopy(bytes, pos, bytes, 0, kept);
    pos = 0;
    limit = kept;
    while (limit < 4) {
      int n = in.read(bytes, limit, bytes.length - limit);
      if (n < 0) {
        eof = true;
        return;
      }
      limit += n;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
