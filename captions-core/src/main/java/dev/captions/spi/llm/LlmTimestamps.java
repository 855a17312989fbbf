package dev.captions.spi.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.CaptionFormatException;

/**
 * Reads timestamps in model replies with the shaping engine's parser ({@link dev.captions.shaping.LlmTimestamps},
 * every form models write), turning "unreadable" into -1 so that one bad cue is dropped instead of failing the
 * whole reply; and writes the {@code HH:MM:SS.mmm} form the prompts ask for.
 */
final class LlmTimestamps {
  private LlmTimestamps() {}

  /** Milliseconds, or -1 when missing or unreadable. */
  static long parseMs(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return -1;
    try {
      return dev.captions.shaping.LlmTimestamps.parseSeconds(node.isNumber() ? node.numberValue() : node.asText());
    } catch (CaptionFormatException | ArithmeticException e) {
      return -1;
    }
  }

  /** {@code HH:MM:SS.mmm}. */
  static String format(long ms) {
    return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000, ms / 60_000 % 60,
        ms / 1000 % 60, ms % 1000);
  }
}
