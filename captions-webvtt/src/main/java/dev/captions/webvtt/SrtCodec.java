package dev.captions.webvtt;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.codec.WriteResult;
import dev.captions.model.CaptionTrack;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link CaptionFormat#SRT} for {@link dev.captions.codec.CaptionCodecs}: {@link SrtReader}/{@link SrtWriter}, with
 * cue text converted to and from the model's WebVTT markup ({@link Conversions}): reading escapes {@code & < >} and
 * keeps {@code i b u}; writing decodes character references, keeps {@code i b u} and writes a speaker as a
 * {@code "Name: "} prefix.
 */
public final class SrtCodec implements CaptionCodec {
  private final SrtReader reader = SrtReader.create();
  private final SrtWriter writer = SrtWriter.create();

  @Override
  public CaptionFormat format() {
    return CaptionFormat.SRT;
  }

  @Override
  public ParseResult read(Reader in) throws IOException {
    ParseResult raw = reader.read(in);
    ParseResult converted = Conversions.fromSrt(raw.track());
    List<Diagnostic> all = new ArrayList<>(raw.diagnostics());
    all.addAll(converted.diagnostics());
    return ParseResult.of(converted.track(), all);
  }

  /** Strict: every violation of the format's syntax rules ({@link SrtValidator}). */
  @Override
  public List<Diagnostic> validate(Reader in) throws IOException {
    return SrtValidator.create().validate(in);
  }

  /** Converts the markup ({@link Conversions#toSrt}) and writes; the result names what SRT could not hold. */
  @Override
  public WriteResult write(CaptionTrack track, Writer out) throws IOException {
    ParseResult converted = Conversions.toSrt(track, true);
    writer.write(converted.track(), out); // its own losses: the language and kind toSrt already counted
    return WriteResult.of(converted.diagnostics());
  }
}
