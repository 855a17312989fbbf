package dev.captions.chunking;

import dev.captions.model.TimedWord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test audio with known word timings: each "word" is a tone burst (with a little noise floor everywhere), words are
 * 100–250 ms apart inside a sentence and 400–1200 ms apart between sentences. {@link #recognise} is a matching
 * "recogniser": it finds the bursts in a WAV stream and reports them as words, timed from the stream's start.
 */
final class SyntheticSpeech {
  static final int RATE = 16_000;

  private SyntheticSpeech() {}

  /** Words (named w0, w1, …) filling about {@code durationMs}, on 10 ms boundaries. */
  static List<TimedWord> words(long durationMs, long seed) {
    Random r = new Random(seed);
    List<TimedWord> words = new ArrayList<>();
    long t = 200;
    int n = 0;
    while (true) {
      int sentence = 3 + r.nextInt(10);
      for (int i = 0; i < sentence; i++) {
        long len = 10 * (15 + r.nextInt(40));
        if (t + len > durationMs - 200) return words;
        words.add(TimedWord.of("w" + n++, t, t + len));
        t += len + 10 * (10 + r.nextInt(15));
      }
      t += 10 * (30 + r.nextInt(80));
    }
  }

  /** Writes {@code words} as 16 kHz mono 16-bit PCM WAV of {@code durationMs}, streaming (any length). */
  static Path write(Path file, List<TimedWord> words, long durationMs) throws IOException {
    long samples = durationMs * RATE / 1000;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write(header(samples * 2));
      Random noise = new Random(1);
      int w = 0;
      ByteBuffer b = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN);
      for (long s = 0; s < samples; s++) {
        long ms = s * 1000 / RATE;
        while (w < words.size() && words.get(w).endMs() <= ms) w++;
        double v = noise.nextGaussian() * 20;
        if (w < words.size() && words.get(w).startMs() <= ms) v += 8000 * Math.sin(2 * Math.PI * (300 + 50 * (w % 7)) * s / RATE);
        b.clear();
        b.putShort((short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(v))));
        out.write(b.array());
      }
    }
    return file;
  }

  static byte[] header(long dataBytes) {
    ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
        .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16)
        .put("data".getBytes()).putInt((int) dataBytes);
    return h.array();
  }

  /**
   * The bursts in a 16 kHz mono WAV stream as words (texts "?"), times in ms from the stream's start, to 10 ms. A
   * burst cut by the stream's start or end is reported over the part heard, as a recogniser would.
   */
  static List<long[]> recognise(InputStream wav) throws IOException {
    byte[] all = wav.readAllBytes();
    ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    int frames = (all.length - 44) / 2 / 160;
    List<long[]> found = new ArrayList<>();
    long start = -1;
    for (int f = 0; f <= frames; f++) {
      boolean loud = false;
      if (f < frames) {
        long sum = 0;
        for (int i = 0; i < 160; i++) sum += Math.abs(b.getShort(44 + (f * 160 + i) * 2));
        loud = sum / 160 > 1000;
      }
      if (loud && start < 0) start = f * 10L;
      if (!loud && start >= 0) {
        found.add(new long[] {start, f * 10L});
        start = -1;
      }
    }
    return found;
  }
}
