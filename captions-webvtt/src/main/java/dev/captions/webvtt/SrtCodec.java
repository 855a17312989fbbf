package dev.captions.webvtt;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.model.CaptionTrack;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/** {@link CaptionFormat#SRT} for {@link dev.captions.codec.CaptionCodecs}: default {@link SrtReader}/{@link SrtWriter}. */
public final class SrtCodec implements CaptionCodec {
  private final SrtReader reader = SrtReader.create();
  private final SrtWriter writer = SrtWriter.create();

  @Override
  public CaptionFormat format() {
    return CaptionFormat.SRT;
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
