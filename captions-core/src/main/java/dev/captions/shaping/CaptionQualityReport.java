package dev.captions.shaping;

import dev.captions.align.AlignmentReport;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a shaped track still breaks and what the engine changed to get there. Immutable and thread-safe.
 */
public final class CaptionQualityReport {
  private final String profileName;
  private final int cueCount;
  private final List<Violation> violations;
  private final List<Repair> repairs;
  private final List<String> notes;
  private final AlignmentReport alignment;

  /**
   * A report on a track of {@code cueCount} cues.
   *
   * @param profileName the name of the profile checked against
   * @param cueCount the number of cues in the track
   * @param violations the remaining violations; copied
   * @param repairs the changes made to the input; copied
   */
  public CaptionQualityReport(String profileName, int cueCount, List<Violation> violations, List<Repair> repairs) {
    this(profileName, cueCount, violations, repairs, List.of(), null);
  }

  private CaptionQualityReport(String profileName, int cueCount, List<Violation> violations, List<Repair> repairs,
      List<String> notes, AlignmentReport alignment) {
    this.profileName = Objects.requireNonNull(profileName, "profileName == null");
    this.cueCount = cueCount;
    this.violations = List.copyOf(violations);
    this.repairs = List.copyOf(repairs);
    this.notes = List.copyOf(notes);
    this.alignment = alignment;
  }

  /**
   * A copy that says how the transcript's times were aligned to the audio before shaping.
   *
   * @param alignment the alignment's report; not null
   * @return a new report with it; this one is unchanged
   */
  public CaptionQualityReport withAlignment(AlignmentReport alignment) {
    Objects.requireNonNull(alignment, "alignment == null");
    return new CaptionQualityReport(profileName, cueCount, violations, repairs, notes, alignment);
  }

  /**
   * How the transcript's times were aligned to the audio: words anchored, interpolated, left as given, and the
   * largest correction; empty when no alignment ran.
   *
   * @return the alignment report, or empty
   */
  public java.util.Optional<AlignmentReport> alignment() {
    return java.util.Optional.ofNullable(alignment);
  }

  /**
   * A copy with one more note: something the checks could not do, said in words (e.g. "media length unknown: cues
   * past the end could not be dropped"). Notes are part of {@link #summary()}.
   *
   * @param note one sentence for people; not null or blank
   * @return a new report with the note added; this one is unchanged
   * @throws IllegalArgumentException when {@code note} is blank
   */
  public CaptionQualityReport withNote(String note) {
    if (note == null || note.isBlank()) throw new IllegalArgumentException("note must not be blank");
    List<String> all = new java.util.ArrayList<>(notes);
    all.add(note.strip());
    return new CaptionQualityReport(profileName, cueCount, violations, repairs, all, alignment);
  }

  /** {@return what the checks could not do, in the order noted; empty when they could do everything; unmodifiable} */
  public List<String> notes() {
    return notes;
  }

  /** {@return the name of the profile the track was checked against} */
  public String profileName() {
    return profileName;
  }

  /**
   * The number of cues in the checked track.
   *
   * @return the cue count, at least 0
   */
  public int cueCount() {
    return cueCount;
  }

  /** {@return each remaining violation: cue, rule, measured value, limit and cause} Unmodifiable. */
  public List<Violation> violations() {
    return violations;
  }

  /** {@return each change made to the input} Unmodifiable. */
  public List<Repair> repairs() {
    return repairs;
  }

  /** {@return the number of cues that break at least one rule} */
  public int nonCompliantCues() {
    Set<Integer> cues = new HashSet<>();
    for (Violation v : violations) if (v.cueIndex() >= 0) cues.add(v.cueIndex());
    return cues.size();
  }

  /** {@return the share of cues that break no rule, in [0, 1]; 1 for an empty track} */
  public double compliantShare() {
    return cueCount == 0 ? 1 : (cueCount - nonCompliantCues()) / (double) cueCount;
  }

  /**
   * One line for people, e.g. {@code "netflix-en: 412 cues, 99.3% compliant; 3 violations (READING_SPEED 3);
   * 2 repairs (CLAMPED_TO_MEDIA 1, DROPPED_REPETITION 1)"}.
   *
   * @return the one-line summary; never null
   */
  public String summary() {
    Map<Violation.Rule, Integer> byRule = new EnumMap<>(Violation.Rule.class);
    for (Violation v : violations) byRule.merge(v.rule(), 1, Integer::sum);
    Map<Repair.Kind, Integer> byKind = new EnumMap<>(Repair.Kind.class);
    for (Repair r : repairs) byKind.merge(r.kind(), 1, Integer::sum);
    return profileName + ": " + cueCount + " cues, "
        + String.format(java.util.Locale.ROOT, "%.1f", compliantShare() * 100) + "% compliant; "
        + violations.size() + " violations" + counts(byRule) + "; " + repairs.size() + " repairs" + counts(byKind)
        + (alignment == null ? "" : "; " + alignment.summary())
        + (notes.isEmpty() ? "" : "; " + String.join("; ", notes));
  }

  private static String counts(Map<?, Integer> m) {
    if (m.isEmpty()) return "";
    StringBuilder sb = new StringBuilder(" (");
    m.forEach((k, n) -> sb.append(sb.length() > 2 ? ", " : "").append(k).append(' ').append(n));
    return sb.append(')').toString();
  }

  @Override
  public String toString() {
    return "CaptionQualityReport{" + summary() + '}';
  }
}
