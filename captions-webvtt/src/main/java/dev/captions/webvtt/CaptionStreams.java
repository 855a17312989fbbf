package dev.captions.webvtt;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.codec.WriteResult;
import dev.captions.model.Cue;
import dev.captions.model.TrackKind;
import dev.captions.model.TrackMetadata;
import dev.captions.model.TimeMap;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Converts a caption file into another format (and optionally retimes it) cue by cue where the formats allow, so that
 * memory stays flat whatever the file's size: every pair with SRT on one side streams (SRT → SRT, WebVTT or JSON;
 * WebVTT or JSON → SRT); WebVTT ⇄ JSON and WebVTT → WebVTT read the whole track first, since their header, styles and
 * regions go before the cues and NOTE blocks may come anywhere.
 * The result is the same either way: what {@link CaptionCodec#read} then {@link CaptionCodec#write} would give, with
 * the same warnings (streamed SRT → SRT keeps SRT tags such as {@code <font>} as they are, as it converts nothing).
 * Stateless and thread-safe.
 */
public final class CaptionStreams {
  private CaptionStreams() {}

  /**
   * Whether {@link #convert} streams this pair of formats.
   *
   * @param from the input format
   * @param to the output format
   * @return true when memory stays flat
   */
  public static boolean streams(CaptionFormat from, CaptionFormat to) {
    // TTML and ASS (captions-formats) are read and written whole, through their codecs.
    return (from == CaptionFormat.SRT || to == CaptionFormat.SRT) && isLineFormat(from) && isLineFormat(to);
  }

  private static boolean isLineFormat(CaptionFormat f) {
    return f == CaptionFormat.SRT || f == CaptionFormat.WEBVTT || f == CaptionFormat.JSON;
  }

  /**
   * Reads {@code in} as {@code from} and writes it to {@code out} as {@code to}, moving every cue by {@code map}.
   *
   * @param in the input text; not closed
   * @param from its format
   * @param out where to write; flushed, not closed
   * @param to the output format
   * @param map how to move the times, {@link TimeMap#IDENTITY} for none; cues it would put before 0 ms are left out
   *     and reported
   * @param readDiagnostics receives what the reader skipped or repaired, as it goes
   * @return what the output format could not hold (and cues the map dropped), one warning per kind
   * @throws IOException when reading or writing fails
   * @throws dev.captions.CaptionFormatException when the input is not of the format at all
   */
  public static WriteResult convert(Reader in, CaptionFormat from, Writer out, CaptionFormat to, TimeMap map,
      Consumer<Diagnostic> readDiagnostics) throws IOException {
    Retiming retiming = new Retiming(map);
    if (!streams(from, to)) {
      ParseResult parsed = CaptionCodecs.forFormat(from).read(in);
      parsed.diagnostics().forEach(readDiagnostics);
      TimeMap.Result moved = map.retime(parsed.track());
      retiming.dropped = moved.droppedCues().size();
      retiming.clamped = moved.clampedCues();
      WriteResult written = CaptionCodecs.forFormat(to).write(moved.track(), out);
      out.flush();
      return retiming.with(written.losses());
    }
    try {
      if (from == CaptionFormat.SRT) {
        JsonTrackCodec.Session json = to == CaptionFormat.JSON
            ? new JsonTrackCodec().open(out, "und", TrackKind.CAPTIONS, TrackMetadata.EMPTY) : null;
        CueSink sink = json != null ? json : to == CaptionFormat.SRT ? SrtWriter.create().open(out)
            : WebVttWriter.create().open(out, "und", TrackKind.CAPTIONS, TrackMetadata.EMPTY);
        // SRT text becomes WebVTT markup for WebVTT and for JSON (which holds the model's markup), as the codecs do.
        Conversions.CueConversion conversion = to != CaptionFormat.SRT ? Conversions.fromSrt(false) : null;
        SrtReader.create().stream(in, cue -> {
          Cue moved = retiming.apply(cue);
          if (moved != null) write(sink, conversion == null ? moved : conversion.apply(moved));
        }, readDiagnostics);
        if (json != null) json.end();
        sink.flush();
        // SRT text converted to WebVTT loses what WebVTT has no form for (<font>): the reader's side of the story.
        if (conversion != null) conversion.losses().forEach(readDiagnostics);
        return retiming.with(sink.losses());
      }
      // WebVTT or JSON → SRT
      SrtWriter.Session sink = SrtWriter.create().open(out);
      Conversions.CueConversion conversion = Conversions.toSrt(true);
      Consumer<Cue> each = cue -> {
        Cue moved = retiming.apply(cue);
        if (moved != null) write(sink, conversion.apply(moved));
      };
      if (from == CaptionFormat.JSON) {
        ParseResult head = new JsonTrackCodec().stream(in, each, readDiagnostics);
        conversion.track(head.track().language(), head.track().kind(), head.track().metadata());
      } else {
        WebVttReader.Result r = WebVttReader.create().stream(in, each, readDiagnostics);
        conversion.track(r.language(), r.kind(), r.metadata());
      }
      sink.flush();
      return retiming.with(conversion.losses());
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static void write(CueSink sink, Cue cue) {
    try {
      sink.cue(cue);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves streamed cues and counts what the map pushed before 0 ms. */
  private static final class Retiming {
    final TimeMap map;
    int dropped;
    int clamped;

    Retiming(TimeMap map) {
      this.map = map;
    }

    /** The moved cue, or null when it would end at or before 0 ms. */
    Cue apply(Cue cue) {
      if (map.isIdentity()) return cue;
      if (map.applyAsLong(cue.endMs()) <= 0) {
        dropped++;
        return null;
      }
      if (map.applyAsLong(cue.startMs()) < 0) clamped++;
      return cue.retimed(map);
    }

    WriteResult with(List<Diagnostic> losses) {
      List<Diagnostic> all = new ArrayList<>(losses);
      if (dropped > 0) {
        all.add(Diagnostic.warning(0, 0, "dropped " + dropped + " × cues that the retiming (" + map
            + ") moved before 0:00"));
      }
      if (clamped > 0) {
        all.add(Diagnostic.warning(0, 0, clamped + " cue" + (clamped == 1 ? "" : "s") + " that the retiming (" + map
            + ") moved to start before 0:00 now start" + (clamped == 1 ? "s" : "") + " at 0:00"));
      }
      return WriteResult.of(all);
    }
  }
}
