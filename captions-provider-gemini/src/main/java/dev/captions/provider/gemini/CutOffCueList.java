package dev.captions.provider.gemini;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The complete part of a cue list that the output token limit cut off: {@code {"cues":[{…},{…},{"start":"00:0}
 * becomes {@code {"cues":[{…},{…}]}}, which {@link dev.captions.llm.CueListPrompt#parse} then reads as usual.
 * Only whole cue objects are kept; a half-written cue is dropped, never completed. Stateless.
 */
final class CutOffCueList {
  private CutOffCueList() {}

  /**
   * @param reply a reply that ends mid-way (fences and prose around the JSON are allowed)
   * @return the reply up to the end of its last complete cue, with the open list and object closed; {@code null} when
   *     no cue was complete
   */
  static String completePart(String reply) {
    Deque<Character> open = new ArrayDeque<>();
    boolean inString = false;
    boolean escaped = false;
    int cueListDepth = -1; // the depth of the first array opened: the cue list ({"cues":[…]} or a bare […])
    int lastCueEnd = -1;
    String closers = null;
    for (int i = 0; i < reply.length(); i++) {
      char c = reply.charAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') inString = false;
        continue;
      }
      if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        open.push(c);
        if (c == '[' && cueListDepth < 0) cueListDepth = open.size();
      } else if ((c == '}' || c == ']') && !open.isEmpty()) {
        char opened = open.pop();
        if (opened == '{' && open.size() == cueListDepth) {
          lastCueEnd = i;
          closers = closers(open);
        }
        if (open.isEmpty()) cueListDepth = -1; // a bracket pair in prose before the JSON
      }
    }
    return lastCueEnd < 0 ? null : reply.substring(0, lastCueEnd + 1) + closers;
  }

  private static String closers(Deque<Character> open) {
    StringBuilder sb = new StringBuilder(open.size());
    for (char c : open) sb.append(c == '{' ? '}' : ']'); // innermost first
    return sb.toString();
  }
}
