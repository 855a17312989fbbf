package dev.captions.spark;

import dev.captions.model.MediaSource;
import dev.captions.model.Segment;
import dev.captions.model.Transcript;
import dev.captions.spi.ProviderConfig;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriberFactory;
import dev.captions.spi.TranscriptionOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double registered only on the test class path: it records how many transcriptions run at once (Spark's local
 * master runs the executor in this JVM, so statics see every task) and which API key it was configured with, then
 * returns one sentence. Never configured, so discovery never picks it; only {@code transcriber("probe")} does.
 */
public final class ProbeTranscriber implements TranscriberFactory, Transcriber {
  static final String NAME = "probe";
  /** The environment variable it reads its key from, as a cloud provider would. */
  static final String KEY_VARIABLE = "CAPTIONS_SPARK_PROBE_KEY";

  static final AtomicInteger RUNNING = new AtomicInteger();
  static final AtomicInteger MAX_RUNNING = new AtomicInteger();
  static final Set<String> KEYS_SEEN = ConcurrentHashMap.newKeySet();

  private final String key;

  /** The factory, as ServiceLoader makes it. */
  public ProbeTranscriber() {
    this(null);
  }

  private ProbeTranscriber(String key) {
    this.key = key;
  }

  static void reset() {
    RUNNING.set(0);
    MAX_RUNNING.set(0);
    KEYS_SEEN.clear();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String artifact() {
    return "dev.captions:captions-spark (tests)";
  }

  @Override
  public boolean isConfigured(ProviderConfig config) {
    return false;
  }

  @Override
  public Transcriber create(ProviderConfig config) {
    return new ProbeTranscriber(config.get(ProviderConfig.API_KEY, KEY_VARIABLE).orElse(null));
  }

  @Override
  public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
    if (key != null) KEYS_SEEN.add(key);
    int now = RUNNING.incrementAndGet();
    MAX_RUNNING.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(150);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.util.concurrent.CancellationException("interrupted");
    } finally {
      RUNNING.decrementAndGet();
    }
    return Transcript.builder().language("en").segments(List.of(Segment.of(0, 1500, "Hello from " + audio.name() + ".")))
        .build();
  }
}
