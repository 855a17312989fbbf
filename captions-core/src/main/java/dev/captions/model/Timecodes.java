package dev.captions.model;

/** Formats millisecond times for people and logs. The codecs have their own, format-exact writers. */
public final class Timecodes {
  private Timecodes() {}

  /**
   * {@code 3723004} → {@code "01:02:03.004"}. Negative values get a leading minus.
   *
   * @param ms a time in milliseconds
   * @return the time as {@code HH:MM:SS.mmm}
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
