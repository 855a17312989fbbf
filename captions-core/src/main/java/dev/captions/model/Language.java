package dev.captions.model;

import dev.captions.ConfigurationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Language tags as the SDK uses them: BCP-47 strings ({@code "en"}, {@code "pt-BR"}, {@code "zh-Hant"}), plus
 * {@link #AUTO} where a spoken language may be detected and {@link #UNDETERMINED} where it is not known.
 *
 * <p>Only the syntax is checked (a primary subtag of 2–8 letters, then subtags of 1–8 letters or digits): whether a
 * provider knows the language is the provider's business.
 */
public final class Language {
  /** Detect the spoken language ({@code "auto"}); valid only where a spoken language is asked for. */
  public static final String AUTO = "auto";
  /** The BCP-47 tag for an undetermined language ({@code "und"}), which a transcript carries when none was found. */
  public static final String UNDETERMINED = "und";

  private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

  private Language() {}

  /**
   * Whether {@code tag} is a syntactically valid BCP-47 tag ({@link #AUTO} is not). Null-safe: null is not a tag.
   *
   * @param tag the tag to check, or {@code null}
   * @return whether {@code tag} is a syntactically valid BCP-47 tag ({@link #AUTO} is not)
   */
  public static boolean isTag(String tag) {
    return tag != null && !tag.equalsIgnoreCase(AUTO) && TAG.matcher(tag).matches();
  }

  /**
   * Returns {@code tag} when it is a valid BCP-47 tag.
   *
   * @param what what the tag is for, for the message (e.g. {@code "translation language"})
   * @param tag the tag to check, or {@code null}
   * @throws ConfigurationException naming the bad value and giving examples, when it is not a tag (an English name
   *     such as {@code "english"} included)
   * @return {@code tag}
   */
  public static String requireTag(String tag, String what) {
    if (isTag(tag) && !looksLikeAName(tag)) return tag;
    String meant = guess(tag);
    throw new ConfigurationException("'" + tag + "' is not a BCP-47 language tag; the " + what
        + " must be one, e.g. \"en\", \"es\", \"pt-BR\"" + (meant != null ? "; did you mean \"" + meant + "\"?" : ""));
  }

  /** The tag of the language whose English name is {@code name} ("english" → "en"), or null. */
  private static String guess(String name) {
    if (name == null) return null;
    String n = name.strip();
    for (String code : Locale.getISOLanguages()) {
      if (new Locale(code).getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(n)) return code;
    }
    return null;
  }

  /**
   * "english", "spanish": a language name written where a tag belongs. Its primary subtag is over three letters,
   * which BCP-47 reserves (4) or keeps for registered languages (5–8) that no provider here supports.
   */
  private static boolean looksLikeAName(String tag) {
    int dash = tag.indexOf('-');
    String primary = (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    return primary.length() > 3;
  }
}
