package dev.captions.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.captions.CaptionFormatException;

/**
 * Reads timestamps in model replies with the shaping engine's parser ({@link dev.captions.shaping.LlmTimestamps},
 * every form models write), turning "unreadable" into -1 so that one bad cue is dropped instead of failing the
 * whole reply; and writes the {@code HH:MM:SS.mmm} form the prompts ask for.
 */
final class ReplyTimes {
  private ReplyTimes() {}

  /** Milliseconds, or -1 when missing or unreadable. */
  static long parseMs(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) return -1;
    try {
      return dev.captions.shaping.LlmTimestamps.parseSeconds(node.isNumber() ? node.numberValue() : node.asText());
    } catch (CaptionFormatException | ArithmeticException e) {
      return -1;
    }
  }

  /** {@code HH:MM:SS.mmm}, the form the prompts ask for. */
  static String format(long ms) {
    return dev.captions.model.Timecodes.format(ms);
  }
}
