package dev.captions.webvtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Run in its own JVM by {@link SmallHeapStreamingTest}: streams {@code MB} megabytes of WebVTT or SRT, generated on
 * the fly as UTF-8 bytes (no file, no copy held anywhere), through the reader, and prints how many cues it generated
 * and how many arrived. Usage: {@code GigabyteStream vtt|srt MB}.
 */
public final class GigabyteStream {
  private GigabyteStream() {}

  /** Cue after cue of two-line text with accents, so the UTF-8 decoder's slow path runs too. */
  static final class Generated extends InputStream {
    private final boolean srt;
    private final long limit;
    private long produced;
    private long cues;
    private byte[] pending;
    private int offset;
    private final StringBuilder text = new StringBuilder(160);

    Generated(boolean srt, long limit) {
      this.srt = srt;
      this.limit = limit;
      this.pending = srt ? new byte[0] : "WEBVTT\n\n".getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (offset == pending.length) {
        if (produced >= limit) return -1;
        long startMs = cues * 2000;
        StringBuilder cue = text;
        cue.setLength(0);
        if (srt) cue.append(cues + 1).append('\n');
        ts(cue, startMs, srt ? ',' : '.');
        cue.append(" --> ");
        ts(cue, startMs + 1500, srt ? ',' : '.');
        cue.append("\nLa réunion numéro ").append(cues).append(" commence à l'heure prévue,\n")
            .append("et tout le monde est déjà là.\n\n");
        pending = cue.toString().getBytes(StandardCharsets.UTF_8);
        offset = 0;
        cues++;
      }
      int n = Math.min(len, pending.length - offset);
      System.arraycopy(pending, offset, b, off, n);
      offset += n;
      produced += n;
      return n;
    }

    long cues() {
      return cues;
    }

    long produced() {
      return produced;
    }

    /** {@code HH:MM:SS.mmm}, hours as wide as they need: a hand-rolled format, to keep generation off the clock. */
    private static void ts(StringBuilder b, long ms, char sep) {
      long h = ms / 3_600_000;
      if (h < 10) b.append('0');
      b.append(h).append(':');
      two(b, ms / 60_000 % 60);
      b.append(':');
      two(b, ms / 1000 % 60);
      b.append(sep);
      long f = ms % 1000;
      b.append((char) ('0' + f / 100)).append((char) ('0' + f / 10 % 10)).append((char) ('0' + f % 10));
    }

    private static void two(StringBuilder b, long v) {
      b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }
  }

  public static void main(String[] args) throws IOException {
    boolean srt = args[0].equals("srt");
    long limit = Long.parseLong(args[1]) * 1_000_000L;
    Generated in = new Generated(srt, limit);
    long[] arrived = {0};
    long[] warnings = {0};
    long t0 = System.nanoTime();
    if (srt) {
      SrtReader.create().stream(in, c -> arrived[0]++, d -> warnings[0]++);
    } else {
      WebVttReader.create().stream(in, c -> arrived[0]++, d -> warnings[0]++);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("generated=%d arrived=%d warnings=%d bytes=%d seconds=%.2f maxHeapMB=%d%n", in.cues(),
        arrived[0], warnings[0], in.produced(), s, Runtime.getRuntime().maxMemory() >> 20);
  }
}
