package dev.captions.provider.vosk;

import dev.captions.model.TimedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Makes a lowercase, unpunctuated recogniser output readable: a pause of at least {@code sentencePauseMs} ends a
 * sentence (a full stop on the word before it, a capital on the word after it), the first word is capitalised, the
 * last ends with a full stop, and for English "i", "i'm", "i'll", "i've", "i'd" become "I", "I'm", ... Times are
 * untouched.
 * Immutable and thread-safe.
 */
final class SentenceFormatter {
  private static final Set<String> FIRST_PERSON = Set.of("i", "i'm", "i'll", "i've", "i'd");

  private final long sentencePauseMs;
  private final boolean english;

  SentenceFormatter(long sentencePauseMs, boolean english) {
    this.sentencePauseMs = sentencePauseMs;
    this.english = english;
  }

  List<TimedWord> format(List<TimedWord> words) {
    List<TimedWord> out = new ArrayList<>(words.size());
    for (int i = 0; i < words.size(); i++) {
      TimedWord w = words.get(i);
      String text = w.text();
      boolean startsSentence = i == 0 || w.startMs() - words.get(i - 1).endMs() >= sentencePauseMs;
      boolean endsSentence = i == words.size() - 1 || words.get(i + 1).startMs() - w.endMs() >= sentencePauseMs;
      if (english && FIRST_PERSON.contains(text)) text = "I" + text.substring(1);
      else if (startsSentence) text = capitalise(text);
      if (endsSentence && !text.endsWith(".")) text = text + ".";
      out.add(TimedWord.of(text, w.startMs(), w.endMs(), w.confidence(), w.speaker()));
    }
    return out;
  }

  private String capitalise(String word) {
    if (word.isEmpty()) return word;
    int first = word.codePointAt(0);
    return new String(Character.toChars(Character.toTitleCase(first))) + word.substring(Character.charCount(first));
  }
}
