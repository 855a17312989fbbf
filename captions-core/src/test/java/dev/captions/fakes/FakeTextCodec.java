package dev.captions.fakes;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import dev.captions.model.Cue;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.List;

/**
 * A WEBVTT "codec" for pipeline tests: one line per cue. A cue whose text is {@code FAIL} makes it throw half-way,
 * to test that output files are never left half-written.
 */
public final class FakeTextCodec implements CaptionCodec {
  @Override
  public CaptionFormat format() {
    return CaptionFormat.WEBVTT;
  }

  @Override
  public ParseResult read(Reader in) {
    return ParseResult.of(CaptionTrack.builder().build(), List.of());
  }

  @Override
  public dev.captions.codec.WriteResult write(CaptionTrack track, Writer out) throws IOException {
    out.write("TRACK " + track.language() + " " + track.kind().keyword() + "\n");
    for (Cue c : track.cues()) {
      if (c.text().equals("FAIL")) throw new IOException("disk full (simulated)");
      out.write(c.startMs() + " " + c.endMs() + " " + c.text() + "\n");
      out.flush();
    }
    return dev.captions.codec.WriteResult.lossless();
  }
}
