package dev.captions.webvtt;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.codec.WriteResult;
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

  /** Strict: every violation of the format's syntax rules ({@link WebVttValidator}). */
  @Override
  public java.util.List<dev.captions.codec.Diagnostic> validate(Reader in) throws IOException {
    return WebVttValidator.create().validate(in);
  }

  /** Writes with {@link WebVttWriter}; the result names what WebVTT could not hold (timed words, for one). */
  @Override
  public WriteResult write(CaptionTrack track, Writer out) throws IOException {
    return writer.write(track, out);
  }
}
