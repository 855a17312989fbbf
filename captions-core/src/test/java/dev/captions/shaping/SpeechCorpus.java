package dev.captions.shaping;

import dev.captions.model.Segment;
import dev.captions.model.TimedWord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic, deterministic timed words: the opening of Alice's Adventures in Wonderland (public domain,
 * {@code alice-chapter1.txt}) read aloud by a speech-rate model, and the ASR segments a Whisper-like recogniser would
 * report for it.
 *
 * <p>The model (seeded {@link Random}, so every run gives the same words): each paragraph is read by one of two
 * speakers, alternating, at a tempo factor drawn from [0.85, 1.15]. A word lasts {@code 90 + 62 * letters} ms times
 * the tempo (~150–190 words/min, 13–16 chars/s, the range of conversational English), with ±15% jitter. Between
 * words: 10–60 ms; after a comma, semicolon or colon: 150–400 ms; after a sentence end: 350–900 ms; between paragraphs:
 * 900–1600 ms; and a hesitation pause of 400–1100 ms before 3% of words. The text is read again and again until the
 * requested number of words is reached.
 *
 * <p>ASR segments: a segment closes at a sentence end once it holds 8 words or more, at any word once it holds 30,
 * at pauses of 1.5 s or more and at speaker changes (roughly how Whisper's 30 s windows come out).
 */
final class SpeechCorpus {
  final List<TimedWord> words = new ArrayList<>();
  final List<Segment> segments = new ArrayList<>();

  static SpeechCorpus generate(int wordCount, long seed) {
    SpeechCorpus c = new SpeechCorpus();
    List<String> paragraphs = paragraphs();
    Random r = new Random(seed);
    long t = 500;
    int paragraph = 0;
    while (c.words.size() < wordCount) {
      String text = paragraphs.get(paragraph % paragraphs.size());
      String speaker = paragraph % 2 == 0 ? "A" : "B";
      double tempo = 0.85 + 0.3 * r.nextDouble();
      String[] ws = text.split("\\s+");
      for (int i = 0; i < ws.length && c.words.size() < wordCount; i++) {
        String w = ws[i];
        if (i > 0 && r.nextDouble() < 0.03) t += 400 + r.nextInt(700);
        int letters = 0;
        for (char ch : w.toCharArray()) if (Character.isLetterOrDigit(ch)) letters++;
        long dur = Math.round((90 + 62 * letters) * tempo * (0.85 + 0.3 * r.nextDouble()));
        c.words.add(TimedWord.of(w, t, t + dur, 0.9, speaker));
        t += dur;
        if (Segmenter.endsSentence(w)) {
          t += 350 + r.nextInt(550);
        } else if (LineBreakRules.endsWithPunctuation(w)) {
          t += 150 + r.nextInt(250);
        } else {
          t += 10 + r.nextInt(50);
        }
      }
      t += 900 + r.nextInt(700);
      paragraph++;
    }
    c.segments.addAll(asrSegments(c.words));
    return c;
  }

  private static List<Segment> asrSegments(List<TimedWord> words) {
    List<Segment> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= words.size(); i++) {
      boolean close = i == words.size();
      if (!close) {
        TimedWord prev = words.get(i - 1);
        int n = i - start;
        close = n >= 8 && Segmenter.endsSentence(prev.text()) || n >= 30
            || words.get(i).startMs() - prev.endMs() >= 1500 || !words.get(i).speaker().equals(prev.speaker());
      }
      if (close) {
        List<TimedWord> ws = words.subList(start, i);
        StringBuilder sb = new StringBuilder();
        for (TimedWord w : ws) sb.append(sb.length() == 0 ? "" : " ").append(w.text());
        out.add(Segment.of(ws.get(0).startMs(), ws.get(ws.size() - 1).endMs(), sb.toString(), ws.get(0).speaker(),
            ws));
        start = i;
      }
    }
    return out;
  }

  private static List<String> paragraphs() {
    List<String> out = new ArrayList<>();
    try (InputStream in = SpeechCorpus.class.getResourceAsStream("alice-chapter1.txt");
        BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = br.readLine()) != null; ) {
        if (!line.isBlank() && !line.startsWith("#")) out.add(line.trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
