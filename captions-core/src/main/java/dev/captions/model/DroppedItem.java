package dev.captions.model;

import java.util.Objects;

/**
 * An item of a provider's reply that a transcriber could not use and left out of its {@link Transcript}, e.g. a cue
 * whose timestamp a model wrote as an absurd value: kept so that the loss is reported (the shaping engine lists it in
 * its quality report as {@code DROPPED_UNREADABLE_TIME}) instead of vanishing. Immutable and thread-safe.
 */
public final class DroppedItem {
  private final int index;
  private final String text;
  private final String reason;

  private DroppedItem(int index, String text, String reason) {
    if (index < 0) throw new IllegalArgumentException("index (" + index + ") must be >= 0");
    this.index = index;
    this.text = Objects.requireNonNull(text, "text == null");
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * An item left out.
   *
   * @param index its position in the provider's reply, 0-based
   * @param text its text, possibly empty; never {@code null}
   * @param reason why it was left out, with the offending value, e.g. {@code "start '99999999999999999999:00:00' is
   *     not a time"}
   * @return the dropped item
   * @throws IllegalArgumentException when {@code index} is negative
   */
  public static DroppedItem of(int index, String text, String reason) {
    return new DroppedItem(index, text, reason);
  }

  /** {@return its position in the provider's reply, 0-based} */
  public int index() {
    return index;
  }

  /** {@return its text, possibly empty; never {@code null}} */
  public String text() {
    return text;
  }

  /**
   * Why it was left out, with the offending value.
   *
   * @return the reason; never null
   */
  public String reason() {
    return reason;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DroppedItem)) return false;
    DroppedItem d = (DroppedItem) o;
    return index == d.index && text.equals(d.text) && reason.equals(d.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(index, text, reason);
  }

  @Override
  public String toString() {
    return "#" + index + " '" + text + "': " + reason;
  }
}
