package dev.captions.spi;

import dev.captions.chunking.ChunkLimits;
import dev.captions.model.MediaSource;
import dev.captions.model.Transcript;
import java.util.concurrent.CompletableFuture;

/**
 * Speech to timed text.
 *
 * <p><b>Threading:</b> implementations are thread-safe; one instance may serve concurrent calls.
 * <b>Blocking:</b> {@link #transcribe} blocks until the transcript is ready (uploading, polling) and may take minutes;
 * it honours thread interruption by throwing {@link java.util.concurrent.CancellationException} with the interrupt
 * flag kept. {@link #transcribeAsync} runs it on a worker thread; cancelling its future stops polling and kills
 * subprocesses.
 *
 * <p>Failures are {@link dev.captions.CaptionsException}s: {@link dev.captions.InvalidMediaException} for unusable
 * input, {@link dev.captions.ProviderException} (or a subclass) for the provider's own failures.
 */
public interface Transcriber extends Provider {
  /**
   * @param audio audio or video; see {@link #acceptedSources()} for the kinds taken
   * @param options the language, prompt, timings wanted, timeout and progress listener
   * @return the transcript; an empty one (not an error) when there is no speech
   */
  Transcript transcribe(MediaSource audio, TranscriptionOptions options);

  /**
   * What this transcriber takes in one call and how long media should be cut for it: the
   * {@linkplain dev.captions.chunking.ChunkedTranscriber long-media engine} plans chunks, encodes and sends them
   * concurrently by these limits. The default, {@link ChunkLimits#unchunked()}, hands the media over whole.
   *
   * @return the limits; never null
   */
  default ChunkLimits chunkLimits() {
    return ChunkLimits.unchunked();
  }

  /**
   * How far this transcriber's times can be trusted. {@link TimingSource#MEASURED} by default; transcribers whose
   * times come from a language model say {@link TimingSource#UNTRUSTED}, those that return text only
   * {@link TimingSource#ABSENT}. With {@code alignTiming(AUTO)} the caption pipeline aligns the transcript to the audio
   * when this is not {@code MEASURED} and an aligner fits the language.
   *
   * @return the trust in this transcriber's times, for the current settings (e.g. the model); never null
   */
  default TimingSource timingSource() {
    return TimingSource.MEASURED;
  }

  /**
   * The limits for one transcription with {@code options}: as {@link #chunkLimits()} by default. A transcriber whose
   * limits depend on the options overrides it (OpenAI: a diarising request takes longer chunks, since speaker labels
   * hold only within one request).
   *
   * @param options the options of the transcription about to run; not null
   * @return the limits; never null
   */
  default ChunkLimits chunkLimits(TranscriptionOptions options) {
    return chunkLimits();
  }

  /**
   * Whether this transcriber can take the audio a media processor extracts (a WAV, MP3 or AAC file or URL). True by
   * default. A transcriber that documents it takes only video containers (Gcore AI ASR: an MP4 URL) returns false; the
   * pipeline then hands it the source as it is and uses the media processor only to probe and burn in.
   *
   * @return false when extracted audio must never be sent to this transcriber
   */
  default boolean acceptsExtractedAudio() {
    return true;
  }

  /**
   * Whether {@link #transcribe} sends {@link TranscriptionOptions#prompt()} and
   * {@link TranscriptionOptions#vocabulary()} to the model (as {@link TranscriptionOptions#promptText()}). False by
   * default: the pipeline then warns that a prompt or vocabulary given is ignored, rather than dropping it silently.
   * Providers that return true also list the capability {@code "prompt"} in their factory's capabilities.
   *
   * @return true when a prompt and vocabulary reach the model
   */
  default boolean usesPrompt() {
    return false;
  }

  /**
   * Whether this transcriber can tell speakers apart ({@link TranscriptionOptions#speakers()}). False by default; a
   * transcriber that returns false throws {@link dev.captions.ConfigurationException} from {@link #transcribe} when
   * speakers are asked, and the pipeline refuses such a pairing at build time.
   *
   * @return true when speaker labels can be returned
   */
  default boolean supportsSpeakers() {
    return false;
  }

  /**
   * Checks, locally and without any call, that this transcriber can take {@code media} as it documents its input
   * (e.g. Gcore: an http(s) URL of an MP4). The pipeline calls it before the first provider call of a run, so a
   * source the service would refuse is refused before anything is paid. Does nothing by default.
   *
   * @param media the media the transcriber would get; never null
   * @throws dev.captions.InvalidMediaException saying what is wrong with {@code media} and how to fix it
   */
  default void checkInput(MediaSource media) {}

  /**
   * {@link #transcribe} on the SDK's shared pool.
   *
   * @param audio audio or video
   * @param options the options
   * @return a future of the transcript; cancelling it interrupts the work
   */
  default CompletableFuture<Transcript> transcribeAsync(MediaSource audio, TranscriptionOptions options) {
    return Async.supply(() -> transcribe(audio, options));
  }
}
