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

  /** Options translating into {@code targetLanguage} (BCP-47). */
  public static TranslationOptions to(String targetLanguage) {
    return builder(targetLanguage).build();
  }

  public static Builder builder(String targetLanguage) {
    return new Builder(targetLanguage);
  }

  public String targetLanguage() {
    return targetLanguage;
  }

  /** The source language when known; otherwise the track's own language is used. */
  public Optional<String> sourceLanguage() {
    return Optional.ofNullable(sourceLanguage);
  }

  /** Extra instructions for LLM translators (tone, glossary). */
  public Optional<String> instructions() {
    return Optional.ofNullable(instructions);
  }

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

    public Builder sourceLanguage(String sourceLanguage) {
      this.sourceLanguage = sourceLanguage;
      return this;
    }

    public Builder instructions(String instructions) {
      this.instructions = instructions;
      return this;
    }

    public Builder progress(ProgressListener progress) {
      this.progress = Objects.requireNonNull(progress, "progress == null");
      return this;
    }

    public TranslationOptions build() {
      return new TranslationOptions(this);
    }
  }
}
