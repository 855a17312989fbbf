package dev.captions.webvtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The writers' fast paths must give exactly what the StringBuilder paths give. */
class CharSinkTest {
  private static String drain(CharSink sink) throws IOException {
    StringWriter w = new StringWriter();
    sink.drainTo(w);
    assertThat(sink.length()).isZero();
    return w.toString();
  }

  @Property
  void timestampsMatchVttSyntax(@ForAll @LongRange(min = 0, max = 100_000L * 3_600_000L) long ms) throws IOException {
    for (char sep : new char[] {'.', ','}) {
      CharSink sink = new CharSink(16);
      sink.appendTimestamp(ms, sep);
      StringBuilder expected = new StringBuilder();
      VttSyntax.appendTimestamp(expected, ms, sep);
      assertThat(drain(sink)).isEqualTo(expected.toString());
    }
  }

  @Test
  void timestampsAtHourBoundaries() throws IOException {
    CharSink sink = new CharSink(16);
    sink.appendTimestamp(0, '.').append(' ').appendTimestamp(3_599_999, ',').append(' ')
        .appendTimestamp(100L * 3_600_000L + 61_001, '.');
    assertThat(drain(sink)).isEqualTo("00:00:00.000 00:59:59,999 100:01:01.001");
  }

  @Test
  void growsAndTruncates() throws IOException {
    CharSink sink = new CharSink(16);
    String long40 = "0123456789".repeat(4);
    sink.append(long40).append(0).append(' ').append(Integer.MAX_VALUE).append(-7);
    assertThat(sink.length()).isEqualTo(40 + 1 + 1 + 10 + 2);
    sink.truncate(40);
    sink.append(new StringBuilder("é"));
    assertThat(drain(sink)).isEqualTo(long40 + "é");
  }

  @Property
  void cleanFastPathMatchesSanitizer(@ForAll @StringLength(max = 12) @CharRange(from = '\0', to = '@') String s) {
    for (int flags = 0; flags < 4; flags++) {
      boolean escape = (flags & 1) != 0;
      boolean defuse = (flags & 2) != 0;
      StringBuilder expected = new StringBuilder("x");
      TextSanitizer.append(s, escape, defuse, expected);
      CharSink sink = new CharSink(4);
      sink.append('x');
      boolean clean = TextSanitizer.appendIfClean(s, escape, defuse, sink);
      StringBuilder got = new StringBuilder();
      try {
        StringWriter w = new StringWriter();
        sink.drainTo(w);
        got.append(w);
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      if (clean) {
        assertThat(got.toString()).isEqualTo(expected.toString());
      } else {
        assertThat(got.toString()).isEqualTo("x"); // nothing appended when it is not clean
        CharSink full = new CharSink(4);
        full.append('x');
        TextSanitizer.append(s, escape, defuse, full);
        StringWriter w = new StringWriter();
        try {
          full.drainTo(w);
        } catch (IOException e) {
          throw new AssertionError(e);
        }
        assertThat(w.toString()).isEqualTo(expected.toString());
      }
    }
  }
}
