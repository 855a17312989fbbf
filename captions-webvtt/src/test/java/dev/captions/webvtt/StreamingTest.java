package dev.captions.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cues are delivered while the input is still being read; the writer streams too. */
class StreamingTest {
  /** A reader over {@code total} cues generated on the fly, counting the characters handed out. */
  private static final class GeneratedReader extends Reader {
    private final int total;
    private int next;
    private String pending = "WEBVTT\n\n";
    private int offset;
    long charsRead;

    GeneratedReader(int total) {
      this.total = total;
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
      if (offset == pending.length()) {
        if (next == total) return -1;
        long s = next * 2000L;
        StringBuilder sb = new StringBuilder();
        sb.append(next).append('\n');
        dev.captions.webvtt.internal.VttSyntax.appendTimestamp(sb, s, '.');
        sb.append(" --> ");
        dev.captions.webvtt.internal.VttSyntax.appendTimestamp(sb, s + 1500, '.');
        sb.append("\nline one of cue ").append(next).append("\nline two\n\n");
        pending = sb.toString();
        offset = 0;
        next++;
      }
      int n = Math.min(len, pending.length() - offset);
      pending.getChars(offset, offset + n, cbuf, off);
      offset += n;
      charsRead += n;
      return n;
    }

    @Override
    public void close() {}
  }

  @Test
  void webVttCuesArriveBeforeTheInputEnds() throws IOException {
    GeneratedReader in = new GeneratedReader(200_000);
    long[] readWhenFirst = {-1};
    long[] count = {0};
    WebVttReader.create().stream(in, c -> {
      if (count[0]++ == 0) readWhenFirst[0] = in.charsRead;
    }, d -> {});
    assertThat(count[0]).isEqualTo(200_000);
    assertThat(readWhenFirst[0]).isLessThan(100_000); // first cue after one buffer, not after ~10 MB
    assertThat(in.charsRead).isGreaterThan(9_000_000);
  }

  @Test
  void streamedWriteEqualsWholeWrite() throws IOException {
    List<Cue> cues = new ArrayList<>();
    for (int i = 0; i < 5000; i++) cues.add(Cue.of(i * 1000L, i * 1000L + 900, "cue " + i + "\nsecond & line"));
    StringWriter streamed = new StringWriter();
    WebVttWriter.Session s = WebVttWriter.create().open(streamed, "en", TrackKind.SUBTITLES, TrackMetadata.EMPTY);
    for (Cue c : cues) s.cue(c);
    s.flush();
    String whole = WebVttWriter.create().writeToString(
        dev.captions.model.CaptionTrack.builder().language("en").kind(TrackKind.SUBTITLES).cues(cues).build());
    assertThat(streamed.toString()).isEqualTo(whole);
    List<Cue> back = new ArrayList<>();
    WebVttReader.Result r = WebVttReader.create().stream(new StringReader(whole), back::add, d -> {});
    assertThat(back).isEqualTo(cues);
    assertThat(r.kind()).isEqualTo(TrackKind.SUBTITLES);
    assertThat(r.language()).isEqualTo("en");
  }

  @Test
  void srtStreams() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 1000; i++) sb.append(i + 1).append("\n00:00:01,000 --> 00:00:02,000\nx\n\n");
    long[] n = {0};
    SrtReader.create().stream(new StringReader(sb.toString()), c -> n[0]++, d -> {});
    assertThat(n[0]).isEqualTo(1000);
  }

  /** The OutputStream forms write UTF-8 as the session goes, the same bytes as the text form. */
  @Test
  void writesToOutputStreamsAsUtf8() throws IOException {
    CaptionTrack t = CaptionTrack.of("fr", TrackKind.CAPTIONS, List.of(Cue.of(0, 1000, "Ça va ? 漢字"),
        Cue.of(1000, 2000, "<i>très</i> bien")));
    java.io.ByteArrayOutputStream vtt = new java.io.ByteArrayOutputStream();
    WebVttWriter.create().write(t, vtt);
    assertThat(vtt.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(WebVttWriter.create().writeToString(t));
    java.io.ByteArrayOutputStream srt = new java.io.ByteArrayOutputStream();
    SrtWriter.Session s = SrtWriter.create().open(srt);
    s.cue(t.cues().get(0));
    s.flush();
    // Streamed: the first cue is out before the second is given.
    assertThat(srt.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("Ça va ? 漢字").doesNotContain("bien");
    s.cue(t.cues().get(1));
    s.flush();
    assertThat(srt.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(SrtWriter.create().writeToString(t));
  }
}
