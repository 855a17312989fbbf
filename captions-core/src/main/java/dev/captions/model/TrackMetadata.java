package dev.captions.model;

import java.util.List;
import java.util.Objects;

/**
 * What a caption file holds besides its cues: the text after the {@code WEBVTT} signature, {@code STYLE} blocks kept
 * verbatim, {@code REGION} definitions and {@code NOTE} comments. Formats that have none of these (SRT) leave it
 * {@link #EMPTY}. Immutable.
 */
public final class TrackMetadata {
  /** No header text, styles, regions or notes. */
  public static final TrackMetadata EMPTY = new TrackMetadata("", List.of(), List.of(), List.of());

  private final String header;
  private final List<String> styles;
  private final List<Region> regions;
  private final List<String> notes;

  private TrackMetadata(String header, List<String> styles, List<Region> regions, List<String> notes) {
    this.header = Objects.requireNonNull(header, "header == null");
    this.styles = List.copyOf(styles);
    this.regions = List.copyOf(regions);
    this.notes = List.copyOf(notes);
  }

  /**
   * @param header the text after {@code WEBVTT} on the signature line plus any header lines, {@code ""} for none
   * @param styles the bodies of {@code STYLE} blocks, verbatim
   * @param regions the {@code REGION} definitions
   * @param notes the bodies of {@code NOTE} blocks (without the {@code NOTE} keyword)
   * @return the metadata
   */
  public static TrackMetadata of(String header, List<String> styles, List<Region> regions, List<String> notes) {
    return new TrackMetadata(header, styles, regions, notes);
  }

  /**
   * The header text after {@code WEBVTT}.
   *
   * @return the text, {@code ""} for none
   */
  public String header() {
    return header;
  }

  /**
   * The bodies of {@code STYLE} blocks, verbatim.
   *
   * @return the styles; unmodifiable
   */
  public List<String> styles() {
    return styles;
  }

  /**
   * The {@code REGION} definitions.
   *
   * @return the regions; unmodifiable
   */
  public List<Region> regions() {
    return regions;
  }

  /**
   * The bodies of {@code NOTE} blocks.
   *
   * @return the notes; unmodifiable
   */
  public List<String> notes() {
    return notes;
  }

  /**
   * Whether there is no metadata at all.
   *
   * @return true when header, styles, regions and notes are all empty
   */
  public boolean isEmpty() {
    return header.isEmpty() && styles.isEmpty() && regions.isEmpty() && notes.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof TrackMetadata)) return false;
    TrackMetadata m = (TrackMetadata) o;
    return header.equals(m.header) && styles.equals(m.styles) && regions.equals(m.regions) && notes.equals(m.notes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(header, styles, regions, notes);
  }

  @Override
  public String toString() {
    return "TrackMetadata{header=" + header + ", styles=" + styles.size() + ", regions=" + regions + ", notes=" + notes.size() + '}';
  }
}
