package dev.captions.benchmarks.shaping;

import dev.captions.model.TimedWord;
import dev.captions.model.Transcript;
import dev.captions.shaping.CaptionShaper;
import dev.captions.shaping.ShapingResult;
import dev.captions.shaping.StyleProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Shaping 10 hours of speech (~100,000 timed words) with Netflix English; target: under 1 s. The words are English
 * text from a fixed vocabulary with sentence and clause punctuation, two alternating speakers and a speech-rate model
 * (~165 words/min, pauses after punctuation and now and then), generated with a fixed seed.
 *
 * <p>Run: {@code mvn -B -o -pl captions-benchmarks -am package -DskipTests &&
 * java -jar captions-benchmarks/target/benchmarks.jar ShapingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 6, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ShapingBenchmark {
  private static final String[] VOCABULARY = ("the a of and to in is you that it he was for on are as with his they "
      + "I at be this have from or one had by word but not what all were we when your can said there use an each "
      + "which she do how their if will up other about out many then them these so some her would make like him "
      + "into time has look two more write go see number no way could people my than first water been call who oil "
      + "its now find long down day did get come made may part remarkable extraordinary conversation considering "
      + "tomorrow waistcoat daisy-chain curiosity underneath disappointment").split(" ");

  @Param({"100000"})
  public int words;

  private Transcript transcript;
  private CaptionShaper shaper;

  @Setup
  public void setUp() {
    Random r = new Random(7);
    List<TimedWord> list = new ArrayList<>(words);
    long t = 0;
    for (int i = 0; i < words; i++) {
      String w = VOCABULARY[r.nextInt(VOCABULARY.length)];
      double p = r.nextDouble();
      String text = p < 0.07 ? w + "." : p < 0.12 ? w + "," : p < 0.13 ? w + "?" : w;
      long dur = 90 + 62L * w.length();
      list.add(TimedWord.of(text, t, t + dur, 0.9, (i / 400) % 2 == 0 ? "A" : "B"));
      t += dur + (text.endsWith(".") || text.endsWith("?") ? 400 + r.nextInt(500)
          : text.endsWith(",") ? 150 + r.nextInt(250) : r.nextDouble() < 0.03 ? 800 : 10 + r.nextInt(50));
    }
    transcript = Transcript.builder().language("en").words(list).mediaDurationMs(t + 1000).build();
    shaper = CaptionShaper.of(StyleProfile.NETFLIX_EN);
  }

  @Benchmark
  public ShapingResult shape() {
    return shaper.shape(transcript);
  }
}
