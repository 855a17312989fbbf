package dev.captions.provider.vosk;

import dev.captions.align.AlignedTranscript;
import dev.captions.chunking.ChunkedTranscriber;
import dev.captions.model.MediaSource;
import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The alignment speed harness (not a unit test), run by {@code captions-provider-vosk/bench/align-benchmark.sh}:
 * on one speech WAV with known sentence starts, times (1) offline transcription with the Vosk transcriber through the
 * long-media engine, as the pipeline runs it, and (2) alignment of the known text-only transcript (one segment per
 * 5 minutes, as {@code gpt-4o-transcribe} answers) with the {@link VoskAligner}; prints wall and CPU seconds of each,
 * their ratio, and the aligned sentence starts' error.
 *
 * <p>Arguments: {@code WAV TIMING_TSV [skip-transcription|transcription|model-transcription] [RUNS] [whole-file]}; the
 * TSV has {@code index, startMs, endMs, text} per line. {@code model-transcription} transcribes with the model's own
 * decoder settings ({@link DecoderSettings#model()}, as before {@link DecoderSettings#defaults()} existed) while the
 * aligner keeps the defaults. With {@code RUNS} (default 1) alignment is timed that many times in
 * the same JVM and the run with the least CPU counts (the machine is shared: the best run is the least disturbed);
 * {@code whole-file} also times the aligner decoding the whole file, pauses included (before speech-only decoding),
 * for a like-for-like comparison in the same JVM.
 */
public final class AlignBenchmark {
  private AlignBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the WAV file, its sentence timing file, and optionally {@code skip-transcription}
   * @throws IOException when a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path wav = Paths.get(args[0]);
    List<String[]> sentences = new ArrayList<>();
    for (String line : Files.readAllLines(Paths.get(args[1]))) if (!line.isBlank()) sentences.add(line.split("\t"));
    boolean skipTranscription = args.length > 2 && args[2].equals("skip-transcription");
    boolean modelSettings = args.length > 2 && args[2].equals("model-transcription");
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    boolean wholeFile = args.length > 4 && args[4].equals("whole-file");

    VoskTranscriber vosk = VoskTranscriber.create();
    vosk.preload();
    double[] transcription = {Double.NaN, Double.NaN};
    if (!skipTranscription) {
      VoskTranscriber transcriber = modelSettings
          ? vosk.newBuilder().decoderSettings(DecoderSettings.model()).build() : vosk;
      if (modelSettings) transcriber.preload();
      transcription = timed(() -> ChunkedTranscriber.builder(transcriber).build()
          .transcribe(MediaSource.of(wav), TranscriptionOptions.defaults()));
    }

    // gpt-4o-transcribe's shape: text only, one segment per 5-minute request.
    List<Segment> segments = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    long chunkStart = 0;
    for (String[] s : sentences) {
      long start = Long.parseLong(s[1]);
      if (start - chunkStart >= 300_000 && text.length() > 0) {
        segments.add(Segment.of(chunkStart, start, text.toString().strip()));
        text.setLength(0);
        chunkStart = start;
      }
      text.append(' ').append(s[3]);
    }
    long lastEnd = Long.parseLong(sentences.get(sentences.size() - 1)[2]);
    segments.add(Segment.of(chunkStart, lastEnd, text.toString().strip()));
    Transcript textOnly = Transcript.builder().language("en").segments(segments).build();

    AlignedTranscript[] out = new AlignedTranscript[1];
    double[] alignment = {Double.NaN, Double.MAX_VALUE};
    double[] before = {Double.NaN, Double.MAX_VALUE};
    VoskAligner aligner = VoskAligner.using(vosk);
    for (int r = 0; r < runs; r++) {
      double[] t = timed(() -> out[0] = aligner.align(textOnly, MediaSource.of(wav)));
      System.out.printf(Locale.ROOT, "alignment run %d: %.1f s wall, %.1f s CPU%n", r + 1, t[0], t[1]);
      if (t[1] < alignment[1]) alignment = t;
      if (wholeFile) {
        AlignedTranscript[] whole = new AlignedTranscript[1];
        t = timed(() -> whole[0] = aligner.decodingPauses().align(textOnly, MediaSource.of(wav)));
        System.out.printf(Locale.ROOT, "whole-file run %d: %.1f s wall, %.1f s CPU; %s%n", r + 1, t[0], t[1],
            whole[0].report().summary());
        if (t[1] < before[1]) before = t;
      }
    }

    List<TimedWord> words = out[0].transcript().words();
    List<Long> errors = new ArrayList<>();
    int w = 0;
    for (String[] s : sentences) {
      errors.add(Math.abs(words.get(w).startMs() - Long.parseLong(s[1])));
      w += s[3].strip().split("\\s+").length;
    }
    errors.sort(null);
    long within = errors.stream().filter(e -> e <= 300).count();
    System.out.printf(Locale.ROOT, "audio %.1f min, %d sentences, %d words%n", lastEnd / 60_000.0, sentences.size(),
        words.size());
    System.out.printf(Locale.ROOT, "transcription (vosk, engine%s): %.1f s wall, %.1f s CPU%n",
        modelSettings ? ", model's decoder settings" : "", transcription[0], transcription[1]);
    System.out.printf(Locale.ROOT, "alignment (vosk aligner):     %.1f s wall, %.1f s CPU%n", alignment[0], alignment[1]);
    if (wholeFile) {
      System.out.printf(Locale.ROOT, "alignment, whole file:        %.1f s wall, %.1f s CPU (%.1f %% wall, %.1f %% CPU)%n",
          before[0], before[1], 100 * before[0] / transcription[0], 100 * before[1] / transcription[1]);
    }
    System.out.printf(Locale.ROOT, "alignment / transcription:    %.1f %% wall, %.1f %% CPU%n",
        100 * alignment[0] / transcription[0], 100 * alignment[1] / transcription[1]);
    System.out.printf(Locale.ROOT, "sentence starts: median error %d ms, %.1f %% within 0.3 s; %s%n",
        errors.get(errors.size() / 2), 100.0 * within / errors.size(), out[0].report().summary());
  }

  /** Wall and process CPU seconds of {@code body}. */
  private static double[] timed(Runnable body) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    body.run();
    return new double[] {(System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - cpu0) / 1e9};
  }
}
