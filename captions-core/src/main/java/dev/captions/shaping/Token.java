package dev.captions.shaping;

import dev.captions.model.TimedWord;

/** One unbreakable unit of text with its time, as the segmenter and line breaker see it. Immutable. */
final class Token {
  final TimedWord word;
  final int width;
  /** Whether a space separates this token from the previous one (false inside text without spaces). */
  final boolean spaceBefore;

  Token(TimedWord word, boolean spaceBefore) {
    this.word = word;
    this.width = Graphemes.width(word.text());
    this.spaceBefore = spaceBefore;
  }

  String text() {
    return word.text();
  }

  long startMs() {
    return word.startMs();
  }

  long endMs() {
    return word.endMs();
  }

  String speaker() {
    return word.speaker();
  }
}
