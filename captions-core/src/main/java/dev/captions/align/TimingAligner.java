package dev.captions.align;

import dev.captions.ProgressListener;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import dev.captions.spi.Provider;

/**
 * Puts a transcript's words on the audio's clock: given a transcript whose times are untrusted or absent (from a
 * language model, or text only) and the audio it came from, returns the same words with times found in the audio.
 * <b>The text is never changed</b>: the result has exactly the transcript's words, in order, with only their times
 * (and the segments' times) replaced.
 *
 * <p>Aligners are found like transcribers, through {@link TimingAlignerFactory} in {@code META-INF/services}: the
 * Vosk aligner ({@code captions-provider-vosk}) matches words acoustically; the {@linkplain EnergyAligner energy
 * aligner} in core works for any language from speech onsets alone.
 *
 * <p><b>Threading:</b> implementations are thread-safe. {@link #align} blocks (it may decode the whole audio); it
 * honours thread interruption by throwing {@link java.util.concurrent.CancellationException} with the flag kept.
 */
public interface TimingAligner extends Provider {
  /**
   * Whether this aligner can align speech in {@code language}. An acoustic aligner answers for its model's language;
   * a language-independent one answers true for all.
   *
   * @param language a BCP-47 tag, or {@code "und"} when unknown; not null
   * @return true when {@link #align} is expected to work for this language
   */
  boolean supportsLanguage(String language);

  /**
   * Aligns {@code transcript} to {@code audio}, without progress reports.
   *
   * @param transcript the words or segments to time; their times are used as rough hints only; not null
   * @param audio the audio as a 16-bit PCM WAV file (what {@code MediaProcessor.extractAudio} writes with
   *     {@code AudioOptions.defaults()}: 16 kHz mono); not null
   * @return the same words with aligned times and a report; an empty transcript gives an empty one back
   * @throws dev.captions.InvalidMediaException when {@code audio} is not a readable 16-bit PCM WAV file
   * @throws dev.captions.ProviderException when the aligner's own machinery (e.g. a model) fails
   */
  default AlignedTranscript align(Transcript transcript, MediaSource audio) {
    return align(transcript, audio, ProgressListener.NONE);
  }

  /**
   * Aligns {@code transcript} to {@code audio}, reporting progress as it goes.
   *
   * @param transcript the words or segments to time; their times are used as rough hints only; not null
   * @param audio the audio as a 16-bit PCM WAV file (what {@code MediaProcessor.extractAudio} writes with
   *     {@code AudioOptions.defaults()}: 16 kHz mono); not null
   * @param progress told the fraction of the media aligned so far (stage {@link dev.captions.PipelineStage#ALIGN}),
   *     from the calling thread or the aligner's own threads; an aligner that finishes in moments may report nothing;
   *     not null
   * @return the same words with aligned times and a report; an empty transcript gives an empty one back
   * @throws dev.captions.InvalidMediaException when {@code audio} is not a readable 16-bit PCM WAV file
   * @throws dev.captions.ProviderException when the aligner's own machinery (e.g. a model) fails
   */
  AlignedTranscript align(Transcript transcript, MediaSource audio, ProgressListener progress);
}
