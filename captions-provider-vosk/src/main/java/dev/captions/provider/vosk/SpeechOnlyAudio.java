package dev.captions.provider.vosk;

import dev.captions.InvalidMediaException;
import dev.captions.InvalidMediaException.Reason;
import dev.captions.align.SpeechActivity;
import dev.captions.model.TimedWord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The speech of a 16 kHz mono WAV file with the pauses squeezed out, written to a temporary WAV file, and the map from
 * its time line back to the original's: what the aligner decodes instead of the whole file. Every pause of at least
 * {@link #PAUSE_MS} between utterances keeps only {@link #TAIL_MS} after the speech before it and {@link #LEAD_MS}
 * before the speech after it, so the recogniser still hears a short silence between them, and the onsets and tails
 * quieter than the speech detector's threshold (a soft "th" or "h" before the detected onset).
 *
 * <p>Why only for alignment: transcription must not lose words spoken under the detector's threshold; alignment has
 * the transcript's words already, and a word it does not hear is placed between its neighbours anyway, inside the
 * speech. Not thread-safe; {@link #close()} deletes the file.
 */
final class SpeechOnlyAudio implements AutoCloseable {
  /** Pauses at least this long are squeezed to it: what is kept after the speech before and before the speech after. */
  static final long PAUSE_MS = 400;
  /** Audio kept before each utterance: more than after it, as word starts are what alignment must get right. */
  static final long LEAD_MS = 250;
  /** Audio kept after each utterance. */
  static final long TAIL_MS = 150;
  /** When the speech and its margins are more than this share of the file, the file is decoded as it is. */
  static final double MAX_SHARE = 0.9;

  private static final int BYTES_PER_MS = WavAudio.SAMPLE_RATE_HZ / 1000 * 2;

  private final Path file;
  /** Span k starts at keptStart[k] in the file written and at sourceStart[k] in the original. */
  private final long[] keptStart;
  private final long[] sourceStart;
  private final long keptMs;

  private SpeechOnlyAudio(Path file, long[] keptStart, long[] sourceStart, long keptMs) {
    this.file = file;
    this.keptStart = keptStart;
    this.sourceStart = sourceStart;
    this.keptMs = keptMs;
  }

  /**
   * The spans of the original to keep: each utterance (speech without a pause of {@link #PAUSE_MS}) from
   * {@link #LEAD_MS} before it to {@link #TAIL_MS} after it, merged, within {@code [0, durationMs]}.
   */
  static List<long[]> spans(SpeechActivity speech) {
    List<long[]> out = new ArrayList<>();
    for (long[] u : speech.utterances(PAUSE_MS)) {
      long s = Math.max(0, u[0] - LEAD_MS);
      long e = Math.min(speech.durationMs(), u[1] + TAIL_MS);
      if (!out.isEmpty() && out.get(out.size() - 1)[1] >= s) {
        out.get(out.size() - 1)[1] = Math.max(e, out.get(out.size() - 1)[1]);
      } else if (e > s) {
        out.add(new long[] {s, e});
      }
    }
    return out;
  }

  /**
   * Writes the speech of {@code wav} to a temporary file, or returns null when squeezing the pauses would save less
   * than a tenth of the decoding (or the audio has no speech at all: then the whole file is decoded, as before).
   *
   * @param wav a 16 kHz mono 16-bit PCM WAV file
   * @param speech its speech, from {@link SpeechActivity#detect}
   * @throws InvalidMediaException when the file is not such a WAV file, or the temporary file cannot be written
   */
  static SpeechOnlyAudio writeOrNull(Path wav, SpeechActivity speech) {
    List<long[]> spans = spans(speech);
    long kept = 0;
    for (long[] s : spans) kept += s[1] - s[0];
    if (spans.isEmpty() || kept > MAX_SHARE * speech.durationMs()) return null;
    ShortBuffer samples = WavAudio.map(wav).samples();
    long[] keptStart = new long[spans.size()];
    long[] sourceStart = new long[spans.size()];
    Path out = null;
    try {
      out = Files.createTempFile("captions-align-", ".wav");
      try (FileChannel ch = FileChannel.open(out, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(header(0));
        short[] block = new short[1 << 15];
        ByteBuffer buf = ByteBuffer.allocate(block.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        long written = 0;
        for (int k = 0; k < spans.size(); k++) {
          // Span starts fall on whole milliseconds (16 samples), so both time lines stay in exact milliseconds.
          int from = (int) Math.min(samples.limit(), spans.get(k)[0] * WavAudio.SAMPLE_RATE_HZ / 1000);
          int to = (int) Math.min(samples.limit(), spans.get(k)[1] * WavAudio.SAMPLE_RATE_HZ / 1000);
          keptStart[k] = written * 1000 / WavAudio.SAMPLE_RATE_HZ;
          sourceStart[k] = (long) from * 1000 / WavAudio.SAMPLE_RATE_HZ;
          ShortBuffer in = samples.duplicate();
          in.limit(to).position(from);
          while (in.hasRemaining()) {
            int n = Math.min(block.length, in.remaining());
            in.get(block, 0, n);
            buf.clear();
            buf.asShortBuffer().put(block, 0, n);
            buf.limit(n * 2);
            while (buf.hasRemaining()) ch.write(buf);
          }
          written += to - from;
        }
        ch.write(header(written * 2), 0);
        return new SpeechOnlyAudio(out, keptStart, sourceStart, written * 1000 / WavAudio.SAMPLE_RATE_HZ);
      }
    } catch (IOException e) {
      deleteQuietly(out);
      throw new InvalidMediaException(Reason.UNREADABLE, "cannot write the speech of " + wav + " to a temporary file: "
          + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      deleteQuietly(out);
      throw e;
    }
  }

  /** {@return the temporary WAV file with the speech} */
  Path file() {
    return file;
  }

  /** {@return the length of the audio written, in milliseconds} */
  long keptMs() {
    return keptMs;
  }

  /** {@return how many spans of the original were kept} */
  int spanCount() {
    return keptStart.length;
  }

  /** {@return {@code ms} on the written file's time line, as a time in the original} */
  long toSource(long ms) {
    int k = span(ms);
    return sourceStart[k] + (ms - keptStart[k]);
  }

  /** {@return the words heard in the written file, with their times in the original} */
  List<TimedWord> toSource(List<TimedWord> heard) {
    List<TimedWord> out = new ArrayList<>(heard.size());
    for (TimedWord w : heard) {
      long start = toSource(w.startMs());
      // The end is mapped from its last millisecond, so a word that ends where a span does keeps that span's clock.
      long end = w.endMs() > w.startMs() ? toSource(w.endMs() - 1) + 1 : start;
      out.add(TimedWord.of(w.text(), start, Math.max(start, end), w.confidence(), w.speaker()));
    }
    return out;
  }

  private int span(long ms) {
    int lo = 0;
    int hi = keptStart.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (keptStart[mid] <= ms) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  @Override
  public void close() {
    deleteQuietly(file);
  }

  private static ByteBuffer header(long dataBytes) {
    ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes)).put(new byte[] {'W', 'A', 'V', 'E'})
        .put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(WavAudio.SAMPLE_RATE_HZ).putInt(BYTES_PER_MS * 1000).putShort((short) 2).putShort((short) 16)
        .put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
    h.flip();
    return h;
  }

  private static void deleteQuietly(Path p) {
    if (p == null) return;
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      p.toFile().deleteOnExit();
    }
  }
}
