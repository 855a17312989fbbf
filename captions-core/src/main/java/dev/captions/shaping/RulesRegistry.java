package dev.captions.shaping;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The per-language {@link LineBreakRules}, keyed by primary language subtag. Thread-safe. */
final class RulesRegistry {
  static final Map<String, LineBreakRules> RULES = new ConcurrentHashMap<>();

  static {
    RULES.put("en", EnglishLineBreakRules.INSTANCE);
  }

  private RulesRegistry() {}

  static String primary(String tag) {
    if (tag == null) return "und";
    String t = tag.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    int dash = t.indexOf('-');
    return dash < 0 ? t : t.substring(0, dash);
  }
}
