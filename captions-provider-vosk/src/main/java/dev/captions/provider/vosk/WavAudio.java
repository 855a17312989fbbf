package dev.captions.provider.vosk;

import com.fasterxml.jackson.databind.util.ByteBufferBackedInputStream;
import dev.captions.InvalidMediaException;
import dev.captions.InvalidMediaException.Reason;
import dev.captions.model.MediaSource;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The samples of a 16 kHz mono 16-bit PCM WAV file: the only input Vosk decodes here. A file is memory-mapped (so an
 * hour of audio costs no heap); a stream is read a block at a time while it is decoded ({@link #open}), so it costs
 * no more heap than a block either. Immutable; {@link #samples()} hands out independent views, so parts of a file may
 * be read from several threads.
 */
final class WavAudio {
  static final int SAMPLE_RATE_HZ = 16_000;

  private static final Logger LOG = LoggerFactory.getLogger(WavAudio.class);
  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  /** Enough of a 'fmt ' chunk for WAVE_FORMAT_EXTENSIBLE's sub-format code (bytes 24–25). */
  private static final int FMT_BYTES_READ = 26;
  private static final String EXPECTED = "a 16 kHz mono 16-bit PCM WAV file";

  private final ShortBuffer samples;
  private final String name;

  private WavAudio(ShortBuffer samples, String name) {
    this.samples = samples;
    this.name = name;
  }

  /**
   * Opens the samples of {@code source} for reading in order: a file is memory-mapped, a stream has its header read
   * now and its samples as they are asked for. A stream is read to its end but not closed.
   *
   * @throws InvalidMediaException when the source is missing, empty, not a WAV file, a WAV file in another format, or
   *     neither a file nor a stream
   */
  static Samples open(MediaSource source) {
    if (source.isFile()) return new MappedSamples(map(source.path()));
    if (source.kind() != MediaSource.Kind.STREAM) {
      throw new InvalidMediaException(Reason.UNSUPPORTED_SOURCE, "The vosk transcriber reads local files and streams,"
          + " not " + source + ". Download the media first.");
    }
    InputStream in = source.stream();
    try {
      return new StreamSamples(in, readHeader(in, source.name()), source.name());
    } catch (IOException e) {
      throw unreadable(source.name(), e);
    }
  }

  /**
   * Maps the samples of a WAV file.
   *
   * @throws InvalidMediaException when the file is missing, a directory, empty, not a WAV file, or in another format
   */
  static WavAudio map(Path file) {
    if (Files.isDirectory(file)) throw new InvalidMediaException(Reason.NOT_FOUND, file + " is a directory, not a WAV file.");
    ByteBuffer bytes;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new InvalidMediaException(file + " is larger than 2 GiB (about 18 hours of 16 kHz audio);"
            + " split it into shorter files.");
      }
      bytes = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    } catch (NoSuchFileException e) {
      throw new InvalidMediaException(Reason.NOT_FOUND, "Media file not found: " + file + ". Check the path.", e);
    } catch (IOException e) {
      throw unreadable(name(file), e);
    }
    return parse(bytes, name(file));
  }

  /** For tests and callers that already hold the bytes of a WAV file. */
  static WavAudio parse(ByteBuffer wav, String name) {
    ByteBuffer b = wav.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    long declared;
    try {
      // As a stream, so that files and streams have their headers read by one parser; leaves b at the data's start.
      declared = readHeader(new ByteBufferBackedInputStream(b), name);
    } catch (IOException e) {
      throw new IllegalStateException("a buffer cannot fail to read", e);
    }
    long available = b.remaining();
    long dataBytes = declared < 0 ? available : Math.min(declared, available);
    if (declared > available) warnTruncated(name, declared, available);
    b.limit(b.position() + (int) (dataBytes & ~1L)); // an odd trailing byte is half a sample
    return new WavAudio(b.slice().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer(), name);
  }

  /**
   * Reads a WAV header from {@code in} up to the first byte of its 'data' chunk, checking the format.
   *
   * @return the size in bytes the 'data' chunk declares, or {@code -1} when it does not say (0 or 0xFFFFFFFF, as
   *     writers that stream leave it: ffmpeg to a pipe), meaning the data runs to the end
   */
  private static long readHeader(InputStream in, String name) throws IOException {
    byte[] riff = in.readNBytes(12);
    if (riff.length == 0) throw invalid(Reason.EMPTY, name, "it is empty (0 bytes)");
    ByteBuffer b = ByteBuffer.wrap(riff).order(ByteOrder.LITTLE_ENDIAN);
    if (riff.length < 12 || !tag(b, 0).equals("RIFF") || !tag(b, 8).equals("WAVE")) {
      throw invalid(name, "it is not a WAV file (no RIFF/WAVE header)");
    }
    boolean sawFormat = false;
    while (true) {
      byte[] chunk = in.readNBytes(8);
      if (chunk.length < 8) break;
      b = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
      String id = tag(b, 0);
      long size = Integer.toUnsignedLong(b.getInt(4));
      long skip = size + (size & 1); // chunks are padded to an even length
      if (id.equals("fmt ")) {
        byte[] fmt = in.readNBytes((int) Math.min(size, FMT_BYTES_READ));
        if (size < 16 || fmt.length < 16) throw invalid(name, "its 'fmt ' chunk is truncated");
        checkFormat(ByteBuffer.wrap(fmt).order(ByteOrder.LITTLE_ENDIAN), size, name);
        sawFormat = true;
        skip -= fmt.length;
      } else if (id.equals("data")) {
        if (!sawFormat) throw invalid(name, "its 'data' chunk comes before the 'fmt ' chunk");
        return size == 0 || size == 0xFFFF_FFFFL ? -1 : size;
      }
      try {
        in.skipNBytes(skip);
      } catch (EOFException e) {
        break;
      }
    }
    throw invalid(name, sawFormat ? "it has no 'data' chunk (truncated file?)" : "it has no 'fmt ' chunk");
  }

  private static void checkFormat(ByteBuffer fmt, long size, String name) {
    int format = Short.toUnsignedInt(fmt.getShort(0));
    int channels = Short.toUnsignedInt(fmt.getShort(2));
    long rate = Integer.toUnsignedLong(fmt.getInt(4));
    int bits = Short.toUnsignedInt(fmt.getShort(14));
    if (format == FORMAT_EXTENSIBLE && size >= FMT_BYTES_READ && fmt.limit() >= FMT_BYTES_READ) {
      format = Short.toUnsignedInt(fmt.getShort(24)); // the sub-format GUID starts with the format code
    }
    if (format != FORMAT_PCM || channels != 1 || rate != SAMPLE_RATE_HZ || bits != 16) {
      String found = String.format(Locale.ROOT, "%s, %d Hz, %d channel%s, %d-bit",
          format == FORMAT_PCM ? "PCM" : "format code " + format, rate, channels, channels == 1 ? "" : "s", bits);
      throw invalid(name, "it is " + found);
    }
  }

  /** A header that promises more data than arrived: decoded as far as it goes, and said so. */
  private static void warnTruncated(String name, long declaredBytes, long arrivedBytes) {
    LOG.warn("{} is truncated: its WAV header announces {} bytes of audio ({} ms) but only {} bytes ({} ms) arrived;"
        + " decoded what arrived, {} ms of audio are missing", name, declaredBytes, bytesToMs(declaredBytes),
        arrivedBytes, bytesToMs(arrivedBytes), bytesToMs(declaredBytes) - bytesToMs(arrivedBytes));
  }

  /** A file's name in messages: its last segment, as {@link MediaSource#name()} gives it. */
  private static String name(Path file) {
    Path name = file.getFileName();
    return name == null ? file.toString() : name.toString();
  }

  private static long bytesToMs(long bytes) {
    return bytes / 2 * 1000 / SAMPLE_RATE_HZ;
  }

  private static InvalidMediaException unreadable(String name, IOException e) {
    return new InvalidMediaException(Reason.UNREADABLE, "Cannot read " + name + ": " + e.getMessage(), e);
  }

  private static InvalidMediaException invalid(String name, String why) {
    return invalid(Reason.NOT_MEDIA, name, why);
  }

  private static InvalidMediaException invalid(Reason reason, String name, String why) {
    return new InvalidMediaException(reason, "The vosk transcriber needs " + EXPECTED + ", but " + why + ": " + name
        + ". Let the ffmpeg media processor (dev.captions:captions-media-ffmpeg) extract the audio first, which the"
        + " caption pipeline does when it is on the class path, or convert it yourself:"
        + " ffmpeg -i INPUT -vn -ac 1 -ar 16000 -c:a pcm_s16le OUTPUT.wav");
  }

  private static String tag(ByteBuffer b, int at) {
    char[] c = new char[4];
    for (int i = 0; i < 4; i++) c[i] = (char) (b.get(at + i) & 0xFF);
    return new String(c);
  }

  /** A new view of all samples (position 0); callers may move its position and limit freely. */
  ShortBuffer samples() {
    return samples.duplicate();
  }

  int sampleCount() {
    return samples.limit();
  }

  long durationMs() {
    return sampleCount() * 1000L / SAMPLE_RATE_HZ;
  }

  String name() {
    return name;
  }

  /**
   * The samples of one WAV file or stream, read in order a block at a time: what a decoder reads. Not thread-safe; one
   * decoding reads one.
   */
  abstract static class Samples {
    private final String name;
    private long read;

    Samples(String name) {
      this.name = name;
    }

    /**
     * Reads the next samples into {@code block}, from index 0.
     *
     * @return how many samples were read: {@code 0} only at the end, else at most {@code block.length}
     * @throws InvalidMediaException ({@link Reason#UNREADABLE}) when a stream cannot be read
     */
    final int read(short[] block) {
      int n;
      try {
        n = readInto(block);
      } catch (IOException e) {
        throw unreadable(name, e);
      }
      read += n;
      return n;
    }

    abstract int readInto(short[] block) throws IOException;

    /** {@return the samples the header announces, or {@code -1} when it does not say (a streamed header)} */
    abstract long announcedCount();

    /** {@return the samples read so far} */
    final long readCount() {
      return read;
    }

    /** {@return the length of the samples read so far, in milliseconds} */
    final long readMs() {
      return read * 1000 / SAMPLE_RATE_HZ;
    }

    /** {@return the file's or the stream's name, for messages} */
    final String name() {
      return name;
    }
  }

  /** A mapped file's samples. */
  private static final class MappedSamples extends Samples {
    private final ShortBuffer in;

    MappedSamples(WavAudio wav) {
      super(wav.name());
      this.in = wav.samples();
    }

    @Override
    int readInto(short[] block) {
      int n = Math.min(block.length, in.remaining());
      in.get(block, 0, n);
      return n;
    }

    @Override
    long announcedCount() {
      return in.limit();
    }
  }

  /**
   * A stream's samples, read from it a block at a time (never more than a block's bytes per {@code read} call). Short
   * reads are completed; an odd trailing byte (half a sample) is dropped. A stream that ends before the size its header
   * announces is decoded as far as it goes, with a warning; after the data, the rest of the stream (chunks that follow
   * it) is read and dropped, so that the stream is read to its end as callers expect.
   */
  private static final class StreamSamples extends Samples {
    private final InputStream in;
    private final long announcedBytes;
    private long remainingBytes;
    private byte[] bytes = new byte[0];
    private boolean ended;

    StreamSamples(InputStream in, long announcedBytes, String name) {
      super(name);
      this.in = in;
      this.announcedBytes = announcedBytes;
      this.remainingBytes = announcedBytes < 0 ? Long.MAX_VALUE : announcedBytes & ~1L;
    }

    @Override
    int readInto(short[] block) throws IOException {
      if (ended) return 0;
      int want = (int) Math.min(block.length * 2L, remainingBytes);
      if (bytes.length < want) bytes = new byte[want];
      int got = in.readNBytes(bytes, 0, want); // less than asked only at the end of the stream
      remainingBytes -= got;
      int n = got / 2;
      for (int i = 0; i < n; i++) block[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
      if (got < want || remainingBytes == 0) end(got < want);
      return n;
    }

    private void end(boolean streamEnded) throws IOException {
      ended = true;
      if (streamEnded && announcedBytes >= 0) {
        warnTruncated(name(), announcedBytes, (announcedBytes & ~1L) - remainingBytes);
      }
      if (!streamEnded) in.transferTo(OutputStream.nullOutputStream()); // chunks after the data, and a pad byte
    }

    @Override
    long announcedCount() {
      return announcedBytes < 0 ? -1 : announcedBytes / 2;
    }
  }
}
