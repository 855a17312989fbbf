package dev.captions.codec;

import dev.captions.model.CaptionTrack;
import java.util.List;
import java.util.Objects;

/** A track read from a file, with everything the reader skipped or repaired on the way. Immutable. */
public final class ParseResult {
  private final CaptionTrack track;
  private final List<Diagnostic> diagnostics;

  private ParseResult(CaptionTrack track, List<Diagnostic> diagnostics) {
    this.track = Objects.requireNonNull(track, "track == null");
    this.diagnostics = List.copyOf(diagnostics);
  }

  /**
   * A result holding {@code track} and {@code diagnostics}.
   *
   * @param track the track read
   * @param diagnostics the problems found, in input order
   * @return the result
   */
  public static ParseResult of(CaptionTrack track, List<Diagnostic> diagnostics) {
    return new ParseResult(track, diagnostics);
  }

  /**
   * The track read, with bad cues skipped or repaired.
   *
   * @return the track; never null
   */
  public CaptionTrack track() {
    return track;
  }

  /**
   * In input order. Empty for a clean file.
   *
   * @return the diagnostics in input order; empty for a clean file, unmodifiable
   */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
