package dev.captions.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The immutable {@link CaptionTrack} the SDK builds. */
public final class DefaultCaptionTrack implements CaptionTrack {
  // BCP-47 shape only (language, then subtags); whether the language exists is not our business.
  private static final Pattern BCP47 = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

  private final String language;
  private final TrackKind kind;
  private final List<Cue> cues;
  private final TrackMetadata metadata;

  private DefaultCaptionTrack(Builder b) {
    this.language = b.language;
    this.kind = b.kind;
    this.cues = List.copyOf(b.cues);
    this.metadata = b.metadata;
  }

  /**
   * A builder for an empty {@code "und"} subtitle track with no metadata.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String language() {
    return language;
  }

  @Override
  public TrackKind kind() {
    return kind;
  }

  @Override
  public List<Cue> cues() {
    return cues;
  }

  @Override
  public TrackMetadata metadata() {
    return metadata;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof CaptionTrack)) return false;
    CaptionTrack t = (CaptionTrack) o;
    return language.equals(t.language()) && kind == t.kind() && cues.equals(t.cues()) && metadata.equals(t.metadata());
  }

  @Override
  public int hashCode() {
    return Objects.hash(language, kind, cues, metadata);
  }

  @Override
  public String toString() {
    return "CaptionTrack{language=" + language + ", kind=" + kind.keyword() + ", cues=" + cues.size() + '}';
  }

  /** Builds a {@link DefaultCaptionTrack}. Defaults: language {@code "und"}, kind captions, no cues. */
  public static final class Builder {
    private String language = "und";
    private TrackKind kind = TrackKind.CAPTIONS;
    private List<Cue> cues = new ArrayList<>();
    private TrackMetadata metadata = TrackMetadata.EMPTY;

    private Builder() {}

    /**
     * A BCP-47 tag such as {@code "en"}, {@code "es-419"}; {@code "und"} when unknown.
     *
     * @param language the tag
     * @return this builder
     */
    public Builder language(String language) {
      this.language = Objects.requireNonNull(language, "language == null");
      return this;
    }

    /**
     * Sets what the track is for.
     *
     * @param kind the kind; not null
     * @return this builder
     */
    public Builder kind(TrackKind kind) {
      this.kind = Objects.requireNonNull(kind, "kind == null");
      return this;
    }

    /**
     * Replaces the cues.
     *
     * @param cues the cues in file order; copied, not null
     * @return this builder
     */
    public Builder cues(List<Cue> cues) {
      this.cues = new ArrayList<>(Objects.requireNonNull(cues, "cues == null"));
      return this;
    }

    /**
     * Adds a cue at the end.
     *
     * @param cue the cue; not null
     * @return this builder
     */
    public Builder addCue(Cue cue) {
      cues.add(Objects.requireNonNull(cue, "cue == null"));
      return this;
    }

    /**
     * Sets the header, styles, regions and notes.
     *
     * @param metadata the metadata; not null
     * @return this builder
     */
    public Builder metadata(TrackMetadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata == null");
      return this;
    }

    /**
     * @throws IllegalArgumentException when the language is not a BCP-47 tag or a cue is null
     *
     * @return the track
     */
    public DefaultCaptionTrack build() {
      if (!BCP47.matcher(language).matches()) {
        throw new IllegalArgumentException("language '" + language + "' is not a BCP-47 tag (e.g. \"en\", \"pt-BR\", \"und\")");
      }
      for (int i = 0; i < cues.size(); i++) {
        if (cues.get(i) == null) throw new IllegalArgumentException("cue " + i + " is null");
      }
      return new DefaultCaptionTrack(this);
    }
  }
}
