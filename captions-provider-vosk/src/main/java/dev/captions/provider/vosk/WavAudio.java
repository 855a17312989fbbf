package dev.captions.provider.vosk;

import dev.captions.InvalidMediaException;
import dev.captions.InvalidMediaException.Reason;
import dev.captions.model.MediaSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The samples of a 16 kHz mono 16-bit PCM WAV file: the only input Vosk decodes here. A file is memory-mapped (so an
 * hour of audio costs no heap), a stream is read into memory. Immutable; {@link #samples()} hands out independent
 * views, so chunks may be read from several threads.
 */
final class WavAudio {
  static final int SAMPLE_RATE_HZ = 16_000;

  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  private static final String EXPECTED = "a 16 kHz mono 16-bit PCM WAV file";

  private final ShortBuffer samples;
  private final String name;

  private WavAudio(ShortBuffer samples, String name) {
    this.samples = samples;
    this.name = name;
  }

  /**
   * Reads the header and maps the samples of {@code source} (a file or a stream; a stream is read to its end but not
   * closed).
   *
   * @throws InvalidMediaException when the source is missing, empty, not a WAV file, or a WAV file in another format
   */
  static WavAudio read(MediaSource source) {
    ByteBuffer bytes;
    try {
      bytes = source.isFile() ? map(source.path()) : readAll(source);
    } catch (NoSuchFileException e) {
      throw new InvalidMediaException(Reason.NOT_FOUND, "Media file not found: " + source.path() + ". Check the path.", e);
    } catch (IOException e) {
      throw new InvalidMediaException(Reason.UNREADABLE, "Cannot read " + source.name() + ": " + e.getMessage(), e);
    }
    return parse(bytes.order(ByteOrder.LITTLE_ENDIAN), source.name());
  }

  /** For tests and callers that already hold the bytes of a WAV file. */
  static WavAudio parse(ByteBuffer wav, String name) {
    ByteBuffer b = wav.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (b.remaining() == 0) throw invalid(Reason.EMPTY, name, "it is empty (0 bytes)");
    if (b.remaining() < 12 || !tag(b, 0).equals("RIFF") || !tag(b, 8).equals("WAVE")) {
      throw invalid(name, "it is not a WAV file (no RIFF/WAVE header)");
    }
    int pos = 12;
    boolean sawFormat = false;
    while (pos + 8 <= b.limit()) {
      String id = tag(b, pos);
      long size = Integer.toUnsignedLong(b.getInt(pos + 4));
      int body = pos + 8;
      if (id.equals("fmt ")) {
        if (size < 16 || body + 16 > b.limit()) throw invalid(name, "its 'fmt ' chunk is truncated");
        checkFormat(b, body, size, name);
        sawFormat = true;
      } else if (id.equals("data")) {
        if (!sawFormat) throw invalid(name, "its 'data' chunk comes before the 'fmt ' chunk");
        // Writers that stream (ffmpeg to a pipe) leave the size as 0 or 0xFFFFFFFF: the data then runs to the end.
        long available = b.limit() - body;
        long dataBytes = size == 0 || size > available ? available : size;
        ByteBuffer data = b.duplicate();
        data.position(body).limit(body + (int) (dataBytes & ~1L));
        return new WavAudio(data.slice().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer(), name);
      }
      long next = body + size + (size & 1); // chunks are padded to an even length
      if (next > b.limit()) break;
      pos = (int) next;
    }
    throw invalid(name, sawFormat ? "it has no 'data' chunk (truncated file?)" : "it has no 'fmt ' chunk");
  }

  private static void checkFormat(ByteBuffer b, int at, long size, String name) {
    int format = Short.toUnsignedInt(b.getShort(at));
    int channels = Short.toUnsignedInt(b.getShort(at + 2));
    long rate = Integer.toUnsignedLong(b.getInt(at + 4));
    int bits = Short.toUnsignedInt(b.getShort(at + 14));
    if (format == FORMAT_EXTENSIBLE && size >= 26 && at + 26 <= b.limit()) {
      format = Short.toUnsignedInt(b.getShort(at + 24)); // the sub-format GUID starts with the format code
    }
    if (format != FORMAT_PCM || channels != 1 || rate != SAMPLE_RATE_HZ || bits != 16) {
      String found = String.format(Locale.ROOT, "%s, %d Hz, %d channel%s, %d-bit",
          format == FORMAT_PCM ? "PCM" : "format code " + format, rate, channels, channels == 1 ? "" : "s", bits);
      throw invalid(name, "it is " + found);
    }
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

  private static ByteBuffer map(Path path) throws IOException {
    if (Files.isDirectory(path)) throw new InvalidMediaException(Reason.NOT_FOUND, path + " is a directory, not a WAV file.");
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) {
        throw new InvalidMediaException(path + " is larger than 2 GiB (about 18 hours of 16 kHz audio);"
            + " split it into shorter files.");
      }
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    }
  }

  private static ByteBuffer readAll(MediaSource source) throws IOException {
    if (source.kind() != MediaSource.Kind.STREAM) {
      throw new InvalidMediaException(Reason.UNSUPPORTED_SOURCE, "The vosk transcriber reads local files and streams, not " + source
          + ". Download the media first.");
    }
    InputStream in = source.stream();
    return ByteBuffer.wrap(in.readAllBytes());
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
}
