package dev.captions.provider.openai;

import dev.captions.InvalidMediaException;
import dev.captions.InvalidMediaException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a PCM WAV file into standalone WAV files no larger than a byte limit, cutting at the quietest moment shortly
 * before each limit so that no word is cut in half. Each piece carries its start as a measured offset (sample frames
 * before it ÷ sample rate), so times from the pieces map back exactly. Only uncompressed PCM (format 1, or
 * WAVE_FORMAT_EXTENSIBLE holding PCM) is supported: compressed formats cannot be cut by byte position.
 * Stateless; reads the file with positional reads, never whole into memory.
 */
final class WavSplitter {
  /** A piece of the input: a WAV file and where it starts in the original, in milliseconds. */
  static final class Piece {
    final Path file;
    final long offsetMs;
    final long durationMs;

    Piece(Path file, long offsetMs, long durationMs) {
      this.file = file;
      this.offsetMs = offsetMs;
      this.durationMs = durationMs;
    }
  }

  /** Facts from a WAV header. */
  static final class Format {
    final int channels;
    final int sampleRate;
    final int bitsPerSample;
    final int blockAlign;
    final long dataOffset;
    final long dataBytes;
    final byte[] fmtChunk;

    Format(int channels, int sampleRate, int bitsPerSample, int blockAlign, long dataOffset, long dataBytes, byte[] fmtChunk) {
      this.channels = channels;
      this.sampleRate = sampleRate;
      this.bitsPerSample = bitsPerSample;
      this.blockAlign = blockAlign;
      this.dataOffset = dataOffset;
      this.dataBytes = dataBytes;
      this.fmtChunk = fmtChunk;
    }

    long durationMs() {
      return framesToMs(dataBytes / blockAlign);
    }

    long framesToMs(long frames) {
      return frames * 1000 / sampleRate;
    }
  }

  /** How far back from each limit the quietest point is searched. */
  static final long SEARCH_MS = 5_000;
  /** The loudness window compared while searching. */
  static final long WINDOW_MS = 20;

  private WavSplitter() {}

