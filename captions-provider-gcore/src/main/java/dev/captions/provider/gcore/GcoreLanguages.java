package dev.captions.provider.gcore;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps language codes between BCP-47 (what the SDK uses everywhere) and Gcore AI's three-letter ISO 639-2 codes.
 *
 * <p>Gcore documents the bibliographic (/B) forms ({@code ger}, {@code fre}, {@code chi}) for {@code audio_language}
 * and {@code subtitles_language}, while its {@code /ai/info} description lists terminology (/T) forms ({@code deu},
 * {@code fra}, {@code zho}). So {@link #toGcore} always sends /B, and {@link #toBcp47} reads both.
 *
 * <p>Thread-safe; stateless after class initialisation.
 */
public final class GcoreLanguages {
  /**
   * The 20 languages whose ISO 639-2 /B code differs from the /T code (ISO 639-2 list, Library of Congress). Every
   * other language has one code, which {@link Locale#getISO3Language()} already gives.
   */
  private static final Map<String, String> T_TO_B = Map.ofEntries(
      Map.entry("sqi", "alb"), Map.entry("hye", "arm"), Map.entry("eus", "baq"), Map.entry("mya", "bur"),
      Map.entry("zho", "chi"), Map.entry("ces", "cze"), Map.entry("nld", "dut"), Map.entry("fra", "fre"),
      Map.entry("kat", "geo"), Map.entry("deu", "ger"), Map.entry("ell", "gre"), Map.entry("isl", "ice"),
      Map.entry("mkd", "mac"), Map.entry("mri", "mao"), Map.entry("msa", "may"), Map.entry("fas", "per"),
      Map.entry("ron", "rum"), Map.entry("slk", "slo"), Map.entry("bod", "tib"), Map.entry("cym", "wel"));
  private static final Map<String, String> B_TO_T = invert(T_TO_B);
  /** Three-letter /T code → two-letter ISO 639-1 code, for every language Java knows. */
  private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();

  private GcoreLanguages() {}

  /**
   * The Gcore (ISO 639-2/B) code for a BCP-47 tag: {@code "de"} and {@code "de-AT"} → {@code "ger"}, {@code "en"} →
   * {@code "eng"}. A tag that already is a three-letter code is normalised to /B ({@code "deu"} → {@code "ger"}).
   *
   * @param bcp47 a BCP-47 tag or a three-letter code
   * @throws IllegalArgumentException when the tag is blank or its language has no ISO 639-2 code
   * @return the ISO 639-2/B code
   */
  public static String toGcore(String bcp47) {
    if (bcp47 == null || bcp47.isBlank()) throw new IllegalArgumentException("language must not be blank");
    String primary = bcp47.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    String iso3;
    if (primary.length() == 3) {
      iso3 = primary;
    } else if (primary.length() == 2) {
      try {
        iso3 = new Locale(primary).getISO3Language();
      } catch (java.util.MissingResourceException e) {
        iso3 = "";
      }
      if (iso3.isEmpty()) {
        throw new IllegalArgumentException("'" + bcp47 + "' has no ISO 639-2 code that Gcore AI would understand");
      }
    } else {
      throw new IllegalArgumentException("'" + bcp47 + "' is not a BCP-47 language tag (e.g. \"en\", \"pt-BR\")");
    }
    return T_TO_B.getOrDefault(iso3, iso3);
  }

  /**
   * The BCP-47 tag for a Gcore code, accepting the /B and /T forms and two-letter codes: {@code "ger"} and
   * {@code "deu"} → {@code "de"}; {@code "yue"} (no two-letter code) stays {@code "yue"}. Empty for null or blank.
   *
   * @param gcoreCode a Gcore language code, or {@code null}
   * @return the BCP-47 tag, or empty
   */
  public static Optional<String> toBcp47(String gcoreCode) {
    if (gcoreCode == null || gcoreCode.isBlank()) return Optional.empty();
    String code = gcoreCode.strip().toLowerCase(Locale.ROOT);
    if (code.length() != 3) return Optional.of(code);
    String t = B_TO_T.getOrDefault(code, code);
    return Optional.of(ISO3_TO_ISO1.getOrDefault(t, t));
  }

  private static Map<String, String> iso3ToIso1() {
    Map<String, String> m = new HashMap<>();
    for (String iso1 : Locale.getISOLanguages()) {
      try {
        String iso3 = new Locale(iso1).getISO3Language();
        if (!iso3.isEmpty()) m.putIfAbsent(iso3, iso1);
      } catch (java.util.MissingResourceException ignored) {
        // a language Java lists without a three-letter code: nothing to map
      }
    }
    return Map.copyOf(m);
  }

  private static Map<String, String> invert(Map<String, String> m) {
    Map<String, String> out = new HashMap<>();
    m.forEach((k, v) -> out.put(v, k));
    return Map.copyOf(out);
  }
}
