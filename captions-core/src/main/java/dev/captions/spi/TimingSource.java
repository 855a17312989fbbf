package dev.captions.spi;

/**
 * How far the times in a {@link Transcriber}'s transcripts can be trusted. The caption pipeline aligns untrusted or
 * absent times to the audio ({@code alignTiming(AUTO)}) when an aligner is available.
 */
public enum TimingSource {
  /** Measured from the audio by the recogniser itself, word by word or segment by segment (Vosk, Whisper, Gcore). */
  MEASURED,
  /** Written by a language model: rounded, drifting or invented (Gemini). Text good, times approximate. */
  UNTRUSTED,
  /** No times at all: text only, each request's text spread over its audio ({@code gpt-4o-transcribe}). */
  ABSENT;

  /** {@return whether aligning these times to the audio is worth doing by default} */
  public boolean needsAlignment() {
    return this != MEASURED;
  }
}
