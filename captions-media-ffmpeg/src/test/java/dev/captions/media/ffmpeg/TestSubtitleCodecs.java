package dev.captions.media.ffmpeg;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.Locale;

/**
 * Test-only writers for SRT and WebVTT, registered in the test class path's META-INF/services, because the
 * captions-webvtt codecs were written in parallel. Delete them once captions-webvtt provides the real ones.
 */
final class TestSubtitleCodecs {
  private TestSubtitleCodecs() {}

  static String time(long ms, char fractionSeparator) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
        fractionSeparator, ms % 1000);
  }

  /** SRT writer only. */
  public static final class Srt implements CaptionCodec {
    @Override
    public CaptionFormat format() {
      return CaptionFormat.SRT;
    }

    @Override
    public ParseResult read(Reader in) {
      throw new UnsupportedOperationException("test-only writer");
    }

    @Override
    public void write(CaptionTrack track, Writer out) throws IOException {
      int n = 1;
      for (Cue c : track.cues()) {
        out.write(n++ + "\n" + time(c.startMs(), ',') + " --> " + time(c.endMs(), ',') + "\n" + c.text() + "\n\n");
      }
    }
  }

  /** WebVTT writer only. */
  public static final class Vtt implements CaptionCodec {
    @Override
    public CaptionFormat format() {
      return CaptionFormat.WEBVTT;
    }

    @Override
    public ParseResult read(Reader in) {
      throw new UnsupportedOperationException("test-only writer");
    }

    @Override
    public void write(CaptionTrack track, Writer out) throws IOException {
      out.write("WEBVTT\n\n");
      for (Cue c : track.cues()) {
        out.write(time(c.startMs(), '.') + " --> " + time(c.endMs(), '.') + "\n" + c.text() + "\n\n");
      }
    }
  }
}
