package dev.captions.provider.vosk;

import dev.captions.model.TimedWord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Test audio: the committed speech sample, WAV files built in memory, and word error rate. */
final class TestAudio {
  private TestAudio() {}

  /** A transcriber sharing one JVM-wide model, extracted under target/ so tests never write to the home directory. */
  static VoskTranscriber.Builder transcriber() {
    return VoskTranscriber.builder().cacheDirectory(Paths.get("target", "vosk-cache"));
  }

  static Path speechWav() {
    return resource("speech/speech.wav");
  }

  static String speechText() {
    try {
      return Files.readString(resource("speech/speech.txt"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resource(String name) {
    try {
      return Paths.get(TestAudio.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A canonical 44-byte-header WAV with the given format; {@code data} is raw sample bytes. */
  static byte[] wav(int formatCode, int channels, int sampleRate, int bits, byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(44 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + data.length).put("WAVE".getBytes(StandardCharsets.US_ASCII));
    b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) formatCode).putShort((short) channels)
        .putInt(sampleRate).putInt(sampleRate * channels * bits / 8).putShort((short) (channels * bits / 8))
        .putShort((short) bits);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(data.length).put(data);
    return b.array();
  }

  /** 16 kHz mono 16-bit PCM WAV bytes of {@code samples}. */
  static byte[] wav16k(short[] samples) {
    ByteBuffer data = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : samples) data.putShort(s);
    return wav(1, 1, 16_000, 16, data.array());
  }

  /** The samples of the committed speech WAV. */
  static short[] speechSamples() {
    try {
      ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(speechWav()));
      java.nio.ShortBuffer s = WavAudio.parse(b, "speech.wav").samples();
      short[] out = new short[s.remaining()];
      s.get(out);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lower-case words without punctuation. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim().split("\\s+")) {
      if (!w.isEmpty()) out.add(w);
    }
    return out;
  }

  /**
   * The words of {@code a} with no word of {@code b} starting within {@code toleranceMs} of their own start: words
   * {@code b} lost, whatever text either side gave them.
   */
  static List<TimedWord> unmatched(List<TimedWord> a, List<TimedWord> b, long toleranceMs) {
    List<TimedWord> out = new ArrayList<>();
    for (TimedWord w : a) {
      if (b.stream().noneMatch(x -> Math.abs(x.startMs() - w.startMs()) <= toleranceMs)) out.add(w);
    }
    return out;
  }

  /** Word error rate: (substitutions + deletions + insertions) / reference words, by Levenshtein distance on words. */
  static double wer(List<String> reference, List<String> hypothesis) {
    int[][] d = new int[reference.size() + 1][hypothesis.size() + 1];
    for (int i = 0; i <= reference.size(); i++) d[i][0] = i;
    for (int j = 0; j <= hypothesis.size(); j++) d[0][j] = j;
    for (int i = 1; i <= reference.size(); i++) {
      for (int j = 1; j <= hypothesis.size(); j++) {
        int sub = d[i - 1][j - 1] + (reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1);
        d[i][j] = Math.min(sub, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
      }
    }
    return (double) d[reference.size()][hypothesis.size()] / reference.size();
  }
}
