package dev.captions.spi;

import dev.captions.ProgressListener;
import java.util.Objects;
import java.util.Optional;

/** Options for {@link Translator#translate}. Immutable. */
public final class TranslationOptions {
  private final String targetLanguage;
  private final String sourceLanguage;
  private final String instructions;
  private final ProgressListener progress;

  private TranslationOptions(Builder b) {
    this.targetLanguage = b.targetLanguage;
    this.sourceLanguage = b.sourceLanguage;
    this.instructions = b.instructions;
    this.progress = b.progress;
  }

  /**
   * Options translating into {@code targetLanguage} (BCP-47).
   *
   * @param targetLanguage the language to translate into
   * @return the options
   */
  public static TranslationOptions to(String targetLanguage) {
    return builder(targetLanguage).build();
  }

  /**
   * A builder for a translation into {@code targetLanguage}.
   *
   * @param targetLanguage a BCP-47 tag; not null
   * @return a new builder
   */
  public static Builder builder(String targetLanguage) {
    return new Builder(targetLanguage);
  }

  /**
   * The language to translate into.
   *
   * @return a BCP-47 tag; never null
   */
  public String targetLanguage() {
    return targetLanguage;
  }

  /** {@return the source language when known; otherwise the track's own language is used} */
  public Optional<String> sourceLanguage() {
    return Optional.ofNullable(sourceLanguage);
  }

  /**
   * Extra instructions for LLM translators (tone, glossary).
   *
   * @return the instructions, or empty for none
   */
  public Optional<String> instructions() {
    return Optional.ofNullable(instructions);
  }

  /**
   * The listener told about progress.
   *
   * @return the listener; never null
   */
  public ProgressListener progress() {
    return progress;
  }

  /** Builds {@link TranslationOptions}. */
  public static final class Builder {
    private final String targetLanguage;
    private String sourceLanguage;
    private String instructions;
    private ProgressListener progress = ProgressListener.NONE;

    private Builder(String targetLanguage) {
      Objects.requireNonNull(targetLanguage, "targetLanguage == null");
      if (targetLanguage.isBlank()) throw new IllegalArgumentException("targetLanguage must not be blank");
      this.targetLanguage = targetLanguage;
    }

    /**
     * Sets the source language.
     *
     * @param sourceLanguage a BCP-47 tag, or {@code null} to use the track's
     * @return this builder
     */
    public Builder sourceLanguage(String sourceLanguage) {
      this.sourceLanguage = sourceLanguage;
      return this;
    }

    /**
     * Sets extra instructions.
     *
     * @param instructions tone or glossary, or {@code null}
     * @return this builder
     */
    public Builder instructions(String instructions) {
      this.instructions = instructions;
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
    public TranslationOptions build() {
      return new TranslationOptions(this);
    }
  }
}
