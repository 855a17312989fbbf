package dev.captions.model;

import java.util.Locale;

/** What a track is for, as in HTML {@code <track kind>}. */
public enum TrackKind {
  /** Transcription of dialogue and sound, for viewers who cannot hear the audio. */
  CAPTIONS,
  /** Translation of the dialogue. */
  SUBTITLES,
  /** Chapter titles, for navigation. */
  CHAPTERS,
  /** Text descriptions of the video, for viewers who cannot see it. */
  DESCRIPTIONS,
  /** Data for scripts; not shown. */
  METADATA;

  /** {@return the HTML keyword, e.g. {@code "captions"}} */
  public String keyword() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an HTML keyword, ignoring case. @throws IllegalArgumentException for an unknown keyword
   *
   * @param keyword the keyword, e.g. {@code "subtitles"}
   * @return the kind
   */
  public static TrackKind fromKeyword(String keyword) {
    for (TrackKind k : values()) {
      if (k.name().equalsIgnoreCase(keyword)) return k;
    }
    throw new IllegalArgumentException("unknown track kind '" + keyword + "'; expected one of captions, subtitles, "
        + "chapters, descriptions, metadata");
  }
}
