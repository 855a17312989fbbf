package dev.captions.provider.vosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.ProviderException;
import dev.captions.model.TimedWord;
import java.io.IOException;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Decodes one chunk with its own {@link Recognizer} and returns its words on the whole file's time line. The words'
 * times are Vosk's seconds from the chunk's start plus the chunk's first sample index, so chunk offsets are exact.
 * Stateless and thread-safe; each call creates and frees its own recogniser.
 */
final class ChunkDecoder {
  /** Samples fed per call into Vosk: 0.2 s, short enough for a prompt reaction to cancellation. */
  static final int BLOCK_SAMPLES = WavAudio.SAMPLE_RATE_HZ / 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChunkDecoder() {}

  /**
   * @param decoded told how many samples were just fed to the recogniser, after each block
   * @param cancelled checked between blocks; when true the decoding stops with {@link CancellationException}
   */
  static List<TimedWord> decode(Model model, ShortBuffer samples, SilenceSplitter.Chunk chunk, int warmUpSamples,
      IntConsumer decoded, BooleanSupplier cancelled) {
    // The recogniser adapts to the speaker and the channel as it goes (online CMVN, i-vectors), so a fresh one
    // decodes a chunk's first seconds worse than one that heard what came before. It therefore starts on the audio
    // just before the chunk; the words it finds there belong to the previous chunk and are dropped.
    int from = Math.max(0, chunk.startSample - warmUpSamples);
    long chunkStartMs = Math.round(chunk.startSample * 1000.0 / WavAudio.SAMPLE_RATE_HZ);
    List<TimedWord> words = new ArrayList<>();
    short[] block = new short[BLOCK_SAMPLES];
    try (Recognizer recognizer = new Recognizer(model, WavAudio.SAMPLE_RATE_HZ)) {
      recognizer.setWords(true);
      ShortBuffer in = samples.duplicate();
      in.limit(chunk.endSample).position(from);
      while (in.hasRemaining()) {
        if (cancelled.getAsBoolean()) throw new CancellationException("cancelled");
        boolean warmingUp = in.position() < chunk.startSample;
        int n = Math.min(block.length, (warmingUp ? chunk.startSample : chunk.endSample) - in.position());
        in.get(block, 0, n);
        if (recognizer.acceptWaveForm(block, n)) addWords(recognizer.getResult(), from, words);
        if (!warmingUp) decoded.accept(n);
      }
      addWords(recognizer.getFinalResult(), from, words);
    } catch (IOException e) {
      throw new ProviderException("vosk", "could not create a recogniser: " + e.getMessage(), e);
    }
    words.removeIf(w -> w.startMs() < chunkStartMs);
    return words;
  }

  /**
   * Adds the words of one Vosk result, e.g. {@code {"result":[{"conf":1.0,"end":1.11,"start":0.87,"word":"hello"}],
   * "text":"hello"}}; a result without {@code "result"} (silence) adds nothing.
   */
  static void addWords(String resultJson, int offsetSamples, List<TimedWord> out) {
    JsonNode result;
    try {
      result = JSON.readTree(resultJson).path("result");
    } catch (IOException e) {
      throw new ProviderException("vosk", "unreadable recogniser result: " + e.getMessage(), e);
    }
    double offsetMs = offsetSamples * 1000.0 / WavAudio.SAMPLE_RATE_HZ;
    for (JsonNode w : result) {
      String text = w.path("word").asText("");
      if (text.isEmpty() || text.equals("[unk]")) continue;
      long startMs = Math.round(offsetMs + w.path("start").asDouble() * 1000);
      long endMs = Math.max(startMs, Math.round(offsetMs + w.path("end").asDouble() * 1000));
      double conf = w.has("conf") ? Math.max(0, Math.min(1, w.path("conf").asDouble())) : TimedWord.UNKNOWN_CONFIDENCE;
      out.add(TimedWord.of(text, startMs, endMs, conf, null));
    }
  }
}
