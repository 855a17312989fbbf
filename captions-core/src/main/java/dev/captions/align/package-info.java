/**
 * Timing alignment: putting a transcript's words on the audio's clock when the transcriber's times are untrusted
 * (language models) or absent (text only). {@link dev.captions.align.TimingAligner} is the SPI;
 * {@link dev.captions.align.RecognitionAligner} lines a transcript up with a recogniser's timed words (used by the Vosk
 * aligner); {@link dev.captions.align.EnergyAligner} works for any language from speech onsets alone. Text is never
 * changed, only times; {@link dev.captions.align.AlignmentReport} says what moved.
 */
package dev.captions.align;