  static boolean isWav(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(12);
      ch.read(b, 0);
      return b.position() == 12 && "RIFF".equals(ascii(b.array(), 0)) && "WAVE".equals(ascii(b.array(), 8));
    } catch (IOException e) {
      return false;
    }
  }

  /** @throws InvalidMediaException when the file is not a PCM WAV */
  static Format readFormat(FileChannel ch, Path file) throws IOException {
    ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    ch.read(head, 0);
    if (!"RIFF".equals(ascii(head.array(), 0)) || !"WAVE".equals(ascii(head.array(), 8))) {
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
        if (fmt == null) throw new InvalidMediaException(Reason.NOT_MEDIA, file + ": WAV data chunk comes before its fmt chunk");
        ByteBuffer f = ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN);
        int tag = f.getShort(0) & 0xffff;
        boolean pcm = tag == 1 || tag == 0xfffe && fmt.length >= 26 && (f.getShort(24) & 0xffff) == 1;
        if (!pcm) {
          throw new InvalidMediaException(file + " is a compressed WAV (format tag 0x" + Integer.toHexString(tag)
              + "); only PCM WAV can be split: convert it to 16-bit PCM WAV first");
        }
        // A data length of 0 or past the end (streamed WAVs) means "to the end of the file".
        long dataBytes = len == 0 || pos + 8 + len > size ? size - pos - 8 : len;
        int blockAlign = f.getShort(12) & 0xffff;
        if (blockAlign == 0) throw new InvalidMediaException(Reason.NOT_MEDIA, file + ": WAV header has block align 0");
        return new Format(f.getShort(2) & 0xffff, f.getInt(4), f.getShort(14) & 0xffff, blockAlign, pos + 8,
            dataBytes - dataBytes % blockAlign, fmt);
      }
      pos += 8 + len + (len & 1);
    }
    throw new InvalidMediaException(Reason.NOT_MEDIA, file + " has no WAV data chunk");
  }

  /**
   * Splits {@code file} into pieces of at most {@code maxBytes} each (header included), written to {@code dir}.
   *
   * @throws InvalidMediaException when the file is not a PCM WAV
   */
  static List<Piece> split(Path file, long maxBytes, Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      Format fmt = readFormat(ch, file);
      int headerBytes = 12 + 8 + fmt.fmtChunk.length + 8;
      long maxFrames = (maxBytes - headerBytes) / fmt.blockAlign;
      long totalFrames = fmt.dataBytes / fmt.blockAlign;
      long searchFrames = Math.min(maxFrames / 2, SEARCH_MS * fmt.sampleRate / 1000);
      long windowFrames = Math.max(1, WINDOW_MS * fmt.sampleRate / 1000);
      List<Piece> pieces = new ArrayList<>();
      long startFrame = 0;
      while (startFrame < totalFrames) {
        long endFrame = Math.min(totalFrames, startFrame + maxFrames);
        if (endFrame < totalFrames) {
          endFrame = quietestCut(ch, fmt, endFrame - searchFrames, endFrame, windowFrames);
        }
        Path piece = dir.resolve(String.format(java.util.Locale.ROOT, "piece-%03d.wav", pieces.size()));
        writePiece(ch, fmt, startFrame, endFrame, piece);
        pieces.add(new Piece(piece, fmt.framesToMs(startFrame), fmt.framesToMs(endFrame - startFrame)));
        startFrame = endFrame;
      }
      return pieces;
    }
  }

  /** The frame at the middle of the quietest window in {@code [from, to)}, by mean absolute amplitude. */
  private static long quietestCut(FileChannel ch, Format fmt, long from, long to, long windowFrames) throws IOException {
    int bytesPerSample = fmt.bitsPerSample / 8;
    ByteBuffer buf = ByteBuffer.allocate((int) ((to - from) * fmt.blockAlign)).order(ByteOrder.LITTLE_ENDIAN);
    ch.read(buf, fmt.dataOffset + from * fmt.blockAlign);
    long best = to;
    double bestLevel = Double.MAX_VALUE;
    // Walk backwards so that, among equally quiet windows, the latest one (the fullest piece) wins.
    for (long w = to - windowFrames; w >= from; w -= windowFrames) {
      double sum = 0;
      for (long f = w; f < w + windowFrames; f++) {
        int at = (int) ((f - from) * fmt.blockAlign);
        if (at + bytesPerSample > buf.position()) break;
        sum += Math.abs(sample(buf, at, bytesPerSample));
      }
      double level = sum / windowFrames;
      if (level < bestLevel) {
        bestLevel = level;
        best = w + windowFrames / 2;
      }
    }
    return Math.max(from + 1, Math.min(best, to));
  }

  private static int sample(ByteBuffer b, int at, int bytes) {
    switch (bytes) {
      case 1:
        return (b.get(at) & 0xff) - 128;
      case 2:
        return b.getShort(at);
      case 3:
        return (b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8 | b.get(at + 2) << 16;
      default:
        return b.getInt(at) >> 16;
    }
  }

  private static void writePiece(FileChannel in, Format fmt, long startFrame, long endFrame, Path out) throws IOException {
    long dataBytes = (endFrame - startFrame) * fmt.blockAlign;
    ByteBuffer h = ByteBuffer.allocate(12 + 8 + fmt.fmtChunk.length + 8).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (h.capacity() - 8 + dataBytes))
        .put("WAVE".getBytes(StandardCharsets.US_ASCII))
        .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(fmt.fmtChunk.length).put(fmt.fmtChunk)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
    h.flip();
    try (FileChannel outCh = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      while (h.hasRemaining()) outCh.write(h);
      long pos = fmt.dataOffset + startFrame * fmt.blockAlign;
      for (long written = 0; written < dataBytes; ) {
        written += in.transferTo(pos + written, dataBytes - written, outCh);
      }
    }
  }

  private static String ascii(byte[] b, int at) {
    return new String(b, at, 4, StandardCharsets.US_ASCII);
  }
}
