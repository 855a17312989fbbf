package dev.captions.spi;

import dev.captions.ProgressListener;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Options for {@link Transcriber#transcribe}. Immutable; {@link #defaults()} asks for auto language and words. */
public final class TranscriptionOptions {
  private static final TranscriptionOptions DEFAULTS = builder().build();

  private final String language;
  private final String prompt;
  private final List<String> vocabulary;
  private final boolean wordTimestamps;
  private final boolean speakers;
  private final int expectedSpeakers;
  private final Long mediaDurationMs;
  private final Duration timeout;
  private final ProgressListener progress;

  private TranscriptionOptions(Builder b) {
    this.language = b.language;
    this.prompt = b.prompt;
    this.vocabulary = b.vocabulary;
    this.wordTimestamps = b.wordTimestamps;
    this.speakers = b.speakers;
    this.expectedSpeakers = b.expectedSpeakers;
    this.mediaDurationMs = b.mediaDurationMs;
    this.timeout = b.timeout;
    this.progress = b.progress;
  }

  /**
   * The defaults: language detection, word timings wanted, no prompt, the provider's timeout.
   *
   * @return the default options
   */
  public static TranscriptionOptions defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding these options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = builder().prompt(prompt).vocabulary(vocabulary).wordTimestamps(wordTimestamps).timeout(timeout)
        .progress(progress).speakers(speakers);
    b.expectedSpeakers = expectedSpeakers;
    b.language = language;
    b.mediaDurationMs = mediaDurationMs;
    return b;
  }

  /** {@return the spoken language as BCP-47, or empty for automatic detection} */
  public Optional<String> language() {
    return Optional.ofNullable(language);
  }

  /**
   * Vocabulary or context hints for providers that take a prompt.
   *
   * @return the prompt, or empty for none
   */
  public Optional<String> prompt() {
    return Optional.ofNullable(prompt);
  }

  /**
   * Terms the speech contains and that must be spelt as given (names, jargon), for providers that take a prompt.
   *
   * @return the terms in the order given; empty for none; unmodifiable
   */
  public List<String> vocabulary() {
    return vocabulary;
  }

  /**
   * The prompt and the vocabulary as the one free text a provider's prompt field takes: the prompt, then
   * {@code "Vocabulary: term, term."}. Providers that take a prompt send this, so both reach the model the same way.
   *
   * @return the text, or empty when there is neither a prompt nor a vocabulary
   */
  public Optional<String> promptText() {
    if (vocabulary.isEmpty()) return prompt();
    String terms = "Vocabulary: " + String.join(", ", vocabulary) + ".";
    return Optional.of(prompt == null ? terms : prompt.strip() + " " + terms);
  }

  /** {@return whether word-level timings are wanted (providers that cannot give them return segments)} */
  public boolean wordTimestamps() {
    return wordTimestamps;
  }

  /**
   * Whether speakers should be told apart (diarisation): the transcript's segments and words then carry speaker
   * labels. Off by default. A transcriber that cannot diarise ({@link Transcriber#supportsSpeakers()} false) throws
   * {@link dev.captions.ConfigurationException} when asked.
   *
   * @return true when speaker labels are wanted
   */
  public boolean speakers() {
    return speakers;
  }

  /**
   * How many speakers the caller expects, a hint for providers that take one (Gemini: in its instructions); 0 when
   * unknown (the default). Only meaningful with {@link #speakers()}.
   *
   * @return the expected number of speakers, or 0 when unknown
   */
  public int expectedSpeakers() {
    return expectedSpeakers;
  }

  /**
   * Refuses speakers for a transcriber that cannot diarise: call it first in {@link Transcriber#transcribe}.
   *
   * @param transcriber the transcriber about to run; not null
   * @throws dev.captions.ConfigurationException when {@link #speakers()} is asked and
   *     {@link Transcriber#supportsSpeakers()} is false, naming the transcribers that can
   */
  public void checkSpeakersSupported(Transcriber transcriber) {
    if (speakers && !transcriber.supportsSpeakers()) throw cannotDiarise(transcriber);
  }

  /**
   * The error for speakers asked of a transcriber that cannot diarise (used by the pipeline's build check too).
   *
   * @param transcriber the transcriber; not null
   * @return the exception, naming the transcribers that can
   */
  public static dev.captions.ConfigurationException cannotDiarise(Transcriber transcriber) {
    return new dev.captions.ConfigurationException("Speaker labels (speakers(true), CLI --speakers) need a transcriber "
        + "that can tell speakers apart, but '" + transcriber.name() + "' cannot. Use openai "
        + "(gpt-4o-transcribe-diarize) or gemini, or leave speakers off.");
  }

  /** {@return the media's duration when the caller knows it (used to validate and chunk); empty otherwise} */
  public OptionalLong mediaDurationMs() {
    return mediaDurationMs == null ? OptionalLong.empty() : OptionalLong.of(mediaDurationMs);
  }

  /** {@return the overall time limit for the call, or empty for the provider's default} */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * The listener told about progress.
   *
   * @return the listener; never null
   */
  public ProgressListener progress() {
    return progress;
  }

  /** Builds {@link TranscriptionOptions}. */
  public static final class Builder {
    private String language;
    private String prompt;
    private List<String> vocabulary = List.of();
    private boolean wordTimestamps = true;
    private boolean speakers;
    private int expectedSpeakers;
    private Long mediaDurationMs;
    private Duration timeout;
    private ProgressListener progress = ProgressListener.NONE;

    private Builder() {}

    /**
     * The spoken language.
     *
     * @param language a BCP-47 tag, or {@link dev.captions.model.Language#AUTO} (the default) for detection; not null
     * @return this builder
     */
    public Builder language(String language) {
      Objects.requireNonNull(language, "language == null: use Language.AUTO for detection");
      this.language = language.equalsIgnoreCase(dev.captions.model.Language.AUTO) ? null : language;
      return this;
    }

    /**
     * Sets the prompt.
     *
     * @param prompt vocabulary or context hints, or {@code null}
     * @return this builder
     */
    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    /**
     * Sets the vocabulary: terms the speech contains, spelt as they must be written.
     *
     * @param vocabulary the terms; not null, each one line, not blank (surrounding white space is removed)
     * @return this builder
     * @throws IllegalArgumentException when a term is blank or holds a line break
     */
    public Builder vocabulary(List<String> vocabulary) {
      Objects.requireNonNull(vocabulary, "vocabulary == null");
      List<String> terms = new java.util.ArrayList<>(vocabulary.size());
      for (String term : vocabulary) {
        if (term == null || term.isBlank()) throw new IllegalArgumentException("a vocabulary term is blank");
        if (term.indexOf('\n') >= 0 || term.indexOf('\r') >= 0) {
          throw new IllegalArgumentException("a vocabulary term holds a line break: one term per entry");
        }
        terms.add(term.strip());
      }
      this.vocabulary = List.copyOf(terms);
      return this;
    }

    /**
     * Sets whether word-level timings are wanted.
     *
     * @param wordTimestamps true to ask for word timings
     * @return this builder
     */
    public Builder wordTimestamps(boolean wordTimestamps) {
      this.wordTimestamps = wordTimestamps;
      return this;
    }

    /**
     * Asks for speaker labels (diarisation); off by default.
     *
     * @param speakers true to tell speakers apart
     * @return this builder
     */
    public Builder speakers(boolean speakers) {
      this.speakers = speakers;
      return this;
    }

    /**
     * Asks for speaker labels and hints how many speakers there are (for providers that take a hint).
     *
     * @param count the expected number of speakers, at least 1; or 0 for unknown
     * @return this builder, with {@link #speakers(boolean) speakers(true)} when {@code count > 0}
     * @throws IllegalArgumentException when {@code count} is negative
     */
    public Builder expectedSpeakers(int count) {
      if (count < 0) throw new IllegalArgumentException("expectedSpeakers (" + count + ") must be >= 0 (0 = unknown)");
      this.expectedSpeakers = count;
      if (count > 0) this.speakers = true;
      return this;
    }

    /**
     * The media's duration, when the caller knows it (unknown by default).
     *
     * @param mediaDurationMs milliseconds, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder mediaDurationMs(long mediaDurationMs) {
      if (mediaDurationMs < 0) throw new IllegalArgumentException("mediaDurationMs (" + mediaDurationMs + ") must be >= 0");
      this.mediaDurationMs = mediaDurationMs;
      return this;
    }

    /**
     * Sets the overall time limit.
     *
     * @param timeout a positive duration, or {@code null} for the provider's default
     * @return this builder
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public Builder timeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets the listener told about progress.
     *
     * @param progress the listener; not null
     * @return this builder
     */
    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public TranscriptionOptions build() {
      return new TranscriptionOptions(this);
    }
  }
}
