package dev.captions.benchmarks.codec;

import dev.captions.ass.AssCodec;
import dev.captions.model.CaptionTrack;
import dev.captions.ttml.TtmlCodec;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Read and write throughput of the TTML and ASS codecs ({@code captions-formats}) on the same realistic two-line cues
 * as {@link CodecBenchmark}. One operation = one whole file; MB/s = file MB / (ms/op) * 1000 (sizes printed at setup).
 * Run: {@code java -jar captions-benchmarks/target/benchmarks.jar 'codec.FormatsBenchmark' -f1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class FormatsBenchmark {
  /** Cues: 100k two-line cues are about 18 MB of TTML and 14 MB of ASS. */
  @Param({"100000"})
  public int cues;

  private final TtmlCodec ttmlCodec = new TtmlCodec();
  private final AssCodec assCodec = new AssCodec();
  private CaptionTrack track;
  private String ttml;
  private String ass;

  @Setup(Level.Trial)
  public void setUp() {
    track = Corpus.track(cues);
    ttml = ttmlCodec.writeToString(track);
    ass = assCodec.writeToString(track);
    System.out.printf("%n[corpus] %d cues; TTML %.1f MB, ASS %.1f MB (UTF-8)%n", track.cues().size(),
        ttml.getBytes(StandardCharsets.UTF_8).length / 1e6, ass.getBytes(StandardCharsets.UTF_8).length / 1e6);
  }

  /** Streams the cues without keeping them. */
  @Benchmark
  public long parseTtml() throws IOException {
    long[] n = {0};
    ttmlCodec.stream(new StringReader(ttml), c -> n[0]++, d -> {});
    return n[0];
  }

  /** Streams the cues without keeping them. */
  @Benchmark
  public long parseAss() throws IOException {
    long[] n = {0};
    assCodec.stream(new StringReader(ass), c -> n[0]++, d -> {});
    return n[0];
  }

  @Benchmark
  public int writeTtml() throws IOException {
    StringWriter w = new StringWriter(ttml.length());
    ttmlCodec.write(track, w);
    return w.getBuffer().length();
  }

  @Benchmark
  public int writeAss() throws IOException {
    StringWriter w = new StringWriter(ass.length());
    assCodec.write(track, w);
    return w.getBuffer().length();
  }

  /** The IMSC 1.1 Text checker over the whole file ({@code captions validate x.ttml}). */
  @Benchmark
  public int validateTtml() throws IOException {
    return ttmlCodec.validate(new StringReader(ttml)).size();
  }
}
