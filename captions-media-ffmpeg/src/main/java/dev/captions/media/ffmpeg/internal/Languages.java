package dev.captions.media.ffmpeg.internal;

import java.util.Locale;
import java.util.MissingResourceException;

/** Language tags as containers want them: MP4 and Matroska store ISO 639-2 three-letter codes. */
public final class Languages {
  private Languages() {}

  /** {@code "en"} → {@code "eng"}, {@code "pt-BR"} → {@code "por"}; {@code "und"} for unknown or empty tags. */
  public static String iso639_2(String bcp47) {
    if (bcp47 == null || bcp47.isBlank()) return "und";
    try {
      String three = Locale.forLanguageTag(bcp47.strip()).getISO3Language();
      return three.isEmpty() ? "und" : three;
    } catch (MissingResourceException e) {
      return "und";
    }
  }
}
