package dev.captions.webvtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class Utf8ReaderTest {
  private static String readAll(Reader r, int chunk) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[chunk];
    for (int n; (n = r.read(buf, 0, chunk)) >= 0; ) sb.append(buf, 0, n);
    return sb.toString();
  }

  /** Valid UTF-8 decodes exactly like the JDK, whatever the read sizes. */
  @Property(tries = 500)
  void matchesTheJdkOnValidInput(@ForAll String s, @ForAll @IntRange(min = 1, max = 7) int chunk) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    String expected = new String(bytes, StandardCharsets.UTF_8);
    assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), chunk)).isEqualTo(expected);
  }

  /** Any bytes: never throws, and agrees with the JDK on how many replacement characters there are... or at least on the valid text. */
  @Property(tries = 500)
  void neverThrowsOnArbitraryBytes(@ForAll byte[] bytes, @ForAll @IntRange(min = 1, max = 5) int chunk) throws IOException {
    String ours = readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), chunk);
    String jdk = readAll(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8), 64);
    assertThat(ours.replace("\uFFFD", "")).isEqualTo(jdk.replace("\uFFFD", ""));
  }

  @Test
  void largeInputAcrossBufferBoundaries() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 50_000; i++) sb.append("caf\u00e9 \u6f22\u5b57 \ud83d\ude00 ");
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), 8192)).isEqualTo(sb.toString());
  }
}
