package dev.captions.provider.vosk;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Wraps a stream to record how it is read: the largest single {@code read(byte[], off, len)} request, the bytes
 * consumed, and whether it was closed. Optionally returns at most {@code maxPerRead} bytes per call, as pipes and
 * sockets do (short reads).
 */
final class RecordingStream extends FilterInputStream {
  private final int maxPerRead;
  private long largestRequest;
  private long consumed;
  private boolean closed;

  RecordingStream(InputStream in) {
    this(in, Integer.MAX_VALUE);
  }

  RecordingStream(InputStream in, int maxPerRead) {
    super(in);
    this.maxPerRead = maxPerRead;
  }

  @Override
  public int read() throws IOException {
    largestRequest = Math.max(largestRequest, 1);
    int b = super.read();
    if (b >= 0) consumed++;
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    largestRequest = Math.max(largestRequest, len);
    int n = super.read(b, off, Math.min(len, maxPerRead));
    if (n > 0) consumed += n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException { // skipping reads nothing into memory: not a request
    long k = super.skip(Math.min(n, maxPerRead));
    consumed += k;
    return k;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    super.close();
  }

  long largestRequest() {
    return largestRequest;
  }

  long consumed() {
    return consumed;
  }

  boolean closed() {
    return closed;
  }
}
