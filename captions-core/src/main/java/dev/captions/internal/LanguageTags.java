package dev.captions.internal;

import dev.captions.ConfigurationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks that a language is given as a BCP-47 tag ({@code "en"}, {@code "pt-BR"}, {@code "zh-Hant"}), before any
 * provider sees it: a name such as {@code "english"} is refused with the tag it most likely meant. Stateless.
 */
public final class LanguageTags {
  /**
   * The well-formed shape of RFC 5646 language tags without grandfathered ones: a 2–3 letter language, up to three
   * extended subtags, a script, a region, variants, extensions and a private-use part.
   */
  private static final Pattern BCP47 = Pattern.compile("(?i)[a-z]{2,3}(-[a-z]{3}){0,3}(-[a-z]{4})?(-([a-z]{2}|[0-9]{3}))?"
      + "(-([a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(-[a-wyz0-9](-[a-z0-9]{2,8})+)*(-x(-[a-z0-9]{1,8})+)?");

  private LanguageTags() {}

  /** Whether {@code tag} is a well-formed BCP-47 language tag. */
  public static boolean isWellFormed(String tag) {
    return tag != null && BCP47.matcher(tag).matches();
  }

  /**
   * Throws unless {@code tag} is a well-formed BCP-47 tag.
   *
   * @param tag the value given, e.g. {@code "english"}
   * @param alsoAccepted what else the option takes, for the message (e.g. {@code " or \"auto\""}); may be empty
   * @throws ConfigurationException "'english' is not a BCP-47 language tag …; did you mean "en"?"
   */
  public static void check(String tag, String alsoAccepted) {
    if (isWellFormed(tag)) return;
    String meant = guess(tag);
    throw new ConfigurationException("'" + tag + "' is not a BCP-47 language tag" + alsoAccepted
        + " (e.g. \"en\", \"es\", \"pt-BR\")" + (meant != null ? "; did you mean \"" + meant + "\"?" : "."));
  }

  /** The tag of the language whose English name is {@code name} ("english" → "en"), or null. */
  static String guess(String name) {
    if (name == null) return null;
    String n = name.strip();
    for (String code : Locale.getISOLanguages()) {
      if (new Locale(code).getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(n)) return code;
    }
    return null;
  }
}
