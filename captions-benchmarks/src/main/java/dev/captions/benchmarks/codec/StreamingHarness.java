package dev.captions.benchmarks.codec;

import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import dev.captions.webvtt.CueSink;
import dev.captions.webvtt.SrtReader;
import dev.captions.webvtt.SrtWriter;
import dev.captions.webvtt.WebVttReader;
import dev.captions.webvtt.WebVttWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams a large WebVTT or SRT file (by the file's extension) through the writer and the reader in constant memory.
 * Run with a small heap:
 * <pre>java -Xmx64m -cp captions-benchmarks/target/benchmarks.jar dev.captions.benchmarks.codec.StreamingHarness /tmp/big.vtt 1000</pre>
 * Writes {@code MB} megabytes of cues with the writer's streaming session, then reads them back with the reader's
 * {@code stream} counting cues, and prints throughput and peak heap. The file is deleted at the end.
 */
public final class StreamingHarness {
  private StreamingHarness() {}

  public static void main(String[] args) throws IOException {
    Path file = Paths.get(args.length > 0 ? args[0] : "/tmp/captions-streaming.vtt");
    long targetBytes = (args.length > 1 ? Long.parseLong(args[1]) : 1000) * 1_000_000L;
    boolean srt = file.toString().endsWith(".srt");
    List<Cue> sample = Corpus.track(10_000).cues();
    long t0 = System.nanoTime();
    long written = 0;
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
      CueSink s = srt ? SrtWriter.create().open(w)
          : WebVttWriter.create().open(w, "en", TrackKind.CAPTIONS, TrackMetadata.EMPTY);
      long offset = 0;
      long span = sample.get(sample.size() - 1).endMs();
      while (Files.size(file) < targetBytes || written == 0) {
        for (Cue c : sample) {
          s.cue(c.toBuilder().startMs(c.startMs() + offset).endMs(c.endMs() + offset).build());
          written++;
        }
        offset += span;
        s.flush();
      }
      s.flush();
    }
    double writeS = (System.nanoTime() - t0) / 1e9;
    long size = Files.size(file);
    System.out.printf("wrote %,d cues, %.1f MB in %.2f s: %.0f MB/s%n", written, size / 1e6, writeS, size / 1e6 / writeS);

    AtomicLong cues = new AtomicLong();
    AtomicLong warnings = new AtomicLong();
    long t1 = System.nanoTime();
    try (java.io.InputStream in = Files.newInputStream(file)) {
      if (srt) {
        SrtReader.create().stream(in, c -> cues.incrementAndGet(), d -> warnings.incrementAndGet());
      } else {
        WebVttReader.create().stream(in, c -> cues.incrementAndGet(), d -> warnings.incrementAndGet());
      }
    }
    double readS = (System.nanoTime() - t1) / 1e9;
    System.out.printf("read %,d cues (%d warnings) in %.2f s: %.0f MB/s, %.0f cues/s%n", cues.get(), warnings.get(), readS,
        size / 1e6 / readS, cues.get() / readS);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    System.out.printf("max heap %d MB, peak heap used (sum of pools) %d MB%n", Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    Files.delete(file);
    if (cues.get() != written) throw new IllegalStateException("read " + cues.get() + " cues, wrote " + written);
  }
}
