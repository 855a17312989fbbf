package dev.captions.align;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordNormalizerTest {
  private final WordNormalizer en = WordNormalizer.forLanguage("en-US");
  private final WordNormalizer es = WordNormalizer.forLanguage("es");

  @Test
  void caseAndPunctuationAreDropped() {
    assertThat(en.tokens("Hello!")).containsExactly("hello");
    assertThat(en.tokens("\"Captions,\"")).containsExactly("captions");
    assertThat(en.tokens("don\u2019t")).containsExactly("don't");
    assertThat(en.tokens("well-known")).containsExactly("well", "known");
    assertThat(en.tokens("\u2014")).isEmpty();
  }

  @Test
  void englishNumbersAreSpelledAsSpoken() {
    assertThat(en.tokens("25,")).containsExactly("twenty", "five");
    assertThat(en.tokens("350")).containsExactly("three", "hundred", "fifty");
    assertThat(en.tokens("2024")).containsExactly("twenty", "twenty", "four");
    assertThat(en.tokens("1905")).containsExactly("nineteen", "oh", "five");
    assertThat(en.tokens("2000")).containsExactly("two", "thousand");
    assertThat(en.tokens("1,000,000")).containsExactly("one", "million");
    assertThat(en.tokens("3.5")).containsExactly("three", "point", "five");
    assertThat(en.tokens("40%")).containsExactly("forty", "percent");
    assertThat(en.tokens("12")).containsExactly("twelve");
  }

  @Test
  void otherLanguagesKeepDigitsAndAccents() {
    assertThat(es.tokens("Año,")).containsExactly("año");
    assertThat(es.tokens("25")).containsExactly("25");
  }
}
