package dev.captions.benchmarks.codec;

import dev.captions.codec.ParseResult;
import dev.captions.model.TimeMap;
import dev.captions.webvtt.CaptionStreams;
import dev.captions.webvtt.CueText;
import dev.captions.webvtt.SrtCodec;
import dev.captions.webvtt.WebVttCodec;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
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
 * Hostile 1 MB inputs (the shapes that were quadratic or overflowed the stack, and their neighbours): one cue whose
 * text is {@code shape}, as a WebVTT and an SRT file, read through the SDK's codecs (SRT includes the conversion to
 * WebVTT markup), converted WebVTT → SRT by the streaming path, and parsed as cue text alone. Target: every input of
 * at most 1 MB parses in under 100 ms (the forked JVM pre-touches its heap). Run:
 * {@code java -jar captions-benchmarks/target/benchmarks.jar 'codec.HostileInputBenchmark' -f1 -wi 3 -i 5 -w 1 -r 1}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// AlwaysPreTouch: the heap's pages are touched once at start. Without it, G1 growing the young generation makes
// the benchmark thread take the kernel's first-touch page faults on fresh memory (on a loaded 2-core box a 7 ms
// operation then measured 50-75 ms of CPU for dozens of runs): that is the machine, not the code under test.
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HostileInputBenchmark {
  /** The repeated piece; the cue text is that piece repeated to 1 MB. */
  @Param({"<b>", "<", "<i", "</b>", "&amp", "<ruby><rt>", "<v ", "<00:00:01.000>", "< i>", "x"})
  public String shape;

  private String payload;
  private String vtt;
  private String srt;

  @Setup(Level.Trial)
  public void setUp() {
    payload = shape.repeat((1 << 20) / shape.length());
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + payload + "\n";
    srt = "1\n00:00:01,000 --> 00:00:02,000\n" + payload + "\n";
  }

  @Benchmark
  public ParseResult readVtt() throws IOException {
    return new WebVttCodec().read(new StringReader(vtt));
  }

  @Benchmark
  public ParseResult readSrt() throws IOException {
    return new SrtCodec().read(new StringReader(srt));
  }

  @Benchmark
  public CueText.Node cueText() {
    return CueText.parse(payload);
  }

  @Benchmark
  public Object convertVttToSrt() throws IOException {
    return CaptionStreams.convert(new StringReader(vtt), dev.captions.codec.CaptionFormat.WEBVTT, Writer.nullWriter(),
        dev.captions.codec.CaptionFormat.SRT, TimeMap.IDENTITY, d -> { });
  }
}
