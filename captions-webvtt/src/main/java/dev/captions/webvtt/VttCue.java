package dev.captions.webvtt;

import dev.captions.model.CueSettings;

/**
 * A cue exactly as the WebVTT parsing algorithm (browser mode) produced it: unlike {@link dev.captions.model.Cue} the
 * end may be at or before the start, the identifier may be empty and the text is the raw cue payload. This is the
 * layer the W3C conformance cases are checked against. Immutable.
 */
public final class VttCue {
  private final String id;
  private final long startMs;
  private final long endMs;
  private final String text;
  private final CueSettings settings;
  private final VttRegion region;
  private final int lineNumber;

  VttCue(String id, long startMs, long endMs, String text, CueSettings settings, VttRegion region, int lineNumber) {
    this.id = id;
    this.startMs = startMs;
    this.endMs = endMs;
    this.text = text;
    this.settings = settings;
    this.region = region;
    this.lineNumber = lineNumber;
  }

  /** {@return the identifier, {@code ""} when none} */
  public String id() {
    return id;
  }

  /**
   * The start time.
   *
   * @return the start in milliseconds
   */
  public long startMs() {
    return startMs;
  }

  /**
   * The end time.
   *
   * @return the end in milliseconds
   */
  public long endMs() {
    return endMs;
  }

  /** {@return the raw cue payload, lines joined with {@code '\n'}} */
  public String text() {
    return text;
  }

  /**
   * The parsed settings; {@link CueSettings#region()} holds the region id when {@link #region()} is not null.
   *
   * @return the parsed settings; {@link CueSettings#region()} holds the region id when {@link #region()} is not null
   */
  public CueSettings settings() {
    return settings;
  }

  /** {@return the region the {@code region:} setting named, or null} */
  public VttRegion region() {
    return region;
  }

  /**
   * 1-based line of the timing line.
   *
   * @return the line number, 1-based
   */
  public int lineNumber() {
    return lineNumber;
  }

  @Override
  public String toString() {
    return "VttCue{line " + lineNumber + ", id=" + id + ", " + startMs + "-" + endMs + "ms, text=" + text.replace("\n", "\\n") + '}';
  }
}
