package dev.captions.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One caption cue: a time range and the text shown during it. Immutable and thread-safe.
 *
 * <p>Invariants, checked by {@link Builder#build()}: {@code 0 <= startMs < endMs}; text not null (it may hold
 * several lines separated by {@code '\n'}); words, when present, are ordered by start time.
 *
 * <p>The text is WebVTT cue text: markup ({@code <i>}, {@code <v Ann>}) and character references ({@code &amp;}) are
 * kept as written; plain text is escaped with {@link CueMarkup#escape(String)}. Words hold plain text.
 */
public final class Cue {
  private final String id;
  private final long startMs;
  private final long endMs;
  private final String text;
  private final String speaker;
  private final CueSettings settings;
  private final List<TimedWord> words;

  private Cue(Builder b) {
    this.id = b.id;
    this.startMs = b.startMs;
    this.endMs = b.endMs;
    this.text = b.text;
    this.speaker = b.speaker;
    this.settings = b.settings;
    this.words = b.words;
  }

  /**
   * A cue with the given times and text and nothing else.
   *
   * @param startMs the start in milliseconds from the start of the media; at least 0
   * @param endMs the end in milliseconds; greater than {@code startMs}
   * @param text the cue text (WebVTT cue text; lines separated by {@code '\n'}); not null
   * @return the cue
   * @throws IllegalArgumentException when the times or the text break the invariants
   */
  public static Cue of(long startMs, long endMs, String text) {
    return builder().startMs(startMs).endMs(endMs).text(text).build();
  }

  /**
   * A builder with no id, no times and no text; {@link Builder#build()} needs times and text.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this cue's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.startMs = startMs;
    b.endMs = endMs;
    b.text = text;
    b.speaker = speaker;
    b.settings = settings;
    b.words = words;
    return b;
  }

  /** {@return the cue identifier, or {@code null} when it has none} Never contains a line break or {@code "-->"}. */
  public String id() {
    return id;
  }

  /** {@return start time in milliseconds from the start of the media} */
  public long startMs() {
    return startMs;
  }

  /** {@return end time in milliseconds from the start of the media; always greater than {@link #startMs()}} */
  public long endMs() {
    return endMs;
  }

  /**
   * The time the cue is shown.
   *
   * @return {@code endMs() - startMs()} in milliseconds, always positive
   */
  public long durationMs() {
    return endMs - startMs;
  }

  /**
   * The cue text; lines are separated by {@code '\n'}.
   *
   * @return the text; never null
   */
  public String text() {
    return text;
  }

  /**
   * The text split into its lines.
   *
   * @return the lines, at least one; unmodifiable
   */
  public List<String> lines() {
    if (text.indexOf('\n') < 0) return List.of(text);
    List<String> lines = new ArrayList<>(2);
    int from = 0;
    for (int i; (i = text.indexOf('\n', from)) >= 0; from = i + 1) lines.add(text.substring(from, i));
    lines.add(text.substring(from));
    return Collections.unmodifiableList(lines);
  }

  /** {@return the speaker, or {@code null} when unknown} */
  public String speaker() {
    return speaker;
  }

  /**
   * WebVTT positioning; {@link CueSettings#DEFAULT} when the cue has none. Never null.
   *
   * @return the settings; never null
   */
  public CueSettings settings() {
    return settings;
  }

  /** {@return the timed words the cue was made of, possibly empty} Unmodifiable. */
  public List<TimedWord> words() {
    return words;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Cue)) return false;
    Cue c = (Cue) o;
    return startMs == c.startMs && endMs == c.endMs && text.equals(c.text) && Objects.equals(id, c.id)
        && Objects.equals(speaker, c.speaker) && settings.equals(c.settings) && words.equals(c.words);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, startMs, endMs, text, speaker, settings, words);
  }

  @Override
  public String toString() {
    return "Cue{" + (id != null ? "id=" + id + ", " : "") + Timecodes.format(startMs) + " --> "
        + Timecodes.format(endMs) + ", text=" + text.replace("\n", "\\n")
        + (speaker != null ? ", speaker=" + speaker : "") + (settings.isDefault() ? "" : ", " + settings) + '}';
  }

  /** Builds a {@link Cue}. Not thread-safe. */
  public static final class Builder {
    private String id;
    private long startMs = -1;
    private long endMs = -1;
    private String text;
    private String speaker;
    private CueSettings settings = CueSettings.DEFAULT;
    private List<TimedWord> words = List.of();

    private Builder() {}

    /**
     * Sets the cue identifier.
     *
     * @param id the identifier, or {@code null} for none; no line break or {@code "-->"}
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the start time.
     *
     * @param startMs the start in milliseconds from the start of the media
     * @return this builder
     */
    public Builder startMs(long startMs) {
      this.startMs = startMs;
      return this;
    }

    /**
     * Sets the end time.
     *
     * @param endMs the end in milliseconds from the start of the media
     * @return this builder
     */
    public Builder endMs(long endMs) {
      this.endMs = endMs;
      return this;
    }

    /**
     * Sets the cue text.
     *
     * @param text WebVTT cue text, lines separated by {@code '\n'}
     * @return this builder
     */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /**
     * Sets the text from lines, joined with {@code '\n'}.
     *
     * @param lines the lines; not null
     * @return this builder
     */
    public Builder lines(List<String> lines) {
      Objects.requireNonNull(lines, "lines == null");
      this.text = String.join("\n", lines);
      return this;
    }

    /**
     * Sets the speaker.
     *
     * @param speaker the speaker's name, or {@code null} when unknown
     * @return this builder
     */
    public Builder speaker(String speaker) {
      this.speaker = speaker;
      return this;
    }

    /**
     * Sets the WebVTT positioning.
     *
     * @param settings the settings; not null ({@link CueSettings#DEFAULT} for none)
     * @return this builder
     */
    public Builder settings(CueSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    /**
     * Sets the timed words the cue is made of.
     *
     * @param words the words in time order; copied, not null
     * @return this builder
     */
    public Builder words(List<TimedWord> words) {
      this.words = List.copyOf(Objects.requireNonNull(words, "words == null"));
      return this;
    }

    /**
     * @throws IllegalArgumentException naming the broken invariant, e.g.
     *     {@code "endMs (900) must be greater than startMs (1000)"}
     * @return the cue
     */
    public Cue build() {
      if (startMs < 0) throw new IllegalArgumentException("startMs (" + startMs + ") must be >= 0");
      if (endMs <= startMs) {
        throw new IllegalArgumentException("endMs (" + endMs + ") must be greater than startMs (" + startMs + ")");
      }
      if (text == null) throw new IllegalArgumentException("text == null");
      if (id != null && (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0 || id.contains("-->"))) {
        throw new IllegalArgumentException("id must not contain a line break or \"-->\": " + id.replace("\n", "\\n"));
      }
      for (int i = 1; i < words.size(); i++) {
        if (words.get(i).startMs() < words.get(i - 1).startMs()) {
          throw new IllegalArgumentException("words must be ordered by startMs; word " + i + " ('"
              + words.get(i).text() + "') starts before word " + (i - 1));
        }
      }
      return new Cue(this);
    }
  }
}
