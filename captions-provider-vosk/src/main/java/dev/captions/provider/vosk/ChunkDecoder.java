package dev.captions.provider.vosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.ConfigurationException;
import dev.captions.ProviderException;
import dev.captions.model.TimedWord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.vosk.Model;
import org.vosk.Recognizer;

/**
 * Decodes audio with its own {@link Recognizer} and returns its words, timed from the audio's first sample. Long media
 * reaches it in chunks cut by the long-media engine ({@code dev.captions.chunking}), which puts the words back on the
 * file's time line. Stateless and thread-safe; each call creates and frees its own recogniser.
 */
final class ChunkDecoder {
  /** Samples fed per call into Vosk: 0.2 s, short enough for a prompt reaction to cancellation. */
  static final int BLOCK_SAMPLES = WavAudio.SAMPLE_RATE_HZ / 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChunkDecoder() {}

  /**
   * Decodes all of {@code samples} with one recogniser, reading them a block of {@link #BLOCK_SAMPLES} at a time (so a
   * stream is never held whole).
   *
   * @param settings the decoder settings the model was loaded with (named when Kaldi refuses them)
   * @param grammar a Vosk grammar (a JSON array of the phrases the recogniser may hear, e.g. a transcript's words and
   *     {@code "[unk]"}), or {@code null} to hear the model's whole vocabulary. A grammar makes decoding about ten
   *     times faster; models with a static graph ignore it.
   * @param samples the audio, read to its end here
   * @param decoded told how many samples were just fed to the recogniser, after each block
   * @param cancelled checked between blocks; when true the decoding stops with {@link CancellationException}
   * @throws dev.captions.InvalidMediaException when a stream cannot be read
   */
  static List<TimedWord> decode(Model model, DecoderSettings settings, String grammar, WavAudio.Samples samples,
      IntConsumer decoded, BooleanSupplier cancelled) {
    List<TimedWord> words = new ArrayList<>();
    short[] block = new short[BLOCK_SAMPLES];
    try (Recognizer recognizer = grammar == null ? new Recognizer(model, WavAudio.SAMPLE_RATE_HZ)
        : new Recognizer(model, WavAudio.SAMPLE_RATE_HZ, grammar)) {
      recognizer.setWords(true);
      while (true) {
        if (cancelled.getAsBoolean()) throw new CancellationException("cancelled");
        int n = samples.read(block);
        if (n == 0) break;
        if (recognizer.acceptWaveForm(block, n)) addWords(recognizer.getResult(), 0, words);
        decoded.accept(n);
      }
      addWords(recognizer.getFinalResult(), 0, words);
    } catch (IOException e) {
      if (!settings.isModelAsIs()) {
        // Kaldi checks its options only when a decoder is made, and says no more than "Invalid options" on stderr.
        throw new ConfigurationException("Kaldi refused the Vosk decoder settings " + settings.kaldiOptions()
            + " (" + e.getMessage() + "). Kaldi needs beam > 0, lattice-beam > 0 and max-active above the model's"
            + " min-active (see its conf/model.conf); use DecoderSettings.model() for the model's own settings.");
      }
      throw new ProviderException("vosk", "could not create a recogniser: " + e.getMessage(), e);
    }
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
