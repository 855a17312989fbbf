package dev.captions.webvtt.internal;

import dev.captions.codec.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what a write or conversion had to leave out, per kind, and reports it as one warning per kind:
 * {@code "dropped 3 × timed words: WebVTT cannot represent them"}. Not thread-safe.
 */
public final class Losses {
  private final String target;
  private final Map<String, Integer> counts = new TreeMap<>();

  /**
   * A counter for one output format.
   *
   * @param target the format named in the warnings, e.g. {@code "SRT"}
   */
  public Losses(String target) {
    this.target = target;
  }

  /**
   * Counts one more {@code what}.
   *
   * @param what the kind of loss, plural
   */
  public void count(String what) {
    counts.merge(what, 1, Integer::sum);
  }

  /**
   * Counts {@code n} more {@code what}.
   *
   * @param what the kind of loss
   * @param n how many
   */
  public void count(String what, int n) {
    if (n > 0) counts.merge(what, n, Integer::sum);
  }

  /**
   * Sets the count of {@code what} (for losses of the track as a whole, counted once).
   *
   * @param what the kind of loss
   * @param n how many; 0 records nothing
   */
  public void set(String what, int n) {
    if (n > 0) counts.put(what, n);
  }

  /** @return whether nothing was lost so far */
  public boolean isEmpty() {
    return counts.isEmpty();
  }

  /** @return one warning per kind of loss, ordered by kind */
  public List<Diagnostic> report() {
    List<Diagnostic> out = new ArrayList<>(counts.size());
    counts.forEach((what, n) -> out.add(Diagnostic.warning(0, 0, "dropped " + n + " × " + what + ": " + target
        + " cannot represent them")));
    return out;
  }
}
