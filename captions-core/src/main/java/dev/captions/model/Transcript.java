package dev.captions.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What a {@code Transcriber} heard: timed words and/or segments, the language it detected and whatever the provider
 * reported about itself. Times may be untrusted (LLM providers); the shaping engine repairs them before they become cues.
 * Immutable.
 */
public final class Transcript {
  private final List<TimedWord> words;
  private final List<Segment> segments;
  private final String language;
  private final Long mediaDurationMs;
  private final Map<String, String> providerMetadata;

  private Transcript(Builder b) {
    this.words = List.copyOf(b.words);
    this.segments = List.copyOf(b.segments);
    this.language = b.language;
    this.mediaDurationMs = b.mediaDurationMs;
    this.providerMetadata = Map.copyOf(b.providerMetadata);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** An empty transcript (e.g. silence, or a provider that reported no speech). */
  public static Transcript empty(String language) {
    return builder().language(language).build();
  }

  public Builder toBuilder() {
    return builder().words(words).segments(segments).language(language).durationOrUnknown(mediaDurationMs)
        .providerMetadata(providerMetadata);
  }

  /** Word-level timings when the provider gave them, else empty. */
  public List<TimedWord> words() {
    return words;
  }

  /** Segment-level timings when the provider gave them, else empty. */
  public List<Segment> segments() {
    return segments;
  }

  /** The spoken language as BCP-47 (detected or as asked), {@code "und"} when unknown. */
  public String language() {
    return language;
  }

  /** The media's duration in milliseconds when the provider or the pipeline knows it; empty otherwise. */
  public OptionalLong mediaDurationMs() {
    return mediaDurationMs == null ? OptionalLong.empty() : OptionalLong.of(mediaDurationMs);
  }

  /** Provider facts worth keeping (model name, request id, …). Never holds secrets. */
  public Map<String, String> providerMetadata() {
    return providerMetadata;
  }

  public boolean isEmpty() {
    return words.isEmpty() && segments.stream().allMatch(s -> s.text().isBlank());
  }

  /** The whole text, words joined by spaces (or segment texts when there are no words). */
  public String text() {
    StringBuilder sb = new StringBuilder();
    if (!words.isEmpty()) {
      for (TimedWord w : words) {
        if (sb.length() > 0) sb.append(' ');
        sb.append(w.text());
      }
    } else {
      for (Segment s : segments) {
        if (sb.length() > 0) sb.append(' ');
        sb.append(s.text().trim());
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Transcript)) return false;
    Transcript t = (Transcript) o;
    return words.equals(t.words) && segments.equals(t.segments) && language.equals(t.language)
        && Objects.equals(mediaDurationMs, t.mediaDurationMs) && providerMetadata.equals(t.providerMetadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(words, segments, language, mediaDurationMs, providerMetadata);
  }

  @Override
  public String toString() {
    return "Transcript{language=" + language + ", words=" + words.size() + ", segments=" + segments.size() + '}';
  }

  /** Builds a {@link Transcript}. Not thread-safe. */
  public static final class Builder {
    private List<TimedWord> words = new ArrayList<>();
    private List<Segment> segments = new ArrayList<>();
    private String language = "und";
    private Long mediaDurationMs;
    private Map<String, String> providerMetadata = Map.of();

    private Builder() {}

    public Builder words(List<TimedWord> words) {
      this.words = new ArrayList<>(Objects.requireNonNull(words, "words == null"));
      return this;
    }

    public Builder segments(List<Segment> segments) {
      this.segments = new ArrayList<>(Objects.requireNonNull(segments, "segments == null"));
      return this;
    }

    public Builder language(String language) {
      this.language = Objects.requireNonNull(language, "language == null");
      return this;
    }

    /**
     * The media's duration, when known (unknown by default).
     *
     * @param mediaDurationMs milliseconds, {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder mediaDurationMs(long mediaDurationMs) {
      if (mediaDurationMs < 0) {
        throw new IllegalArgumentException("mediaDurationMs (" + mediaDurationMs + ") must be >= 0");
      }
      this.mediaDurationMs = mediaDurationMs;
      return this;
    }

    private Builder durationOrUnknown(Long mediaDurationMs) {
      this.mediaDurationMs = mediaDurationMs;
      return this;
    }

    public Builder providerMetadata(Map<String, String> providerMetadata) {
      this.providerMetadata = Objects.requireNonNull(providerMetadata, "providerMetadata == null");
      return this;
    }

    public Transcript build() {
      return new Transcript(this);
    }
  }
}
