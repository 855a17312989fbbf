package dev.captions.model;

import java.util.List;

/**
 * A timed text track: cues in one language, of one kind. Implementations must be immutable and thread-safe;
 * {@link #builder()} gives the default one. Two tracks are equal when language, kind, cues and metadata are equal,
 * whatever their class (implementations follow {@link DefaultCaptionTrack#equals(Object)}).
 */
public interface CaptionTrack {
  /**
   * The BCP-47 language tag, e.g. {@code "en"} or {@code "pt-BR"}; {@code "und"} when unknown. Never null.
   *
   * @return the language tag; never null
   */
  String language();

  /**
   * What the track is for (subtitles, captions, chapters, ...).
   *
   * @return the kind; never null
   */
  TrackKind kind();

  /** {@return the cues in file order (start-time order for tracks the SDK produces)} Unmodifiable. */
  List<Cue> cues();

  /**
   * Header text, styles, regions and notes; {@link TrackMetadata#EMPTY} when there are none.
   *
   * @return the metadata; never null
   */
  TrackMetadata metadata();

  /** {@return the end of the last cue in milliseconds, or 0 for an empty track} */
  default long endMs() {
    long end = 0;
    for (Cue c : cues()) end = Math.max(end, c.endMs());
    return end;
  }

  /**
   * This track with no {@link Cue#words() timed words} on its cues: what a caption file is asked to show when its
   * words are not asked for (they are the cues' source, not their text; {@link Cue#withWordTimestamps()} puts their
   * times in the text for highlighting). Writing it tells a codec not to report the words as lost.
   *
   * @return the track without words; this track when no cue has any
   */
  default CaptionTrack withoutWords() {
    boolean any = false;
    for (Cue c : cues()) any |= !c.words().isEmpty();
    if (!any) return this;
    List<Cue> cues = new java.util.ArrayList<>(cues().size());
    for (Cue c : cues()) cues.add(c.words().isEmpty() ? c : c.toBuilder().words(List.of()).build());
    return toBuilder().cues(cues).build();
  }

  /** {@return a builder holding a copy of this track} */
  default DefaultCaptionTrack.Builder toBuilder() {
    return builder().language(language()).kind(kind()).cues(cues()).metadata(metadata());
  }

  /**
   * A builder for a {@link DefaultCaptionTrack}.
   *
   * @return a new builder
   */
  static DefaultCaptionTrack.Builder builder() {
    return DefaultCaptionTrack.builder();
  }

  /**
   * A track with the given cues and no metadata.
   *
   * @param language a BCP-47 tag, or {@code "und"}
   * @param kind what the track is for
   * @param cues the cues; copied
   * @return the track
   */
  static CaptionTrack of(String language, TrackKind kind, List<Cue> cues) {
    return builder().language(language).kind(kind).cues(cues).build();
  }
}
