package dev.captions.benchmarks.codec;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The {@link HostileInputBenchmark} operations timed one by one, best of N, reporting wall time, the thread's CPU time
 * and the collector's time separately, so a loaded machine distorts the figures less than JMH's means. Run:
 * {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp captions-benchmarks/target/benchmarks.jar
 * dev.captions.benchmarks.codec.HostileCpuTimeHarness 15}
 */
public final class HostileCpuTimeHarness {
  private HostileCpuTimeHarness() {}

  /** @param args the number of runs per operation (default 15) */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] shapes = {"<b>", "<", "<i", "</b>", "&amp", "<ruby><rt>", "<v ", "<00:00:01.000>", "< i>", "x"};
    String[] ops = {"readVtt", "readSrt", "cueText", "convertVttToSrt"};
    System.out.printf(Locale.ROOT, "%-16s %-16s %10s %10s %10s%n", "shape", "operation", "best wall", "best cpu",
        "gc (best)");
    for (String shape : shapes) {
      HostileInputBenchmark b = new HostileInputBenchmark();
      b.shape = shape;
      b.setUp();
      for (String op : ops) {
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        long gcAtBest = 0;
        for (int i = 0; i < runs; i++) {
          long gc0 = gcMillis();
          long c0 = threads.getCurrentThreadCpuTime();
          long t0 = System.nanoTime();
          run(b, op);
          long wall = System.nanoTime() - t0;
          long cpu = threads.getCurrentThreadCpuTime() - c0;
          if (wall < bestWall) {
            bestWall = wall;
            gcAtBest = gcMillis() - gc0;
          }
          bestCpu = Math.min(bestCpu, cpu);
        }
        System.out.printf(Locale.ROOT, "%-16s %-16s %8.1f ms %8.1f ms %7d ms%n", shape, op, bestWall / 1e6,
            bestCpu / 1e6, gcAtBest);
      }
    }
  }

  private static void run(HostileInputBenchmark b, String op) throws Exception {
    switch (op) {
      case "readVtt":
        b.readVtt();
        break;
      case "readSrt":
        b.readSrt();
        break;
      case "cueText":
        b.cueText();
        break;
      default:
        b.convertVttToSrt();
    }
  }

  private static long gcMillis() {
    long sum = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) sum += Math.max(0, gc.getCollectionTime());
    return sum;
  }
}
