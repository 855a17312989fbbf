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
 * kept as written. Plain text (a transcript, a translation, user input) goes in through {@link #ofPlainText} or
 * {@link Builder#plainText}, which escape it so that every character shows as written in every format; hand-written
 * markup goes through {@link #of} or {@link Builder#markup}, which reject text that is not well-formed markup (a
 * bare {@code <}) instead of losing it; {@link Builder#text} takes cue text as read from a file, unchecked. Words hold
 * plain text.
 *
 * <p>Timing: {@link #retimed(TimeMap)} moves the cue, its words and the timestamp tags in its text together.
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
   * A cue with the given times and markup and nothing else.
   *
   * @param startMs start in milliseconds, {@code >= 0}
   * @param endMs end in milliseconds, {@code > startMs}
   * @param markup WebVTT cue text such as {@code "<i>Hi</i> &amp; bye"}; for plain text use {@link #ofPlainText}
   * @throws IllegalArgumentException when the times are out of order or the markup is not well-formed (see
   *     {@link CueMarkup#problem(String)}), e.g. {@code "Tom & Jerry <3 them"}, whose {@code <3 them} would be lost
   * @return the cue
   */
  public static Cue of(long startMs, long endMs, String markup) {
    return builder().startMs(startMs).endMs(endMs).markup(markup).build();
  }

  /**
   * A cue showing {@code plain} exactly as written, in every format: {@code & < >} are escaped, line breaks
   * normalised to {@code '\n'} (see {@link CueMarkup#escape(String)}).
   *
   * @param startMs start in milliseconds, {@code >= 0}
   * @param endMs end in milliseconds, {@code > startMs}
   * @param plain the text, not null
   * @throws IllegalArgumentException when the times are out of order or {@code plain} is null
   * @return the cue
   */
  public static Cue ofPlainText(long startMs, long endMs, String plain) {
    return builder().startMs(startMs).endMs(endMs).plainText(plain).build();
  }

  /**
   * A new builder with no times and no text.
   *
   * @return a builder, never null
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this cue's values.
   *
   * @return a new builder, never null
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
   * How long the cue shows.
   *
   * @return {@code endMs() - startMs()} in milliseconds, always {@code > 0}
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

  /**
   * This cue moved by {@code map}: start, end, every word and every timestamp tag in the text ({@code <00:01.500>}).
   *
   * @param map the time mapping, not null
   * @return the moved cue, or this cue when the map is the identity
   * @throws IllegalArgumentException when the cue would end at or before 0 ms (a track drops such cues: see
   *     {@link TimeMap#retime(CaptionTrack)}); a start before 0 is clamped to 0, as are words
   */
  public Cue retimed(TimeMap map) {
    Objects.requireNonNull(map, "map == null");
    if (map.isIdentity()) return this;
    long end = map.applyAsLong(endMs);
    if (end <= 0) {
      throw new IllegalArgumentException("cue " + Timecodes.format(startMs) + " --> " + Timecodes.format(endMs)
          + " would end at " + end + " ms, before the start of the media");
    }
    long start = Math.max(0, map.applyAsLong(startMs));
    if (start >= end) start = end - 1; // a map can only shrink a cue this far by rounding
    List<TimedWord> moved = new ArrayList<>(words.size());
    for (TimedWord w : words) {
      long ws = Math.max(0, map.applyAsLong(w.startMs()));
      long we = Math.max(ws, map.applyAsLong(w.endMs()));
      moved.add(TimedWord.of(w.text(), ws, we, w.confidence(), w.speaker()));
    }
    return toBuilder().startMs(start).endMs(end).text(CueMarkup.retimeTimestamps(text, map)).words(moved).build();
  }

  /**
   * This cue moved by {@code offsetMs} (see {@link #retimed(TimeMap)}).
   *
   * @param offsetMs milliseconds to add, may be negative
   * @return the moved cue
   * @throws IllegalArgumentException when the cue would end at or before 0 ms
   */
  public Cue shiftedBy(long offsetMs) {
    return retimed(TimeMap.shift(offsetMs));
  }

  /**
   * This cue with a WebVTT timestamp tag ({@code <00:00:01.200>}) before each word of its text, at the start of the
   * {@link #words()} it was made of: the cue-text form players use for karaoke-style word highlighting (Whisper's
   * {@code --highlight_words}). The text keeps its markup and line breaks; a tag goes before each whitespace-separated
   * token whose letters and digits match the next timed word (matched in order, looking up to four words ahead, so
   * punctuation-only tokens and words missing from the text are skipped rather than shifted onto other words). A
   * tag is only written when it is strictly after the cue start, after the previous tag and before the cue end, as
   * WebVTT requires; the first word, spoken as the cue starts, needs none.
   *
   * <p>Formats write the tags their own way: WebVTT keeps them, ASS as {@code {\kNN}} karaoke durations, TTML as
   * timed spans, SRT reports them as lost.
   *
   * @return the cue with timestamp tags; this cue when it has no words, its text already holds timestamp tags, or no
   *     word starts inside the cue
   */
  public Cue withWordTimestamps() {
    if (words.isEmpty()) return this;
    String tagged = CueMarkup.insertWordTimestamps(text, words, startMs, endMs);
    return tagged == text ? this : toBuilder().text(tagged).build();
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
     * The cue identifier.
     *
     * @param id the id, or null for none; must not contain a line break or {@code "-->"} (checked by {@link #build()})
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * The start time.
     *
     * @param startMs milliseconds from the start of the media, {@code >= 0} (checked by {@link #build()})
     * @return this builder
     */
    public Builder startMs(long startMs) {
      this.startMs = startMs;
      return this;
    }

    /**
     * The end time.
     *
     * @param endMs milliseconds from the start of the media, {@code > startMs} (checked by {@link #build()})
     * @return this builder
     */
    public Builder endMs(long endMs) {
      this.endMs = endMs;
      return this;
    }

    /**
     * The cue text as WebVTT markup, unchecked: for codecs passing on what a file holds. Markup written by hand belongs
     * in {@link #markup(String)}, plain text in {@link #plainText(String)}.
     *
     * @param text WebVTT cue text; null fails in {@link #build()}
     * @return this builder
     */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /**
     * The cue text as WebVTT markup, checked now.
     *
     * @param markup WebVTT cue text such as {@code "<i>Hi</i>"}
     * @return this builder
     * @throws IllegalArgumentException when the markup is not well-formed ({@link CueMarkup#problem(String)} says
     *     what and where), or is null
     */
    public Builder markup(String markup) {
      if (markup == null) throw new IllegalArgumentException("markup == null");
      String problem = CueMarkup.problem(markup);
      if (problem != null) throw new IllegalArgumentException("cue markup: " + problem);
      this.text = markup;
      return this;
    }

    /**
     * The cue text as plain text, shown exactly as written in every format ({@link CueMarkup#escape(String)}).
     *
     * @param plain the text; lines may be separated by LF, CR or CRLF
     * @return this builder
     * @throws IllegalArgumentException when {@code plain} is null
     */
    public Builder plainText(String plain) {
      if (plain == null) throw new IllegalArgumentException("plain text == null");
      this.text = CueMarkup.escape(plain);
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
     * The speaker.
     *
     * @param speaker the name, or null when unknown
     * @return this builder
     */
    public Builder speaker(String speaker) {
      this.speaker = speaker;
      return this;
    }

    /**
     * WebVTT positioning.
     *
     * @param settings the settings, not null ({@link CueSettings#DEFAULT} for none)
     * @return this builder
     * @throws NullPointerException if {@code settings} is null
     */
    public Builder settings(CueSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings == null");
      return this;
    }

    /**
     * The timed words the cue is made of.
     *
     * @param words ordered by start time (checked by {@link #build()}), copied, not null
     * @return this builder
     * @throws NullPointerException if {@code words} is null
     */
    public Builder words(List<TimedWord> words) {
      this.words = List.copyOf(Objects.requireNonNull(words, "words == null"));
      return this;
    }

    /**
     * The cue.
     *
     * @return a new immutable cue
     * @throws IllegalArgumentException naming the broken invariant, e.g.
     *     {@code "endMs (900) must be greater than startMs (1000)"}
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
