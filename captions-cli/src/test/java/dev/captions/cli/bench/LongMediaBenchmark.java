package dev.captions.cli.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.captions.CaptionPipeline;
import dev.captions.Captions;
import dev.captions.PipelineResult;
import dev.captions.align.AlignmentMode;
import dev.captions.chunking.ChunkLimits;
import dev.captions.codec.CaptionFormat;
import dev.captions.media.ffmpeg.FfmpegMediaProcessor;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import dev.captions.provider.gemini.GeminiSettings;
import dev.captions.provider.gemini.GeminiTranscriber;
import dev.captions.provider.openai.OpenAiSettings;
import dev.captions.provider.openai.OpenAiTranscriber;
import dev.captions.provider.vosk.VoskTranscriber;
import dev.captions.spi.AudioOptions;
import dev.captions.spi.Transcriber;
import dev.captions.spi.TranscriptionOptions;
import dev.captions.spi.TranslationOptions;
import dev.captions.spi.Translator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The long-media harness (not a unit test), run by {@code captions-cli/bench/long-media.sh}:
 *
 * <ul>
 *   <li>{@code offline MINUTES SENTENCES WORK}: builds MINUTES of speech from espeak-ng sentence WAVs with known
 *       sentence starts, captions it with FFmpeg + Vosk through the pipeline, prints wall time, real-time factor,
 *       median cue-start error over the first and the last 10 minutes, and peak heap (sampled every 20 ms).</li>
 *   <li>{@code cloud MINUTES SENTENCES WORK}: the same pipeline with the OpenAI and the Gemini transcriber against
 *       WireMock stand-ins whose latency is 1 s + 0.5 s per minute of audio in each request, and a translator
 *       stand-in of 2 s per call, into 3 languages; once with the engine's defaults and once as the code before it
 *       (the same audio in the same upload format, as few requests as each provider's per-call limit allows, in
 *       turn; translations in turn); prints the sum of the stand-ins' latencies in that sequential run (the
 *       baseline), the engine's wall time, their ratio, both wall times, bytes uploaded per minute of audio, and
 *       where the CPU went (this JVM, FFmpeg children).</li>
 * </ul>
 */
public final class LongMediaBenchmark {
  static final int RATE = 16_000;
  static final ObjectMapper JSON = new ObjectMapper();

