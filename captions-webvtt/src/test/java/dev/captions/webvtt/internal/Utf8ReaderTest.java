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

  /** Bytes with long ASCII runs between arbitrary (often malformed) bytes, so that the bulk ASCII copy is used. */
  private static byte[] withAsciiRuns(byte[] noise, int runLength) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < noise.length; i++) {
      for (int k = 0; k < runLength + i % 11; k++) out.write('a' + (i + k) % 26);
      out.write(noise[i]);
    }
    return out.toByteArray();
  }

  /**
   * Reads of one char never take the bulk ASCII path, so they are the reference: larger reads must give exactly the
   * same chars, replacement characters included.
   */
  @Property(tries = 300)
  void bulkAsciiCopyDecodesLikeSingleCharReads(@ForAll byte[] noise, @ForAll @IntRange(min = 0, max = 80) int runLength,
      @ForAll @IntRange(min = 2, max = 300) int chunk) throws IOException {
    byte[] bytes = withAsciiRuns(noise, runLength);
    String reference = readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), 1);
    assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), chunk)).isEqualTo(reference);
  }

  @Property(tries = 300)
  void longAsciiRunsMatchTheJdk(@ForAll String s, @ForAll @IntRange(min = 0, max = 80) int runLength,
      @ForAll @IntRange(min = 1, max = 300) int chunk) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      for (int k = 0; k < runLength; k++) sb.append((char) ('A' + (i + k) % 26));
      sb.append(s.charAt(i));
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), chunk))
        .isEqualTo(new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void malformedSequencesBecomeOneReplacementPerMaximalPrefix() throws IOException {
    String run = "x".repeat(40);
    byte[] bytes = (run + "\u0001" + run + "\u0002" + run + "\u0003" + run).getBytes(StandardCharsets.ISO_8859_1);
    // Lone continuation byte, overlong lead, encoded surrogate (ED A0 80), truncated 3-byte sequence.
    bytes[40] = (byte) 0x80;
    bytes[81] = (byte) 0xC0;
    byte[] tail = {(byte) 0xED, (byte) 0xA0, (byte) 0x80, 'y', (byte) 0xE2, (byte) 0x82};
    byte[] all = java.util.Arrays.copyOf(bytes, bytes.length + tail.length);
    System.arraycopy(tail, 0, all, bytes.length, tail.length);
    String expected = run + "\uFFFD" + run + "\uFFFD" + run + "\u0003" + run + "\uFFFD\uFFFD\uFFFDy\uFFFD";
    for (int chunk : new int[] {1, 3, 33, 8192}) {
      assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(all)), chunk)).as("chunk %d", chunk).isEqualTo(expected);
    }
  }

  /** A new array or an offset on every read: the reader must not write through a stale wrapper of an earlier array. */
  @Test
  void readsIntoChangingArraysAndOffsets() throws IOException {
    String text = ("It was the best of times, it was the worst of times \u00e9\ud83d\ude00\n").repeat(2000);
    Utf8Reader r = new Utf8Reader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    StringBuilder sb = new StringBuilder();
    for (int i = 0; ; i++) {
      char[] buf = new char[100 + i % 7];
      int off = i % 5;
      int n = r.read(buf, off, buf.length - off);
      if (n < 0) break;
      sb.append(buf, off, n);
    }
    assertThat(sb.toString()).isEqualTo(text);
  }

  @Test
  void largeInputAcrossBufferBoundaries() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 50_000; i++) sb.append("caf\u00e9 \u6f22\u5b57 \ud83d\ude00 ");
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    assertThat(readAll(new Utf8Reader(new ByteArrayInputStream(bytes)), 8192)).isEqualTo(sb.toString());
  }

  /**
   * {@link Readers#utf8OrBom} sniffs two bytes and hands them to the decoder as a prefix: a sequence split between the
   * prefix and the stream decodes as if never split, and a UTF-16 BOM still selects UTF-16.
   */
  @Property(tries = 300)
  void sniffedPrefixDecodesLikeTheWholeStream(@ForAll String s, @ForAll @IntRange(min = 1, max = 9) int chunk)
      throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    String expected = new String(bytes, StandardCharsets.UTF_8);
    assertThat(readAll(Readers.utf8OrBom(new ByteArrayInputStream(bytes)), chunk)).isEqualTo(expected);
    byte[] utf16 = ("\uFEFF" + s).getBytes(StandardCharsets.UTF_16LE);
    assertThat(readAll(Readers.utf8OrBom(new ByteArrayInputStream(utf16)), chunk)).isEqualTo("\uFEFF" + s);
  }

  @Test
  void emptyAndOneByteStreams() throws IOException {
    assertThat(readAll(Readers.utf8OrBom(new ByteArrayInputStream(new byte[0])), 4)).isEmpty();
    assertThat(readAll(Readers.utf8OrBom(new ByteArrayInputStream(new byte[] {'A'})), 4)).isEqualTo("A");
    assertThat(readAll(Readers.utf8OrBom(new ByteArrayInputStream(new byte[] {(byte) 0xC3})), 4)).isEqualTo("\uFFFD");
  }
}
