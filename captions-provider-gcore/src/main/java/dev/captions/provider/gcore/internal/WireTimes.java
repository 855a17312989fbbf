package dev.captions.provider.gcore.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses Gcore's subtitle times ({@code "00:00:17.648"}), tolerating a comma, no hours, or fewer fraction digits. */
public final class WireTimes {
  private static final Pattern TIME = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2})(?:[.,](\\d{1,9}))?");

  private WireTimes() {}

  /** @throws IllegalArgumentException naming the value when it is not a time */
  public static long parseMs(String wire) {
    if (wire == null) throw new IllegalArgumentException("missing time");
    Matcher m = TIME.matcher(wire.strip());
    if (!m.matches()) throw new IllegalArgumentException("not an HH:mm:ss.fff time: '" + wire + "'");
    long h = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long min = Long.parseLong(m.group(2));
    long s = Long.parseLong(m.group(3));
    String f = m.group(4) == null ? "0" : m.group(4);
    long ms = Long.parseLong((f + "00").substring(0, 3));
    return ((h * 60 + min) * 60 + s) * 1000 + ms;
  }
}
