package dev.captions.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.align.SpeechActivity;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * What Kaldi's decoder settings cost and buy (a harness, not a unit test; run by
 * {@code captions-cli/bench/decoder-settings.sh}): decodes one 16 kHz mono WAV with one Vosk recogniser from a model
 * directory (a copy of the bundled model with an edited {@code conf/model.conf}, as {@code DecoderSettings} writes
 * it) and prints the CPU seconds per audio second of the decoding thread and the word error rate against a reference.
 *
 * <p>Arguments: MODEL_DIR WAV REFERENCE [STARTS]. REFERENCE is a text file; with STARTS (the long-media harness'
 * sentence-start file), its non-blank lines are taken in turn, as many as STARTS has. System properties:
 * {@code grammar} (any value: limit the recogniser to the reference's words, as alignment does) and {@code keep} (ms:
 * feed only that much of each edge of pauses longer than twice it plus 200 ms, the rejected pause-shortening idea).
 */
public final class DecoderSettingsProfile {
  private DecoderSettingsProfile() {}

  public static void main(String[] a) throws Exception {
    Path modelDir = Paths.get(a[0]);
    Path wav = Paths.get(a[1]);
    Path reference = Paths.get(a[2]);
    List<String> truth = new ArrayList<>();
    if (a.length < 4) {
      truth.addAll(UploadFormatAccuracy.words(Files.readString(reference)));
    } else {
      List<String> lines = Files.readAllLines(reference).stream().filter(l -> !l.isBlank()).collect(Collectors.toList());
      int said = Files.readAllLines(Paths.get(a[3])).size();
      for (int i = 0; i < said - 1; i++) truth.addAll(UploadFormatAccuracy.words(lines.get(i % lines.size())));
    }
    short[] s = samples(wav);
    int n = s.length;
    LibVosk.setLogLevel(LogLevel.WARNINGS);
    ObjectMapper json = new ObjectMapper();
    String grammar = null;
    if (System.getProperty("grammar") != null) {
      Set<String> vocabulary = new TreeSet<>(truth);
      vocabulary.add("[unk]");
      grammar = json.writeValueAsString(vocabulary);
    }
    List<int[]> regions = regions(s, Integer.getInteger("keep", 0));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<String> heard = new ArrayList<>();
    long fed = 0;
    try (Model model = new Model(modelDir.toString())) {
      long cpu0 = threads.getCurrentThreadCpuTime();
      try (Recognizer r = grammar == null ? new Recognizer(model, 16000) : new Recognizer(model, 16000, grammar)) {
        r.setWords(true);
        short[] block = new short[3200];
        for (int[] region : regions) {
          for (int p = region[0]; p < region[1]; p += block.length) {
            int k = Math.min(block.length, region[1] - p);
            System.arraycopy(s, p, block, 0, k);
            fed += k;
            if (r.acceptWaveForm(block, k)) heard.addAll(words(json, r.getResult()));
          }
        }
        heard.addAll(words(json, r.getFinalResult()));
      }
      double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
      double audio = n / 16000.0;
      System.out.printf(Locale.ROOT, "%s%s on %s: %.0f s of audio (%.0f%% fed), CPU %.1f s = %.4f s per audio s, WER "
          + "%.4f over %d words%n", modelDir.getFileName(), grammar == null ? "" : " (grammar)", wav.getFileName(), audio,
          100.0 * fed / n, cpu, cpu / audio, UploadFormatAccuracy.wer(truth, heard), truth.size());
    }
  }

  static List<String> words(ObjectMapper json, String result) throws Exception {
    return UploadFormatAccuracy.words(json.readTree(result).path("text").asText());
  }

  /** A 16-bit mono WAV's samples (the 44-byte header that sox and FFmpeg write skipped). */
  static short[] samples(Path wav) throws Exception {
    byte[] all = Files.readAllBytes(wav);
    short[] s = new short[(all.length - 44) / 2];
    ByteBuffer.wrap(all, 44, s.length * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
    return s;
  }

  /** The sample ranges fed: all of it, or speech with {@code keepMs} of each edge of long pauses. */
  static List<int[]> regions(short[] s, int keepMs) {
    List<int[]> regions = new ArrayList<>();
    if (keepMs <= 0) {
      regions.add(new int[] {0, s.length});
      return regions;
    }
    float[] levels = new float[s.length / 160];
    for (int f = 0; f < levels.length; f++) {
      long sum = 0;
      for (int i = 0; i < 160; i++) sum += Math.abs(s[f * 160 + i]);
      levels[f] = sum / 160f;
    }
    long durationMs = s.length / 16L;
    long previous = 0;
    for (long[] u : SpeechActivity.fromLevels(levels, durationMs).utterances(2L * keepMs + 200)) {
      long from = Math.max(previous, u[0] - keepMs);
      long to = Math.min(durationMs, u[1] + keepMs);
      if (to > from) regions.add(new int[] {(int) from * 16, (int) to * 16});
      previous = to;
    }
    return regions;
  }
}
