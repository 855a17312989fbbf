package dev.captions.provider.vosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.captions.InvalidMediaException;
import dev.captions.PipelineStage;
import dev.captions.ProgressEvent;
import dev.captions.ProgressListener;
import dev.captions.ProviderException;
import dev.captions.align.AlignedTranscript;
import dev.captions.align.RecognitionAligner;
import dev.captions.align.SpeechActivity;
import dev.captions.align.TimingAligner;
import dev.captions.chunking.ChunkedTranscriber;
import dev.captions.model.MediaSource;
import dev.captions.model.TimedWord;
import dev.captions.model.Timecodes;
import dev.captions.model.Transcript;
import dev.captions.spi.TranscriptionOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acoustic timing alignment with Vosk: puts a transcript from anywhere (a cloud model's good text with bad or no
 * times) on the audio's clock, word by word.
 *
 * <p>How: the audio's speech (pauses squeezed, see {@link #align(Transcript, MediaSource, ProgressListener)}) is
 * decoded by a Vosk recogniser <b>restricted to the transcript's own vocabulary</b> (a grammar
 * of its normalised words, numbers spelled out, plus {@code [unk]}), which is about ten times cheaper than free
 * recognition and hears those words more reliably; long audio is cut at pauses and decoded in parallel by the
 * long-media engine ({@link ChunkedTranscriber}), as transcription is. The recognised words are then lined up with the
 * transcript's by {@link RecognitionAligner} (global sequence alignment, anchors on confident matches, the other
 * words placed between anchors inside speech). When under a fifth of the words match, it falls back to speech onsets
 * ({@link dev.captions.align.EnergyAligner}).
 *
 * <p><b>Model:</b> that of the {@link VoskTranscriber} it is made from: the bundled small English model by default,
 * or any Vosk model directory (other languages). {@link #supportsLanguage} answers for the model's language. Models
 * with a static decoding graph (the big server models) ignore the grammar and decode freely (slower, still correct).
 *
 * <p>The transcript's text is never changed. Immutable and thread-safe; {@link #align} blocks and honours
 * interruption like {@link VoskTranscriber#transcribe}.
 */
public final class VoskAligner implements TimingAligner {
  private static final Logger LOG = LoggerFactory.getLogger(VoskAligner.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final VoskTranscriber recogniser;
  /** Whether only the speech is decoded (false: the whole file, as before; for the benchmark's comparison). */
  private final boolean speechOnly;

  private VoskAligner(VoskTranscriber recogniser, boolean speechOnly) {
    this.recogniser = recogniser;
    this.speechOnly = speechOnly;
  }

  /**
   * An aligner with the bundled English model and default settings.
   *
   * @return the aligner
   */
  public static VoskAligner create() {
    return new VoskAligner(VoskTranscriber.create(), true);
  }

  /**
   * An aligner that uses the model, cache directory, language and threads of {@code transcriber}.
   *
   * @param transcriber the configured Vosk transcriber; not null
   * @return the aligner
   */
  public static VoskAligner using(VoskTranscriber transcriber) {
    return new VoskAligner(Objects.requireNonNull(transcriber, "transcriber == null"), true);
  }

  /** {@return this aligner decoding the whole file, pauses included (the benchmark's baseline)} */
  VoskAligner decodingPauses() {
    return new VoskAligner(recogniser, false);
  }

  @Override
  public String name() {
    return VoskTranscriber.NAME;
  }

  /** {@return whether the model's language is {@code language} (primary subtag compared); false for "und"} */
  @Override
  public boolean supportsLanguage(String language) {
    return !recogniser.language().equals("und") && primary(language).equals(primary(recogniser.language()));
  }

  /** Loads the model (extracting the bundled one if needed), so a missing model fails at {@code build()}. */
  @Override
  public void checkReady() {
    recogniser.checkReady();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Only the speech is decoded: pauses longer than 0.4 s are cut to 0.4 s in a temporary WAV file (deleted
   * before this returns), which saves a fifth of the decoding in speech with normal pauses. Progress is the fraction
   * of that speech decoded, in parallel chunks.
   *
   * @throws InvalidMediaException when {@code audio} is not a local 16 kHz mono PCM WAV file
   */
  @Override
  public AlignedTranscript align(Transcript transcript, MediaSource audio, ProgressListener progress) {
    Objects.requireNonNull(transcript, "transcript == null");
    Objects.requireNonNull(audio, "audio == null");
    Objects.requireNonNull(progress, "progress == null");
    if (!audio.isFile()) {
      throw new InvalidMediaException(InvalidMediaException.Reason.UNSUPPORTED_SOURCE, "The Vosk aligner reads a "
          + "local 16 kHz mono PCM WAV file, not a " + audio.kind() + " (" + audio.name() + "). Extract the audio "
          + "with the media processor first.");
    }
    long started = System.nanoTime();
    // One pass over the file for its speech: it chooses what is decoded and places the words heard.
    SpeechActivity speech = SpeechActivity.detect(audio.path());
    Set<String> vocabulary = RecognitionAligner.vocabulary(transcript);
    VoskTranscriber restricted = recogniser.newBuilder().grammar(grammar(vocabulary)).build();
    List<TimedWord> heard;
    try (SpeechOnlyAudio speechOnly = this.speechOnly ? SpeechOnlyAudio.writeOrNull(audio.path(), speech) : null) {
      MediaSource decoded = speechOnly == null ? audio : MediaSource.of(speechOnly.file());
      TranscriptionOptions options = TranscriptionOptions.builder()
          .progress(new AlignProgress(progress, speech.durationMs())).build();
      heard = ChunkedTranscriber.builder(restricted).build().transcribe(decoded, options).words();
      if (speechOnly != null) {
        LOG.debug("Decoded the speech of {}: {} ms of {} ms in {} spans", audio.name(), speechOnly.keptMs(),
            speech.durationMs(), speechOnly.spanCount());
        heard = speechOnly.toSource(heard);
      }
    }
    AlignedTranscript aligned = RecognitionAligner.align(name(), transcript, heard, speech);
    LOG.debug("Aligned {} words ({} distinct) to {} in {} ms: {}", aligned.report().words(), vocabulary.size(),
        audio.name(), (System.nanoTime() - started) / 1_000_000, aligned.report().summary());
    return aligned;
  }

  /** The decoder's progress as the ALIGN stage's, in the media's seconds. */
  private static final class AlignProgress implements ProgressListener {
    private final ProgressListener target;
    private final long durationMs;

    AlignProgress(ProgressListener target, long durationMs) {
      this.target = target;
      this.durationMs = durationMs;
    }

    @Override
    public void onProgress(ProgressEvent e) {
      if (Double.isNaN(e.fraction())) return;
      // Lining the words up after decoding takes well under a second even for an hour: the decoding is the progress.
      double f = Math.max(0, Math.min(1, e.fraction()));
      target.onProgress(ProgressEvent.of(PipelineStage.ALIGN, f, Timecodes.format(Math.round(f * durationMs)) + " of "
          + Timecodes.format(durationMs) + " aligned"));
    }
  }

  /** The transcript's tokens as a Vosk grammar: each a phrase of its own (any order), plus "[unk]" for the rest. */
  static String grammar(Set<String> vocabulary) {
    List<String> phrases = new ArrayList<>(vocabulary.size() + 1);
    for (String t : vocabulary) {
      if (t.codePoints().anyMatch(Character::isLetter)) phrases.add(t);
    }
    phrases.add("[unk]");
    try {
      return JSON.writeValueAsString(phrases);
    } catch (JsonProcessingException e) {
      throw new ProviderException(VoskTranscriber.NAME, "could not write the alignment grammar: " + e.getMessage(), e);
    }
  }

  private static String primary(String bcp47) {
    String lower = bcp47.toLowerCase(Locale.ROOT);
    int dash = lower.indexOf('-');
    return dash < 0 ? lower : lower.substring(0, dash);
  }

  @Override
  public String toString() {
    return "VoskAligner{" + recogniser + '}';
  }
}
