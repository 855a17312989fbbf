package dev.captions.shaping;

import java.util.List;

/** PLACEHOLDER until the shaping engine lands (issue 4). */
public final class CaptionQualityReport {
  private final List<String> violations;
  private final List<String> repairs;

  public CaptionQualityReport(List<String> violations, List<String> repairs) {
    this.violations = List.copyOf(violations);
    this.repairs = List.copyOf(repairs);
  }

  public List<String> violations() {
    return violations;
  }

  public List<String> repairs() {
    return repairs;
  }

  /** One line for the CLI. */
  public String summary() {
    return violations.size() + " violations, " + repairs.size() + " repairs";
  }
}
