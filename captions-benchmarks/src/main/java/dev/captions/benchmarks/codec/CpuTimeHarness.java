package dev.captions.benchmarks.codec;

import dev.captions.model.CaptionTrack;
import dev.captions.webvtt.SrtReader;
import dev.captions.webvtt.SrtWriter;
import dev.captions.webvtt.WebVttReader;
import dev.captions.webvtt.WebVttWriter;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;

/**
 * Companion to {@link CodecBenchmark} for a shared, overloaded machine: the same operations, timed by the thread's CPU
 * time as well as wall time, so other processes competing for the cores distort the figure less. Best of N runs.
 * <pre>java -Xmx2g -cp captions-benchmarks/target/benchmarks.jar dev.captions.benchmarks.codec.CpuTimeHarness 437000 8</pre>
 */
public final class CpuTimeHarness {
  private interface Op {
    long run() throws Exception;
  }

  private CpuTimeHarness() {}

  public static void main(String[] args) throws Exception {
    int cues = args.length > 0 ? Integer.parseInt(args[0]) : 437_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    CaptionTrack track = Corpus.track(cues);
    String vtt = WebVttWriter.create().writeToString(track);
    String srt = SrtWriter.create().writeToString(track);
    byte[] vttBytes = vtt.getBytes(StandardCharsets.UTF_8);
    byte[] srtBytes = srt.getBytes(StandardCharsets.UTF_8);
    System.out.printf("corpus: %d cues; WebVTT %.1f MB, SRT %.1f MB%n", cues, vttBytes.length / 1e6, srtBytes.length / 1e6);
    long[] n = new long[1];
    measure("parse VTT (String)", vttBytes.length, cues, runs, () -> {
      n[0] = 0;
      WebVttReader.create().stream(new StringReader(vtt), c -> n[0]++, d -> {});
      return n[0];
    });
    measure("parse VTT (UTF-8 bytes)", vttBytes.length, cues, runs, () -> {
      n[0] = 0;
      WebVttReader.create().stream(new ByteArrayInputStream(vttBytes),
          c -> n[0]++, d -> {});
      return n[0];
    });
    measure("parse SRT (String)", srtBytes.length, cues, runs, () -> {
      n[0] = 0;
      SrtReader.create().stream(new StringReader(srt), c -> n[0]++, d -> {});
      return n[0];
    });
    measure("parse SRT (UTF-8 bytes)", srtBytes.length, cues, runs, () -> {
      n[0] = 0;
      SrtReader.create().stream(new ByteArrayInputStream(srtBytes),
          c -> n[0]++, d -> {});
      return n[0];
    });
    measure("write VTT", vttBytes.length, cues, runs, () -> {
      WebVttWriter.create().write(track, Writer.nullWriter());
      return cues;
    });
    measure("write SRT", srtBytes.length, cues, runs, () -> {
      SrtWriter.create().write(track, Writer.nullWriter());
      return cues;
    });
  }

  private static void measure(String name, long bytes, int cues, int runs, Op op) throws Exception {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long bestCpu = Long.MAX_VALUE;
    long bestWall = Long.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      long w0 = System.nanoTime();
      long c0 = mx.getCurrentThreadCpuTime();
      long got = op.run();
      long cpu = mx.getCurrentThreadCpuTime() - c0;
      long wall = System.nanoTime() - w0;
      if (got != cues) throw new IllegalStateException(name + ": " + got + " cues, expected " + cues);
      bestCpu = Math.min(bestCpu, cpu);
      bestWall = Math.min(bestWall, wall);
    }
    System.out.printf("%-24s best wall %6.0f ms = %5.0f MB/s %5.2f Mcues/s | best CPU %6.0f ms = %5.0f MB/s %5.2f Mcues/s%n",
        name, bestWall / 1e6, bytes / (bestWall / 1e9) / 1e6, cues / (bestWall / 1e9) / 1e6,
        bestCpu / 1e6, bytes / (bestCpu / 1e9) / 1e6, cues / (bestCpu / 1e9) / 1e6);
  }
}
