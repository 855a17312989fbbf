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
  private final List<DroppedItem> dropped;

  private Transcript(Builder b) {
    this.words = List.copyOf(b.words);
    this.segments = List.copyOf(b.segments);
    this.language = b.language;
    this.mediaDurationMs = b.mediaDurationMs;
    this.providerMetadata = Map.copyOf(b.providerMetadata);
    this.dropped = List.copyOf(b.dropped);
  }

  /**
   * A builder for a transcript.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An empty transcript (e.g. silence, or a provider that reported no speech).
   *
   * @param language the spoken language as BCP-47, or {@code "und"}
   * @return a transcript with no words and no segments
   */
  public static Transcript empty(String language) {
    return builder().language(language).build();
  }

  /**
   * A builder holding a copy of this transcript.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return builder().words(words).segments(segments).language(language).durationOrUnknown(mediaDurationMs)
        .providerMetadata(providerMetadata).dropped(dropped);
  }

  /**
   * Word-level timings when the provider gave them, else empty.
   *
   * @return the words in time order, possibly empty; unmodifiable
   */
  public List<TimedWord> words() {
    return words;
  }

  /**
   * Segment-level timings when the provider gave them, else empty.
   *
   * @return the segments in time order, possibly empty; unmodifiable
   */
  public List<Segment> segments() {
    return segments;
  }

  /** {@return the spoken language as BCP-47 (detected or as asked), {@code "und"} when unknown} */
  public String language() {
    return language;
  }

  /** {@return the media's duration in milliseconds when the provider or the pipeline knows it; empty otherwise} */
  public OptionalLong mediaDurationMs() {
    return mediaDurationMs == null ? OptionalLong.empty() : OptionalLong.of(mediaDurationMs);
  }

  /**
   * Provider facts worth keeping (model name, request id, …). Never holds secrets.
   *
   * @return the metadata; unmodifiable, possibly empty
   */
  public Map<String, String> providerMetadata() {
    return providerMetadata;
  }

  /**
   * The items of the provider's reply that could not be used (e.g. cues with unreadable times) and are not in
   * {@link #segments()}; empty when nothing was left out. Unmodifiable; never {@code null}.
   *
   * @return the dropped items in reply order; unmodifiable, empty when nothing was left out
   */
  public List<DroppedItem> dropped() {
    return dropped;
  }

  /**
   * The speaker labels found in the words and segments (diarisation), in order of first appearance: provider labels
   * such as {@code "A"} or {@code "speaker_0"}, or names after {@link #withSpeakerNames}. Labels from different
   * transcription requests (chunks of a long media) may name different people: see the provider's documentation.
   *
   * @return the distinct labels; empty when nothing is labelled; unmodifiable
   */
  public List<String> speakers() {
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    for (TimedWord w : words) if (w.speaker() != null) out.add(w.speaker());
    for (Segment s : segments) {
      if (s.speaker() != null) out.add(s.speaker());
      for (TimedWord w : s.words()) if (w.speaker() != null) out.add(w.speaker());
    }
    return List.copyOf(out);
  }

  /**
   * This transcript with speaker labels replaced by names (e.g. {@code "A" -> "Ana"}), in its words, its segments and
   * their words. Labels not in {@code names} stay as they are.
   *
   * @param names label to name; not null, no null keys or values, no blank names
   * @return the renamed transcript ({@code this} when {@code names} is empty)
   * @throws IllegalArgumentException when a name is blank
   */
  public Transcript withSpeakerNames(Map<String, String> names) {
    Objects.requireNonNull(names, "names == null");
    if (names.isEmpty()) return this;
    for (Map.Entry<String, String> e : names.entrySet()) {
      Objects.requireNonNull(e.getKey(), "speaker label == null");
      Objects.requireNonNull(e.getValue(), "name for speaker '" + e.getKey() + "' == null");
      if (e.getValue().isBlank()) {
        throw new IllegalArgumentException("The name for speaker '" + e.getKey() + "' is blank; give a name or leave "
            + "the label out.");
      }
    }
    List<Segment> renamedSegments = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      renamedSegments.add(Segment.of(s.startMs(), s.endMs(), s.text(), rename(s.speaker(), names),
          renamed(s.words(), names)));
    }
    return toBuilder().words(renamed(words, names)).segments(renamedSegments).build();
  }

  private static List<TimedWord> renamed(List<TimedWord> words, Map<String, String> names) {
    List<TimedWord> out = new ArrayList<>(words.size());
    for (TimedWord w : words) out.add(w.speaker() == null ? w : w.withSpeaker(rename(w.speaker(), names)));
    return out;
  }

  private static String rename(String speaker, Map<String, String> names) {
    return speaker == null ? null : names.getOrDefault(speaker, speaker);
  }

  /**
   * Whether the transcript holds no speech.
   *
   * @return true when it has neither words nor segments
   */
  public boolean isEmpty() {
    return words.isEmpty() && segments.stream().allMatch(s -> s.text().isBlank());
  }

  /** {@return the whole text, words joined by spaces (or segment texts when there are no words)} */
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
        && Objects.equals(mediaDurationMs, t.mediaDurationMs) && providerMetadata.equals(t.providerMetadata)
        && dropped.equals(t.dropped);
  }

  @Override
  public int hashCode() {
    return Objects.hash(words, segments, language, mediaDurationMs, providerMetadata, dropped);
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
    private List<DroppedItem> dropped = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the word-level timings.
     *
     * @param words the words in time order; copied
     * @return this builder
     */
    public Builder words(List<TimedWord> words) {
      this.words = new ArrayList<>(Objects.requireNonNull(words, "words == null"));
      return this;
    }

    /**
     * Sets the segment-level timings.
     *
     * @param segments the segments in time order; copied
     * @return this builder
     */
    public Builder segments(List<Segment> segments) {
      this.segments = new ArrayList<>(Objects.requireNonNull(segments, "segments == null"));
      return this;
    }

    /**
     * Sets the spoken language.
     *
     * @param language a BCP-47 tag; {@code "und"} when unknown
     * @return this builder
     */
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

    /**
     * Sets the provider facts worth keeping (never secrets).
     *
     * @param providerMetadata the facts; copied, not null
     * @return this builder
     */
    public Builder providerMetadata(Map<String, String> providerMetadata) {
      this.providerMetadata = Objects.requireNonNull(providerMetadata, "providerMetadata == null");
      return this;
    }

    /**
     * The items of the provider's reply left out as unusable ({@link Transcript#dropped()}). Default none.
     *
     * @param dropped the items; not {@code null}
     * @return this builder
     */
    public Builder dropped(List<DroppedItem> dropped) {
      this.dropped = new ArrayList<>(Objects.requireNonNull(dropped, "dropped == null"));
      return this;
    }

    /**
     * Builds the transcript.
     *
     * @return the transcript
     */
    public Transcript build() {
      return new Transcript(this);
    }
  }
}
