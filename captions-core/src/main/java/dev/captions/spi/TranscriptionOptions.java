package dev.captions.spi;

import dev.captions.ProgressListener;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Options for {@link Transcriber#transcribe}. Immutable; {@link #defaults()} asks for auto language and words. */
public final class TranscriptionOptions {
  private static final TranscriptionOptions DEFAULTS = builder().build();

  private final String language;
  private final String prompt;
  private final boolean wordTimestamps;
  private final Long mediaDurationMs;
  private final Duration timeout;
  private final ProgressListener progress;

  private TranscriptionOptions(Builder b) {
    this.language = b.language;
    this.prompt = b.prompt;
    this.wordTimestamps = b.wordTimestamps;
    this.mediaDurationMs = b.mediaDurationMs;
    this.timeout = b.timeout;
    this.progress = b.progress;
  }

  public static TranscriptionOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = builder().prompt(prompt).wordTimestamps(wordTimestamps).timeout(timeout).progress(progress);
    b.language = language;
    b.mediaDurationMs = mediaDurationMs;
    return b;
  }

  /** The spoken language as BCP-47, or empty for automatic detection. */
  public Optional<String> language() {
    return Optional.ofNullable(language);
  }

  /** Vocabulary or context hints for providers that take a prompt. */
  public Optional<String> prompt() {
    return Optional.ofNullable(prompt);
  }

  /** Whether word-level timings are wanted (providers that cannot give them return segments). */
  public boolean wordTimestamps() {
    return wordTimestamps;
  }

  /** The media's duration when the caller knows it (used to validate and chunk); empty otherwise. */
  public OptionalLong mediaDurationMs() {
    return mediaDurationMs == null ? OptionalLong.empty() : OptionalLong.of(mediaDurationMs);
  }

  /** The overall time limit for the call, or empty for the provider's default. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  public ProgressListener progress() {
    return progress;
  }

  /** Builds {@link TranscriptionOptions}. */
  public static final class Builder {
    private String language;
    private String prompt;
    private boolean wordTimestamps = true;
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

    public Builder prompt(String prompt) {
      this.prompt = prompt;
      return this;
    }

    public Builder wordTimestamps(boolean wordTimestamps) {
      this.wordTimestamps = wordTimestamps;
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

    public Builder timeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    public TranscriptionOptions build() {
      return new TranscriptionOptions(this);
    }
  }
}
