package dev.captions.webvtt.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * The writers' output buffer: a growable {@code char[]} drained into a {@link Writer} in chunks. Cheaper per char than
 * a {@link StringBuilder} (no coder checks) and drained with {@link Writer#write(char[], int, int)}, so no String is
 * made per chunk. Not thread-safe.
 */
public final class CharSink {
  private char[] buf;
  private int length;

  public CharSink(int capacity) {
    this.buf = new char[Math.max(16, capacity)];
  }

  public int length() {
    return length;
  }

  /** Drops what was appended after {@code length}. */
  public void truncate(int length) {
    if (length < 0 || length > this.length) throw new IndexOutOfBoundsException("length " + length);
    this.length = length;
  }

  private char[] room(int more) {
    if (length + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + more));
    return buf;
  }

  public CharSink append(char c) {
    room(1)[length++] = c;
    return this;
  }

  public CharSink append(String s) {
    int n = s.length();
    s.getChars(0, n, room(n), length);
    length += n;
    return this;
  }

  public CharSink append(StringBuilder s) {
    int n = s.length();
    s.getChars(0, n, room(n), length);
    length += n;
    return this;
  }

  /** A decimal, without making a String. */
  public CharSink append(int v) {
    return v < 0 ? append(Integer.toString(v)) : appendDecimal(v);
  }

  private CharSink appendDecimal(long v) {
    if (v < 0) return append(Long.toString(v));
    int digits = 1;
    for (long x = v; x >= 10; x /= 10) digits++;
    char[] b = room(digits);
    int p = length + digits;
    do {
      b[--p] = (char) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    length += digits;
    return this;
  }

  /** {@code HH:MM:SS<sep>mmm} (hours at least two digits); {@code sep} is '.' for WebVTT, ',' for SRT. */
  public CharSink appendTimestamp(long ms, char sep) {
    long h = ms / 3_600_000L;
    int rest = (int) (ms - h * 3_600_000L);
    if (h < 10) append('0');
    appendDecimal(h);
    int m = rest / 60_000;
    rest -= m * 60_000;
    int s = rest / 1000;
    int milli = rest - s * 1000;
    char[] b = room(10);
    int p = length;
    b[p] = ':';
    b[p + 1] = (char) ('0' + m / 10);
    b[p + 2] = (char) ('0' + m % 10);
    b[p + 3] = ':';
    b[p + 4] = (char) ('0' + s / 10);
    b[p + 5] = (char) ('0' + s % 10);
    b[p + 6] = sep;
    b[p + 7] = (char) ('0' + milli / 100);
    b[p + 8] = (char) ('0' + milli / 10 % 10);
    b[p + 9] = (char) ('0' + milli % 10);
    length = p + 10;
    return this;
  }

  /** Writes everything buffered to {@code out} and empties the buffer; does not flush {@code out}. */
  public void drainTo(Writer out) throws IOException {
    out.write(buf, 0, length);
    length = 0;
  }
}
