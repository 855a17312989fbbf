package dev.captions.provider.vosk;

import dev.captions.chunking.ChunkedTranscriber;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Locale;

/**
 * The speed harness (not a unit test): transcribes one WAV file and prints model load time, decoding time and the
 * real-time factor. Run by {@code captions-provider-vosk/bench/run-benchmark.sh}, which measures the whole JVM with
 * {@code /usr/bin/time -v}.
 *
 * <p>Arguments: {@code WAV [threads (0 = all cores)] [chunkSeconds (0 = no splitting)] [--print]}.
 */
public final class VoskBenchmark {
  private VoskBenchmark() {}

  public static void main(String[] args) {
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    Path wav = Paths.get(args[0]);
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    long chunkSeconds = args.length > 2 ? Long.parseLong(args[2]) : VoskTranscriber.DEFAULT_CHUNK.getSeconds();
    boolean print = args.length > 3 && args[3].equals("--print");

    VoskTranscriber vosk = VoskTranscriber.builder().threads(threads).chunkDuration(Duration.ofSeconds(chunkSeconds))
        .build();
    long t0 = System.nanoTime();
    Path model = vosk.preload();
    long t1 = System.nanoTime();
    Transcript t = ChunkedTranscriber.builder(vosk).build().transcribe(MediaSource.of(wav), TranscriptionOptions.defaults());
    long t2 = System.nanoTime();

    double audioS = t.mediaDurationMs().orElseThrow() / 1000.0;
    double loadS = (t1 - t0) / 1e9;
    double decodeS = (t2 - t1) / 1e9;
    double sinceJvmStartS = (System.currentTimeMillis() - jvmStart) / 1000.0;
    System.out.printf(Locale.ROOT, "model            %s%n", model);
    System.out.printf(Locale.ROOT, "audio            %.1f s, %d words, %s chunks, %d threads%n", audioS,
        t.words().size(), t.providerMetadata().get("chunks"), vosk.threads());
    System.out.printf(Locale.ROOT, "model load       %.2f s%n", loadS);
    System.out.printf(Locale.ROOT, "decoding         %.2f s = %.1fx real time%n", decodeS, audioS / decodeS);
    System.out.printf(Locale.ROOT, "since JVM start  %.2f s = %.1fx real time%n", sinceJvmStartS, audioS / sinceJvmStartS);
    if (print) System.out.println(t.text());
  }
}