  private LongMediaBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int minutes = Integer.parseInt(args[1]);
    Path sentences = Paths.get(args[2]);
    Path work = Files.createDirectories(Paths.get(args[3]));
    Path wav = work.resolve("speech-" + minutes + "min.wav");
    Path starts = work.resolve("speech-" + minutes + "min.starts");
    if (!Files.exists(wav) || !Files.exists(starts)) writeSpeech(sentences, minutes * 60_000L, wav, starts);
    if (mode.equals("prepare")) return;
    List<Long> sentenceStarts = Files.readAllLines(starts).stream().map(Long::parseLong).collect(Collectors.toList());
    System.out.printf(Locale.ROOT, "load average at start: %s%n", Files.readString(Paths.get("/proc/loadavg")).strip());
    if (mode.equals("offline")) offline(wav, sentenceStarts, minutes, work);
    else cloud(wav, minutes, work, mode.equals("cloud-wav"));
    System.out.printf(Locale.ROOT, "load average at end: %s%n", Files.readString(Paths.get("/proc/loadavg")).strip());
    System.exit(0);
  }

  // ---------------------------------------------------------------- offline

  static void offline(Path wav, List<Long> sentenceStarts, int minutes, Path work) throws Exception {
    VoskTranscriber vosk = VoskTranscriber.create();
    long l0 = System.nanoTime();
    vosk.preload();
    double loadS = (System.nanoTime() - l0) / 1e9;
    Path out = work.resolve("out-offline-" + minutes);
    CaptionPipeline pipeline = Captions.pipeline().mediaProcessor(FfmpegMediaProcessor.create()).transcriber(vosk)
        .spokenLanguage("en").outputs(out, CaptionFormat.WEBVTT).build();
    HeapSampler heap = HeapSampler.start();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    PipelineResult r = pipeline.run(MediaSource.of(wav));
    double runS = (System.nanoTime() - t0) / 1e9;
    double cpuS = (processCpuNanos() - cpu0) / 1e9; // this JVM only: FFmpeg's extraction is a child process
    long peak = heap.stop();
    double audioS = minutes * 60.0;
    List<Long> cueStarts = r.captions().cues().stream().map(Cue::startMs).sorted().collect(Collectors.toList());
    double first = medianError(sentenceStarts, cueStarts, 0, 600_000);
    double last = medianError(sentenceStarts, cueStarts, minutes * 60_000L - 600_000, minutes * 60_000L);
    System.out.printf(Locale.ROOT, "offline %d min: %d cues, %s chunks, %d threads%n", minutes, cueStarts.size(),
        r.transcript().providerMetadata().get("chunks"), vosk.threads());
    System.out.printf(Locale.ROOT, "  model load (before the run)   %.1f s%n", loadS);
    System.out.printf(Locale.ROOT, "  pipeline run (wall)           %.1f s = %.1fx real time%n", runS, audioS / runS);
    System.out.printf(Locale.ROOT, "  JVM CPU time in the run        %.1f s (%.0f%% of %d cores over the wall time); on %d "
        + "idle cores the run would take about %.1f s = %.1fx real time%n", cpuS, 100 * cpuS / runS / cores(), cores(),
        cores(), cpuS / cores(), audioS / (cpuS / cores()));
    System.out.printf(Locale.ROOT, "  stage timings                 %s%n", r.timings());
    System.out.printf(Locale.ROOT, "  median |cue start - sentence start|: first 10 min %.3f s, last 10 min %.3f s, "
        + "difference %.3f s%n", first, last, Math.abs(last - first));
    System.out.printf(Locale.ROOT, "  peak heap used (sampled)      %.0f MB (max heap %d MB)%n", peak / 1e6,
        Runtime.getRuntime().maxMemory() / 1_000_000);
    System.out.printf(Locale.ROOT, "  peak heap after GC            %.0f MB (largest heap in use right after any of %d "
        + "collections: what the run holds)%n", heap.peakAfterGc.get() / 1e6, heap.collections.get());
    // What the result alone holds: a full collection now, with the PipelineResult (every cue and word) still reachable.
    System.gc();
    long held = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(Locale.ROOT, "  heap after a full GC at the end, result held: %.0f MB (%d cues, %d words)%n",
        held / 1e6, r.captions().cues().size(), r.transcript().words().size());
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** The median distance from each sentence start in [from, to) to the nearest cue start, in seconds. */
  static double medianError(List<Long> sentenceStarts, List<Long> cueStarts, long from, long to) {
    List<Long> errors = new ArrayList<>();
    for (long s : sentenceStarts) {
      if (s < from || s >= to) continue;
      int i = Collections.binarySearch(cueStarts, s);
      if (i < 0) i = -i - 1;
      long best = Long.MAX_VALUE;
      if (i < cueStarts.size()) best = Math.abs(cueStarts.get(i) - s);
      if (i > 0) best = Math.min(best, Math.abs(cueStarts.get(i - 1) - s));
      errors.add(best);
    }
    Collections.sort(errors);
    return errors.isEmpty() ? Double.NaN : errors.get(errors.size() / 2) / 1000.0;
  }

  /**
   * Samples the used heap every 20 ms; its maximum is the peak with garbage not yet collected, which grows with the
   * heap the collector chooses to use. Also listens to every garbage collection: the largest heap in use right after
   * one ({@link #peakAfterGc}) is what the run really holds, and it is what must not grow with the media's length.
   */
  static final class HeapSampler implements javax.management.NotificationListener {
    final AtomicLong peak = new AtomicLong();
    final AtomicLong peakAfterGc = new AtomicLong();
    final AtomicLong collections = new AtomicLong();
    volatile boolean running = true;
    Thread thread;

    static HeapSampler start() {
      System.gc();
      HeapSampler h = new HeapSampler();
      h.thread = new Thread(() -> {
        while (h.running) {
          h.peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      h.thread.setDaemon(true);
      h.thread.start();
      for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((javax.management.NotificationEmitter) gc).addNotificationListener(h, null, null);
      }
      return h;
    }

    @Override
    public void handleNotification(javax.management.Notification n, Object handback) {
      if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
        return;
      }
      com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management.GarbageCollectionNotificationInfo
          .from((javax.management.openmbean.CompositeData) n.getUserData());
      long used = 0;
      for (java.lang.management.MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        java.lang.management.MemoryUsage after = info.getGcInfo().getMemoryUsageAfterGc().get(pool.getName());
        if (pool.getType() == java.lang.management.MemoryType.HEAP && after != null) used += after.getUsed();
      }
      collections.incrementAndGet();
      peakAfterGc.accumulateAndGet(used, Math::max);
    }

    long stop() throws InterruptedException {
      running = false;
      thread.join();
      for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        try {
          ((javax.management.NotificationEmitter) gc).removeNotificationListener(this);
        } catch (javax.management.ListenerNotFoundException e) {
          // not registered on this one
        }
      }
      return peak.get();
    }
  }

  // ---------------------------------------------------------------- cloud

  /** Latency 1 s + 0.5 s per minute of audio in the request; answers in the provider's documented wire format. */
  static final class AudioLatency implements ResponseDefinitionTransformerV2 {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong audioBytes = new AtomicLong();
    final AtomicLong latencyMs = new AtomicLong();
    /** When the run started, and when the first and the last request arrived (System.nanoTime()). */
    volatile long startNanos;
    final AtomicLong firstArrival = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastArrival = new AtomicLong();

    @Override
    public String getName() {
      return "audio-latency";
    }

    void reset() {
      requests.set(0);
      audioBytes.set(0);
      latencyMs.set(0);
      firstArrival.set(Long.MAX_VALUE);
      lastArrival.set(0);
      startNanos = System.nanoTime();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      long now = System.nanoTime();
      firstArrival.accumulateAndGet(now, Math::min);
      lastArrival.accumulateAndGet(now, Math::max);
      try {
        String url = event.getRequest().getUrl();
        byte[] body = event.getRequest().getBody();
        byte[] audio;
        boolean gemini = url.contains(":generateContent");
        if (gemini) {
          JsonNode root = JSON.readTree(body);
          String data = root.path("contents").path(0).path("parts").path(0).path("inlineData").path("data").asText();
          audio = Base64.getDecoder().decode(data);
        } else {
          audio = body;
        }
        double seconds = audioSeconds(audio);
        long delay = Math.round(1000 + 500 * seconds / 60);
        requests.incrementAndGet();
        audioBytes.addAndGet(audio.length);
        latencyMs.addAndGet(delay);
        String reply = gemini ? geminiReply(seconds) : openAiReply(seconds);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withFixedDelay((int) delay)
            .withBody(reply).build();
      } catch (IOException e) {
        return aResponse().withStatus(400).withBody("{\"error\":{\"message\":\"" + e.getMessage() + "\",\"type\":\"x\"}}")
            .build();
      }
    }
  }

  /**
   * The duration of the audio in a request body {@code b}: MP3 (frames counted after the ID3 tag), Ogg Opus (last
   * page's granule position at 48 kHz) or PCM WAV (the data chunk's size).
   */
  static double audioSeconds(byte[] b) {
    // An MP3 upload starts with FFmpeg's ID3 tag, at most a multipart header's length into the body.
    int id3 = indexOf(java.util.Arrays.copyOf(b, Math.min(b.length, 2048)), "ID3".getBytes(StandardCharsets.US_ASCII));
    if (id3 >= 0 && id3 + 10 <= b.length) {
      int size = ((b[id3 + 6] & 0x7F) << 21) | ((b[id3 + 7] & 0x7F) << 14) | ((b[id3 + 8] & 0x7F) << 7) | (b[id3 + 9] & 0x7F);
      double seconds = mp3Seconds(b, id3 + 10 + size);
      if (seconds > 0) return seconds;
    }
    int ogg = lastIndexOf(b, "OggS".getBytes(StandardCharsets.US_ASCII));
    if (ogg >= 0) {
      long granule = ByteBuffer.wrap(b, ogg + 6, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
      return granule / 48_000.0;
    }
    int riff = indexOf(b, "RIFF".getBytes(StandardCharsets.US_ASCII));
    // the "data" chunk after the RIFF header (a multipart body says "form-data" before it)
    int data = riff < 0 ? -1 : riff + 12 + indexOf(java.util.Arrays.copyOfRange(b, riff + 12, Math.min(b.length,
        riff + 4096)), "data".getBytes(StandardCharsets.US_ASCII));
    if (riff >= 0 && data >= riff + 12) {
      long bytes = Integer.toUnsignedLong(ByteBuffer.wrap(b, data + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
      return bytes / (2.0 * RATE);
    }
    throw new IllegalArgumentException("no Ogg or WAV audio in the request");
  }

  /**
   * The duration of an MP3 stream found in {@code b}: its MPEG audio frames counted from the first frame header
   * (the ID3/Info frames included, a few tens of ms), each frame's samples by version and layer.
   */
  static double mp3Seconds(byte[] b, int from) {
    int[][] bitrates = { // kbit/s by bitrate index: MPEG-1 Layer III, MPEG-2/2.5 Layer III
        {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, -1},
        {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, -1}};
    int[][] rates = {{44_100, 48_000, 32_000}, {22_050, 24_000, 16_000}, {11_025, 12_000, 8_000}};
    double seconds = 0;
    int i = from;
    while (i + 4 <= b.length) {
      int h = ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
      if ((h >>> 21) != 0x7FF || ((h >> 17) & 3) != 1) break; // frame sync, Layer III
      int version = (h >> 19) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
      int v = version == 3 ? 0 : version == 2 ? 1 : 2;
      int kbps = bitrates[v == 0 ? 0 : 1][(h >> 12) & 15];
      int rateIndex = (h >> 10) & 3;
      if (kbps <= 0 || rateIndex == 3) break;
      int rate = rates[v][rateIndex];
      int samples = v == 0 ? 1152 : 576;
      int length = samples / 8 * kbps * 1000 / rate + ((h >> 9) & 1);
      seconds += (double) samples / rate;
      i += length;
    }
    return seconds;
  }

  static int indexOf(byte[] b, byte[] p) {
    outer:
    for (int i = 0; i + p.length <= b.length; i++) {
      for (int j = 0; j < p.length; j++) if (b[i + j] != p[j]) continue outer;
      return i;
    }
    return -1;
  }

  static int lastIndexOf(byte[] b, byte[] p) {
    outer:
    for (int i = b.length - p.length; i >= 0; i--) {
      for (int j = 0; j < p.length; j++) if (b[i + j] != p[j]) continue outer;
      return i;
    }
    return -1;
  }

  /** whisper-1 verbose_json: a segment of two words every 5 s of the audio. */
  static String openAiReply(double seconds) {
    ObjectNode root = JSON.createObjectNode().put("task", "transcribe").put("language", "english").put("duration", seconds);
    ArrayNode segs = root.putArray("segments");
    ArrayNode words = root.putArray("words");
    StringBuilder text = new StringBuilder();
    int n = 0;
    for (double t = 0.5; t + 4 <= seconds; t += 5, n++) {
      ObjectNode s = segs.addObject().put("id", n).put("seek", 0).put("start", t).put("end", t + 4)
          .put("text", " Segment number " + n + ".");
      s.putArray("tokens").add(50364);
      s.put("temperature", 0.0).put("avg_logprob", -0.2).put("compression_ratio", 1.0).put("no_speech_prob", 0.01);
      words.addObject().put("word", "Segment").put("start", t).put("end", t + 1);
      words.addObject().put("word", "number").put("start", t + 1.2).put("end", t + 2.2);
      words.addObject().put("word", n + ".").put("start", t + 2.4).put("end", t + 4);
      text.append(" Segment number ").append(n).append('.');
    }
    root.put("text", text.toString().strip());
    root.putObject("usage").put("type", "duration").put("seconds", (int) Math.ceil(seconds));
    return root.toString();
  }

  /** generateContent with a cue list (the response schema's shape): a cue every 5 s of the audio. */
  static String geminiReply(double seconds) {
    ObjectNode cues = JSON.createObjectNode();
    ArrayNode list = cues.putArray("cues");
    int n = 0;
    for (double t = 0.5; t + 4 <= seconds; t += 5, n++) {
      list.addObject().put("start", t).put("end", t + 4).put("text", "Cue number " + n + ".");
    }
    ObjectNode root = JSON.createObjectNode();
    ObjectNode cand = root.putArray("candidates").addObject();
    cand.putObject("content").put("role", "model").putArray("parts").addObject().put("text", cues.toString());
    cand.put("finishReason", "STOP").put("index", 0);
    root.putObject("usageMetadata").put("promptTokenCount", 1000).put("candidatesTokenCount", 100)
        .put("totalTokenCount", 1100);
    root.put("modelVersion", "gemini-2.5-flash").put("responseId", "r1");
    return root.toString();
  }

  /** A translation stand-in: 2 s per call (interruptible), cue texts prefixed with the language. */
  static final class SlowTranslator implements Translator {
    final AtomicLong calls = new AtomicLong();

    @Override
    public String name() {
      return "stand-in-translator";
    }

    @Override
    public CaptionTrack translate(CaptionTrack track, TranslationOptions options) {
      calls.incrementAndGet();
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.util.concurrent.CancellationException("cancelled");
      }
      List<Cue> cues = track.cues().stream()
          .map(c -> c.toBuilder().text("[" + options.targetLanguage() + "] " + c.text()).words(List.of()).build())
          .collect(Collectors.toList());
      return track.toBuilder().language(options.targetLanguage()).cues(cues).build();
    }
  }

  /** A transcriber with other limits: how the code before the engine sent long audio. */
  static Transcriber withLimits(Transcriber t, ChunkLimits limits) {
    return new Transcriber() {
      @Override
      public String name() {
        return t.name();
      }

      @Override
      public Set<MediaSource.Kind> acceptedSources() {
        return t.acceptedSources();
      }

      @Override
      public ChunkLimits chunkLimits() {
        return limits;
      }

      @Override
      public Transcript transcribe(MediaSource audio, TranscriptionOptions options) {
        return t.transcribe(audio, options);
      }
    };
  }

  /**
   * @param wavOnly OpenAI only, engine with PCM WAV uploads instead of Opus: concurrency without the encoding's CPU
   *     (which dominates on a machine without spare cores)
   */
  static void cloud(Path wav, int minutes, Path work, boolean wavOnly) throws Exception {
    AudioLatency latency = new AudioLatency();
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
        // No journal and no request log: WireMock would otherwise format every 1.3 MB upload as text, stealing CPU
        // from the engine it stands in for.
        .extensions(latency).containerThreads(64).jettyAcceptors(2).disableRequestJournal()
        .stubRequestLoggingDisabled(true));
    wm.start();
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    try {
      FfmpegMediaProcessor ffmpeg = FfmpegMediaProcessor.create();
      warmUpStandIns(wm, ffmpeg, wav, work);
      OpenAiTranscriber openai = new OpenAiTranscriber(OpenAiSettings.builder().apiKey("sk-bench")
          .baseUrl("http://127.0.0.1:" + wm.port() + "/v1").build());
      GeminiTranscriber gemini = new GeminiTranscriber(GeminiSettings.builder().apiKey("bench")
          .baseUrl("http://127.0.0.1:" + wm.port()).build());
      System.out.printf(Locale.ROOT, "cloud %d min of audio; stand-ins: 1 s + 0.5 s per audio minute per request; "
          + "translation 2 s per call, into es, fr, de%n", minutes);
      System.out.printf(Locale.ROOT, "%-8s %-10s %9s %9s %12s %12s %10s%n", "provider", "mode", "requests", "wall s",
          "latency sum", "uploaded MB", "MB/min");
      // The baseline: the same audio in the same upload format, as few requests as each provider's per-call limit
      // allows (OpenAI: 25 MB per upload; Gemini: one 10-minute window per reply, its output-token limit), one after
      // another; translations one after another.
      ChunkLimits openAiBefore = openai.chunkLimits().toBuilder().maxConcurrency(1).preferredChunkMs(0).build();
      ChunkLimits geminiBefore = gemini.chunkLimits().toBuilder().maxConcurrency(1).build();
      if (wavOnly) {
        ChunkLimits wavUploads = openai.chunkLimits().toBuilder().uploadFormats(AudioOptions.Format.WAV_16K_MONO).build();
        double[] engine = runCloud(ffmpeg, withLimits(openai, wavUploads), 4, wav, minutes, work, latency, "openai",
            "engine-wav");
        double[] sequential = runCloud(ffmpeg, withLimits(openai, openAiBefore.toBuilder()
            .uploadFormats(AudioOptions.Format.WAV_16K_MONO).build()), 1, wav, minutes, work, latency, "openai", "before");
        summary("openai (WAV uploads)", engine, sequential);
        return;
      }
      // -Dbench.providers=openai and -Dbench.baseline=false shorten a run while tuning; the figures are
      // the default run (both providers, each with its sequential baseline, in one JVM).
      for (String provider : System.getProperty("bench.providers", "openai,gemini").split(",")) {
        Transcriber now = provider.equals("openai") ? openai : gemini;
        Transcriber before = withLimits(now, provider.equals("openai") ? openAiBefore : geminiBefore);
        double[] engine = runCloud(ffmpeg, now, 4, wav, minutes, work, latency, provider, "engine");
        if (!Boolean.parseBoolean(System.getProperty("bench.baseline", "true"))) continue;
        double[] sequential = runCloud(ffmpeg, before, 1, wav, minutes, work, latency, provider, "before");
        summary(provider, engine, sequential);
      }
    } finally {
      wm.stop();
    }
  }

  /**
   * Sends the stand-ins a few dozen small requests of both wire formats through the JDK's own HTTP client (not the
   * providers' SDKs, whose cold start is the engine's cost), so that WireMock's own class loading and JIT start-up,
   * which a real provider's server does not spend on this machine, is over before the runs are timed. Its work during
   * the runs (reading each upload) is still counted.
   */
  static void warmUpStandIns(WireMockServer wm, FfmpegMediaProcessor ffmpeg, Path wav, Path work) throws Exception {
    Path mp3 = ffmpeg.extractAudio(MediaSource.of(wav), AudioOptions.of(AudioOptions.Format.MP3_16K_MONO)
        .withRange(0, 10_000).withOutput(work.resolve("warm-up.mp3"))).source().path();
    byte[] audio = Files.readAllBytes(mp3);
    byte[] gemini = ("{\"contents\":[{\"parts\":[{\"inlineData\":{\"mimeType\":\"audio/mp3\",\"data\":\""
        + Base64.getEncoder().encodeToString(audio) + "\"}}]}]}").getBytes(StandardCharsets.UTF_8);
    String boundary = "warm-up-boundary";
    java.io.ByteArrayOutputStream multipart = new java.io.ByteArrayOutputStream();
    multipart.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mp3\"\r\n"
        + "Content-Type: audio/mpeg\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    multipart.write(audio);
    multipart.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
    List<java.util.concurrent.Future<Integer>> replies = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      boolean openai = i % 2 == 0;
      replies.add(pool.submit(() -> {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:" + wm.port()
            + (openai ? "/v1/audio/transcriptions" : "/v1beta/models/gemini-2.5-flash:generateContent")).openConnection();
        c.setDoOutput(true);
        c.setRequestMethod("POST");
        c.setRequestProperty("Content-Type", openai ? "multipart/form-data; boundary=" + boundary : "application/json");
        try (OutputStream out = c.getOutputStream()) {
          out.write(openai ? multipart.toByteArray() : gemini);
        }
        c.getInputStream().readAllBytes();
        return c.getResponseCode();
      }));
    }
    for (java.util.concurrent.Future<Integer> r : replies) r.get();
    pool.shutdown();
    Files.deleteIfExists(mp3);
  }

  /**
   * Prints the figure: the baseline (the stand-ins' latencies summed over the sequential run) against the
   * engine's wall time, and the sequential run's own wall time for comparison.
   */
  static void summary(String provider, double[] engine, double[] sequential) {
    System.out.printf(Locale.ROOT, "  %s: baseline (sum of the stand-ins' latencies, sequential, one request per call "
        + "limit) %.1f s; engine wall %.1f s: %.1fx shorter (target >= 4x); sequential run's wall %.1f s (%.1fx); "
        + "engine uploads %.3f MB per audio minute (target <= 0.25)%n", provider, sequential[1], engine[0],
        sequential[1] / engine[0], sequential[0], sequential[0] / engine[0], engine[2]);
  }

  /** CPU time of this JVM's finished child processes (FFmpeg), from {@code /proc/self/stat}; 0 where unavailable. */
  static long childCpuNanos() {
    try {
      String stat = Files.readString(Paths.get("/proc/self/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L; // cutime + cstime, 100 ticks/s
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * Runs the pipeline once; returns {wall s, stand-in latency sum s (transcription + translation), MB uploaded per
   * audio minute}.
   */
  static double[] runCloud(FfmpegMediaProcessor ffmpeg, Transcriber transcriber, int translations, Path wav,
      int minutes, Path work, AudioLatency latency, String provider, String mode) throws IOException {
    latency.reset();
    SlowTranslator translator = new SlowTranslator();
    Path out = work.resolve("out-cloud-" + provider + "-" + mode);
    CaptionPipeline p = Captions.pipeline().mediaProcessor(ffmpeg).transcriber(transcriber).translator(translator)
        .spokenLanguage("en").translateTo("es", "fr", "de").maxConcurrentTranslations(translations).outputs(out, CaptionFormat.WEBVTT)
        // Like with like: issue 13 compares transcription and the stages after it. Alignment (on by default for
        // Gemini's untrusted times) is its own stage, measured by captions-provider-vosk/bench/align-benchmark.sh.
        .alignTiming(AlignmentMode.OFF)
        .progress(e -> {
          if (Boolean.getBoolean("bench.trace")) {
            System.out.printf(Locale.ROOT, "  %6.2f s %s %.3f %s%n", (System.nanoTime() - latency.startNanos) / 1e9,
                e.stage(), e.fraction(), e.message());
          }
        })
        .build();
    long cpu0 = processCpuNanos();
    long child0 = childCpuNanos();
    long t0 = System.nanoTime();
    latency.startNanos = t0;
    if (Boolean.getBoolean("bench.trace")) System.out.println("  run started at " + java.time.LocalTime.now());
    PipelineResult r = p.run(MediaSource.of(wav));
    double wallS = (System.nanoTime() - t0) / 1e9;
    double cpuS = (processCpuNanos() - cpu0) / 1e9;
    double childS = (childCpuNanos() - child0) / 1e9;
    double latencySum = latency.latencyMs.get() / 1000.0 + 2.0 * translator.calls.get();
    double mb = latency.audioBytes.get() / 1e6;
    System.out.printf(Locale.ROOT, "%-8s %-10s %9d %9.1f %12.1f %12.1f %10.3f   CPU: JVM %.1f s (stand-ins included), "
        + "FFmpeg %.1f s; timings %s%n", provider, mode, latency.requests.get(), wallS, latencySum, mb, mb / minutes,
        cpuS, childS, r.timings());
    System.out.printf(Locale.ROOT, "%-8s %-10s requests arrived from %.1f s to %.1f s after the start%n", provider, mode,
        (latency.firstArrival.get() - latency.startNanos) / 1e9, (latency.lastArrival.get() - latency.startNanos) / 1e9);
    return new double[] {wallS, latencySum, mb / minutes};
  }

  // ---------------------------------------------------------------- speech

  /**
   * Writes {@code durationMs} of speech: the sentence WAVs (16 kHz mono, each already padded with its pause) in turn,
   * over and over; and the start of every sentence, in ms, one per line.
   */
  static void writeSpeech(Path sentences, long durationMs, Path wav, Path startsFile) throws IOException {
    List<short[]> clips = new ArrayList<>();
    try (Stream<Path> s = Files.list(sentences)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".wav")).sorted().collect(Collectors.toList())) {
        clips.add(pcm(Files.readAllBytes(p)));
      }
    }
    long total = durationMs * RATE / 1000;
    List<String> starts = new ArrayList<>();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(wav), 1 << 20)) {
      ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
      h.put("RIFF".getBytes()).putInt((int) (36 + total * 2)).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
          .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2).putShort((short) 2)
          .putShort((short) 16).put("data".getBytes()).putInt((int) (total * 2));
      out.write(h.array());
      long written = 0;
      for (int i = 0; written < total; i = (i + 1) % clips.size()) {
        short[] clip = clips.get(i);
        starts.add(String.valueOf(written * 1000 / RATE));
        ByteBuffer b = ByteBuffer.allocate(clip.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) Math.min(clip.length, total - written);
        for (int k = 0; k < n; k++) b.putShort(clip[k]);
        out.write(b.array(), 0, n * 2);
        written += n;
      }
    }
    Files.write(startsFile, starts);
  }

  /** The samples of a 16-bit mono WAV, from its data chunk; leading silence trimmed is not done (sentence starts
   * include espeak's own lead-in, the same in every repeat). */
  static short[] pcm(byte[] wav) {
    int data = indexOf(wav, "data".getBytes(StandardCharsets.US_ASCII));
    int len = (wav.length - data - 8) / 2;
    short[] s = new short[len];
    ByteBuffer.wrap(wav, data + 8, len * 2).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(s);
    return s;
  }
}
