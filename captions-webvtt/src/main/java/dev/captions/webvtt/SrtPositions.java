package dev.captions.webvtt;

import dev.captions.model.CueSettings;

/**
 * The SSA/ASS numpad position tags SRT files carry ({@code {\an1}} … {@code {\an9}}) as WebVTT settings and back: row
 * 7–9 top ({@code line:0}), 4–6 middle ({@code line:50%}), 1–3 bottom (default); column 1 left, 3 right
 * ({@code align}). Shared with the ASS codec ({@code captions-formats}), whose {@code \an} tags these are. Stateless and
 * thread-safe.
 */
public final class SrtPositions {
  private SrtPositions() {}

  /**
   * The settings of a numpad position.
   *
   * @param an the position, 1 (bottom left) to 9 (top right); 2 is the default, bottom centre
   * @return the settings; {@link CueSettings#DEFAULT} for 2
   */
  public static CueSettings fromAn(int an) {
    CueSettings.Builder b = CueSettings.builder();
    if (an >= 7) {
      b.line(0.0);
    } else if (an >= 4) {
      b.line(50.0).snapToLines(false).lineAlign(CueSettings.Anchor.CENTER);
    }
    int col = (an - 1) % 3;
    if (col == 0) b.align(CueSettings.Align.LEFT);
    if (col == 2) b.align(CueSettings.Align.RIGHT);
    return b.build();
  }

  /**
   * The numpad position of settings.
   *
   * @param s the settings, not null
   * @return 1 to 9, or 0 when the settings are the default (bottom centre) or not a numpad position
   */
  public static int toAn(CueSettings s) {
    if (s.isDefault()) return 0;
    for (int an = 1; an <= 9; an++) {
      if (fromAn(an).equals(s)) return an;
    }
    return 0;
  }
}
