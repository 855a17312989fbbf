package dev.captions.benchmarks.codec;

import dev.captions.model.CaptionTrack;
import dev.captions.webvtt.SrtCodec;
import dev.captions.webvtt.SrtReader;
import dev.captions.webvtt.SrtWriter;
import dev.captions.webvtt.WebVttReader;
import dev.captions.webvtt.WebVttWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
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
 * Parse and write throughput on ~50 MB WebVTT and SRT files of realistic two-line cues. One operation = one whole
 * file; MB/s = file MB / (ms/op) * 1000, cues/s likewise (sizes printed at setup). Run:
 * {@code java -jar captions-benchmarks/target/benchmarks.jar 'codec.CodecBenchmark' -f1 -wi 2 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class CodecBenchmark {
  /** Cues: 437k two-line cues are about 50 MB of WebVTT. */
  @Param({"437000"})
  public int cues;

  private CaptionTrack track;
  private String vtt;
  private String srt;
  private byte[] vttBytes;
  private byte[] srtBytes;

  @Setup(Level.Trial)
  public void setUp() {
    track = Corpus.track(cues);
    vtt = WebVttWriter.create().writeToString(track);
    srt = SrtWriter.create().writeToString(track);
    vttBytes = vtt.getBytes(StandardCharsets.UTF_8);
    srtBytes = srt.getBytes(StandardCharsets.UTF_8);
    System.out.printf("%n[corpus] %d cues; WebVTT %.1f MB, SRT %.1f MB (UTF-8)%n", track.cues().size(),
        vttBytes.length / 1e6, srtBytes.length / 1e6);
  }

  /** Counts cues without keeping them: the streaming path. */
  private static final class Count implements java.util.function.Consumer<Object> {
    long n;

    @Override
    public void accept(Object o) {
      n++;
    }
  }

  @Benchmark
  public long parseVttString() throws IOException {
    Count c = new Count();
    WebVttReader.create().stream(new StringReader(vtt), c::accept, d -> {});
    return c.n;
  }

  @Benchmark
  public long parseVttUtf8Bytes() throws IOException {
    Count c = new Count();
    WebVttReader.create().stream(new ByteArrayInputStream(vttBytes),
        c::accept, d -> {});
    return c.n;
  }

  @Benchmark
  public int parseVttToTrack() throws IOException {
    return WebVttReader.create().read(new StringReader(vtt)).track().cues().size();
  }

  @Benchmark
  public long parseSrtString() throws IOException {
    Count c = new Count();
    SrtReader.create().stream(new StringReader(srt), c::accept, d -> {});
    return c.n;
  }

  @Benchmark
  public long parseSrtUtf8Bytes() throws IOException {
    Count c = new Count();
    SrtReader.create().stream(new ByteArrayInputStream(srtBytes),
        c::accept, d -> {});
    return c.n;
  }

  @Benchmark
  public int parseSrtToTrack() throws IOException {
    return SrtReader.create().read(new StringReader(srt)).track().cues().size();
  }

  /** What the pipeline and CLI use: {@link #parseSrtToTrack()} plus the conversion of cue text to WebVTT markup. */
  @Benchmark
  public int srtCodecRead() throws IOException {
    return new SrtCodec().read(new StringReader(srt)).track().cues().size();
  }

  /** What the pipeline and CLI use: {@link #writeSrt()} plus the conversion of WebVTT markup to SRT text. */
  @Benchmark
  public Writer srtCodecWrite() throws IOException {
    Writer w = Writer.nullWriter();
    new SrtCodec().write(track, w);
    return w;
  }

  @Benchmark
  public Writer writeVtt() throws IOException {
    Writer w = Writer.nullWriter();
    WebVttWriter.create().write(track, w);
    return w;
  }

  @Benchmark
  public Writer writeSrt() throws IOException {
    Writer w = Writer.nullWriter();
    SrtWriter.create().write(track, w);
    return w;
  }
}
