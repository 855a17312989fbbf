package dev.captions.chunking;

import dev.captions.InvalidMediaException;
import dev.captions.InvalidMediaException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A 16-bit PCM WAV file read in place: its level per 10 ms frame (streamed, never the whole file in memory) and
 * slices of it as standalone WAV streams. Cuts are placed at frame boundaries, so a chunk's offset is an exact
 * number of samples. Immutable; each method opens its own channel, so it is thread-safe.
 */
final class PcmWav {
  /** The level frame length: cut points fall on these boundaries. */
  static final int FRAME_MS = 10;

  private final Path file;
  private final int channels;
  private final int sampleRate;
  private final int blockAlign;
  private final long dataOffset;
  private final long dataBytes;
  private final byte[] fmtChunk;

  private PcmWav(Path file, int channels, int sampleRate, int blockAlign, long dataOffset, long dataBytes, byte[] fmt) {
    this.file = file;
    this.channels = channels;
    this.sampleRate = sampleRate;
    this.blockAlign = blockAlign;
    this.dataOffset = dataOffset;
    this.dataBytes = dataBytes;
    this.fmtChunk = fmt;
  }

  /** Whether {@code file} starts with a RIFF/WAVE header (cheap; says nothing about the encoding). */
  static boolean looksLikeWav(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(12);
      ch.read(b, 0);
      return b.position() == 12 && "RIFF".equals(ascii(b.array(), 0)) && "WAVE".equals(ascii(b.array(), 8));
    } catch (IOException e) {
      return false;
    }
  }

  /** @throws InvalidMediaException when the file is not a 16-bit PCM WAV, or cannot be read */
  static PcmWav open(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
      ch.read(head, 0);
      if (head.position() < 12 || !"RIFF".equals(ascii(head.array(), 0)) || !"WAVE".equals(ascii(head.array(), 8))) {
        throw new InvalidMediaException(Reason.NOT_MEDIA, file + " is not a WAV file (no RIFF/WAVE header)");
      }
      long pos = 12;
      byte[] fmt = null;
      long size = ch.size();
      while (pos + 8 <= size) {
        ByteBuffer hdr = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        ch.read(hdr, pos);
        String id = ascii(hdr.array(), 0);
        long len = Integer.toUnsignedLong(hdr.getInt(4));
        if (id.equals("fmt ")) {
          ByteBuffer f = ByteBuffer.allocate((int) Math.min(len, 1024));
          ch.read(f, pos + 8);
          fmt = f.array();
        } else if (id.equals("data")) {
          if (fmt == null || fmt.length < 16) {
            throw new InvalidMediaException(Reason.NOT_MEDIA, file + ": WAV data chunk without a fmt chunk before it");
          }
          ByteBuffer f = ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN);
          int tag = f.getShort(0) & 0xffff;
          boolean pcm = tag == 1 || tag == 0xfffe && fmt.length >= 26 && (f.getShort(24) & 0xffff) == 1;
          int bits = f.getShort(14) & 0xffff;
          if (!pcm || bits != 16) {
            throw new InvalidMediaException(Reason.NOT_MEDIA, file + " is not 16-bit PCM WAV (format tag 0x"
                + Integer.toHexString(tag) + ", " + bits + " bits); extract the audio with the media processor "
                + "(AudioOptions.defaults(): 16 kHz mono PCM) first");
          }
          // A data length of 0 or past the end (streamed WAVs) means "to the end of the file".
          long data = len == 0 || pos + 8 + len > size ? size - pos - 8 : len;
          int blockAlign = f.getShort(12) & 0xffff;
          int channels = f.getShort(2) & 0xffff;
          int rate = f.getInt(4);
          if (blockAlign == 0 || channels == 0 || rate <= 0) {
            throw new InvalidMediaException(Reason.NOT_MEDIA, file + ": WAV header is inconsistent");
          }
          return new PcmWav(file, channels, rate, blockAlign, pos + 8, data - data % blockAlign, fmt);
        }
        pos += 8 + len + (len & 1);
      }
      throw new InvalidMediaException(Reason.NOT_MEDIA, file + " has no WAV data chunk");
    } catch (IOException e) {
      throw new InvalidMediaException(Reason.UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  Path file() {
    return file;
  }

  long frames() {
    return dataBytes / blockAlign;
  }

  long durationMs() {
    return frames() * 1000 / sampleRate;
  }

  /** WAV bytes per millisecond of audio (for size limits). */
  double bytesPerMs() {
    return (double) blockAlign * sampleRate / 1000;
  }

  /**
   * The mean absolute amplitude of the first channel in each {@link #FRAME_MS} frame, streamed through a 64 KiB
   * buffer. One float per 10 ms: 1.4 MB of levels for 10 hours of audio.
   */
  float[] levels() {
    int frameSamples = sampleRate * FRAME_MS / 1000;
    int frames = (int) (frames() / frameSamples);
    float[] levels = new float[frames];
    int frameBytes = frameSamples * blockAlign;
    int framesPerRead = Math.max(1, 65_536 / frameBytes);
    ByteBuffer buf = ByteBuffer.allocate(framesPerRead * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long pos = dataOffset;
      for (int f = 0; f < frames; ) {
        int want = Math.min(framesPerRead, frames - f) * frameBytes;
        ((Buffer) buf).clear(); // via Buffer: Android's ByteBuffer has no covariant clear()/limit(int)
        ((Buffer) buf).limit(want);
        while (buf.hasRemaining()) {
          if (ch.read(buf, pos + buf.position()) < 0) break;
        }
        int got = buf.position() / frameBytes;
        if (got == 0) break;
        for (int i = 0; i < got; i++, f++) {
          long sum = 0;
          int base = i * frameBytes;
          for (int s = 0; s < frameSamples; s++) sum += Math.abs(buf.getShort(base + s * blockAlign));
          levels[f] = (float) sum / frameSamples;
        }
        pos += (long) got * frameBytes;
      }
    } catch (IOException e) {
      throw new InvalidMediaException(Reason.UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
    }
    return levels;
  }

  /**
   * The audio from {@code fromMs} to {@code toMs} as a standalone WAV stream (header + samples, read lazily from the
   * file). The caller closes it.
   */
  InputStream slice(long fromMs, long toMs) throws IOException {
    long fromFrame = Math.min(frames(), fromMs * sampleRate / 1000);
    long toFrame = Math.min(frames(), toMs * sampleRate / 1000);
    long bytes = (toFrame - fromFrame) * blockAlign;
    ByteBuffer h = ByteBuffer.allocate(12 + 8 + fmtChunk.length + 8).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (h.capacity() - 8 + bytes))
        .put("WAVE".getBytes(StandardCharsets.US_ASCII))
        .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(fmtChunk.length).put(fmtChunk)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) bytes);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
    ch.position(dataOffset + fromFrame * blockAlign);
    InputStream data = new BoundedStream(Channels.newInputStream(ch), bytes);
    return new SequenceInputStream(new ByteArrayInputStream(h.array()), data);
  }

  /** The size in bytes of a WAV slice of {@code ms} milliseconds. */
  long sliceBytes(long ms) {
    return 12 + 8 + fmtChunk.length + 8 + ms * sampleRate / 1000 * blockAlign;
  }

  @Override
  public String toString() {
    return "PcmWav{" + file + ", " + sampleRate + " Hz, " + channels + " ch, " + durationMs() + " ms}";
  }

  private static String ascii(byte[] b, int at) {
    return new String(b, at, 4, StandardCharsets.US_ASCII);
  }

  /** Reads at most {@code remaining} bytes of the wrapped stream, then ends; closing closes the wrapped stream. */
  private static final class BoundedStream extends InputStream {
    private final InputStream in;
    private long remaining;

    BoundedStream(InputStream in, long remaining) {
      this.in = in;
      this.remaining = remaining;
    }

    @Override
    public int read() throws IOException {
      if (remaining <= 0) return -1;
      int b = in.read();
      if (b >= 0) remaining--;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (remaining <= 0) return -1;
      int n = in.read(b, off, (int) Math.min(len, remaining));
      if (n > 0) remaining -= n;
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
