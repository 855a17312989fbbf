package dev.captions.webvtt;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/** {@link CaptionFormat#WEBVTT} for {@link dev.captions.codec.CaptionCodecs}: default {@link WebVttReader}/{@link WebVttWriter}. */
public final class WebVttCodec implements CaptionCodec {
  private final WebVttReader reader = WebVttReader.create();
  private final WebVttWriter writer = WebVttWriter.create();

  @Override
  public CaptionFormat format() {
    return CaptionFormat.WEBVTT;
  }

  @Override
  public ParseResult read(Reader in) throws IOException {
    return reader.read(in);
  }

  @Override
  public void write(CaptionTrack track, Writer out) throws IOException {
    writer.write(track, out);
  }
}
