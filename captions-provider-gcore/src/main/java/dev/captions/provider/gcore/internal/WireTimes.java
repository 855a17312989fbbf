package dev.captions.provider.gcore.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Gcore's subtitle times ({@code "00:00:17.648"}), tolerating a comma, no hours, or fewer fraction digits. */
public final class WireTimes {
  private static final Pattern TIME = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2})(?:[.,](\\d{1,9}))?");

  /** The latest time accepted: 7 days; later ones are errors, as no video Gcore transcribes is that long. */
  static final long MAX_MS = 7L * 24 * 3600 * 1000;

  private WireTimes() {}

  /** @throws IllegalArgumentException naming the value when it is not a time or an absurd one (over 7 days) */
  public static long parseMs(String wire) {
    if (wire == null) throw new IllegalArgumentException("missing time");
    Matcher m = TIME.matcher(wire.strip());
    if (!m.matches()) throw new IllegalArgumentException("not an HH:mm:ss.fff time: '" + wire + "'");
    try {
      long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
      long min = Long.parseLong(m.group(2));
      long s = Long.parseLong(m.group(3));
      String f = m.group(4) == null ? "0" : m.group(4);
      long ms = Long.parseLong((f + "00").substring(0, 3));
      long total = Math.addExact(Math.multiplyExact(Math.addExact(Math.multiplyExact(Math.addExact(
          Math.multiplyExact(h, 60), min), 60), s), 1000), ms);
      if (total > MAX_MS) throw new ArithmeticException();
      return total;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("time '" + (wire.length() > 40 ? wire.substring(0, 40) + "…" : wire)
          + "' is out of range: no media is that long");
    }
  }
}
