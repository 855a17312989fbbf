package dev.captions.model;

/**
 * Formats and parses millisecond times for people, logs and command lines. The codecs have their own, format-exact
 * readers and writers. Stateless and thread-safe.
 */
public final class Timecodes {
  private Timecodes() {}

  /**
   * Reads a time as people write it on a command line: {@code [-][[hh:]mm:]ss[.fff]} (a comma may stand for the
   * dot, as in SRT), or a number with a unit: {@code -2.5s}, {@code 1500ms}, {@code 2m}, {@code 1h}.
   *
   * @param text the time, not null; surrounding blanks are ignored
   * @return milliseconds, rounded to the nearest; negative when the text starts with {@code -}
   * @throws IllegalArgumentException saying what was expected, when {@code text} is not such a time
   */
  public static long parse(String text) {
    String s = text.strip();
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) s = s.substring(1);
    try {
      if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '.')) throw new NumberFormatException();
      long ms;
      if (s.indexOf(':') >= 0) {
        String[] parts = s.replace(',', '.').split(":", -1);
        if (parts.length > 3) throw new NumberFormatException();
        double seconds = Double.parseDouble(parts[parts.length - 1]);
        long minutes = Long.parseLong(parts[parts.length - 2]);
        long hours = parts.length == 3 ? Long.parseLong(parts[0]) : 0;
        if (seconds >= 60 || minutes >= 60 || hours < 0 || minutes < 0 || seconds < 0) throw new NumberFormatException();
        ms = (hours * 60 + minutes) * 60_000 + Math.round(seconds * 1000);
      } else {
        double unit = 1000;
        String number = s;
        if (s.endsWith("ms")) {
          unit = 1;
          number = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s")) {
          number = s.substring(0, s.length() - 1);
        } else if (s.endsWith("m")) {
          unit = 60_000;
          number = s.substring(0, s.length() - 1);
        } else if (s.endsWith("h")) {
          unit = 3_600_000;
          number = s.substring(0, s.length() - 1);
        }
        if (number.isEmpty() || !number.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
          throw new NumberFormatException();
        }
        ms = Math.round(Double.parseDouble(number.replace(',', '.')) * unit);
      }
      return negative ? -ms : ms;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a time; write e.g. 00:01:02.500, 1:02.5, -2.5s or"
          + " 1500ms");
    }
  }

  /**
   * {@code 3723004} → {@code "01:02:03.004"}. Negative values get a leading minus.
   *
   * @param ms milliseconds
   * @return {@code hh:mm:ss.fff}, with more hour digits when needed
   */
  public static String format(long ms) {
    StringBuilder sb = new StringBuilder(13);
    if (ms < 0) {
      sb.append('-');
      ms = -ms;
    }
    long h = ms / 3_600_000;
    int m = (int) (ms / 60_000 % 60);
    int s = (int) (ms / 1000 % 60);
    int milli = (int) (ms % 1000);
    if (h < 10) sb.append('0');
    sb.append(h).append(':');
    if (m < 10) sb.append('0');
    sb.append(m).append(':');
    if (s < 10) sb.append('0');
    sb.append(s).append('.');
    if (milli < 100) sb.append('0');
    if (milli < 10) sb.append('0');
    return sb.append(milli).toString();
  }
}
