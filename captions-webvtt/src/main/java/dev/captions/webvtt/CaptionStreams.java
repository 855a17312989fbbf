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
 * Converts a caption file into another format (and optionally retimes it) cue by cue, so that memory stays flat
 * whatever the file's size: every pair of WebVTT, SRT and JSON streams. The readers tell a {@link TrackListener} the
 * track's head (header, kind, language, styles, regions) before the first cue, and the writer is opened then; a NOTE
 * that comes between cues is written where it comes (WebVTT) or after the cues (JSON, where notes always go).
 * The result is what {@link CaptionCodec#read} then {@link CaptionCodec#write} would give, with the same warnings,
 * except that: streamed SRT → SRT keeps SRT tags such as {@code <font>} as they are, as it converts nothing; a WebVTT
 * NOTE after the first cue stays in its place rather than moving before the cues; and a JSON input may give its
 * properties in any order: when its {@code "language"} or {@code "kind"} is missing before {@code "cues"} (a
 * hand-written file), the cues are held in memory and written once the read ends, for WebVTT and JSON outputs, which
 * write their head first; when those two come first (as this SDK writes JSON) it streams, and a {@code header},
 * {@code styles} or {@code regions} after the cues comes too late for such an output and is reported as a loss,
 * naming the fix.
 * Formats other than these three are read whole, then written. Stateless and thread-safe.
 */
public final class CaptionStreams {
  private CaptionStreams() {}

  /**
   * Whether {@link #convert} streams this pair of formats.
   *
   * @param from the input format
   * @param to the output format
   * @return true when memory stays flat: both are WebVTT, SRT or JSON
   */
  public static boolean streams(CaptionFormat from, CaptionFormat to) {
    return isStreamed(from) && isStreamed(to);
  }

  private static boolean isStreamed(CaptionFormat f) {
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
    Target target = new Target(out, from, to);
    try {
      Consumer<Cue> each = cue -> {
        Cue moved = retiming.apply(cue);
        if (moved != null) target.cue(moved);
      };
      if (from == CaptionFormat.SRT) {
        target.head("und", TrackKind.CAPTIONS, TrackMetadata.EMPTY, true);
        SrtReader.create().stream(in, each, readDiagnostics);
        target.end("und", TrackKind.CAPTIONS, TrackMetadata.EMPTY);
      } else if (from == CaptionFormat.JSON) {
        ParseResult whole = new JsonTrackCodec().stream(in, each, readDiagnostics, target);
        target.end(whole.track().language(), whole.track().kind(), whole.track().metadata());
      } else {
        WebVttReader.Result whole = WebVttReader.create().stream(in, each, readDiagnostics, target);
        target.end(whole.language(), whole.kind(), whole.metadata());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    // SRT text converted to WebVTT loses what WebVTT has no form for (<font>): the reader's side of the story.
    if (target.fromSrt != null) target.fromSrt.losses().forEach(readDiagnostics);
    return retiming.with(target.losses());
  }

  /**
   * The writing side of a streamed conversion: opens the output format's session when the head arrives, converts
   * cue text between SRT and WebVTT markup where one side is SRT, and places later notes.
   */
  private static final class Target implements TrackListener {
    private final Writer out;
    private final CaptionFormat to;
    /** SRT text → WebVTT markup, for WebVTT and JSON (which holds the model's markup) from SRT; else null. */
    final Conversions.CueConversion fromSrt;
    /** WebVTT markup → SRT text, from WebVTT or JSON to SRT; else null. */
    private final Conversions.CueConversion toSrt;
    private CueSink sink;
    private final List<String> late = new ArrayList<>();
    /** The cues held until the read ends, when the head was not complete before them (JSON); else null. */
    private List<Cue> held;

    Target(Writer out, CaptionFormat from, CaptionFormat to) {
      this.out = out;
      this.to = to;
      this.fromSrt = from == CaptionFormat.SRT && to != CaptionFormat.SRT ? Conversions.fromSrt(false) : null;
      this.toSrt = from != CaptionFormat.SRT && to == CaptionFormat.SRT ? Conversions.toSrt(true) : null;
    }

    @Override
    public void head(String language, TrackKind kind, TrackMetadata metadata, boolean complete) {
      if (!complete && to != CaptionFormat.SRT) {
        held = new ArrayList<>();
        return;
      }
      open(language, kind, metadata);
    }

    private void open(String language, TrackKind kind, TrackMetadata metadata) {
      try {
        switch (to) {
          case SRT:
            sink = SrtWriter.create().open(out);
            break;
          case JSON:
            sink = new JsonTrackCodec().open(out, language, kind, metadata);
            break;
          default:
            sink = WebVttWriter.create().open(out, language, kind, metadata);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void note(String note) {
      if (held != null) return; // the whole read's metadata has it
      try {
        if (sink instanceof WebVttWriter.Session) ((WebVttWriter.Session) sink).note(note);
        else if (sink instanceof JsonTrackCodec.Session) ((JsonTrackCodec.Session) sink).note(note);
        // SRT: counted with the rest of the metadata at the end
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void lateProperty(String property) {
      if (held == null && to != CaptionFormat.SRT && !late.contains(property)) late.add(property);
    }

    void cue(Cue cue) {
      Cue converted = fromSrt != null ? fromSrt.apply(cue) : toSrt != null ? toSrt.apply(cue) : cue;
      if (held != null) held.add(converted);
      else write(sink, converted);
    }

    /** Closes the output; {@code language, kind, metadata} are the whole input's, for SRT's loss report. */
    void end(String language, TrackKind kind, TrackMetadata metadata) throws IOException {
      if (sink == null) open(language, kind, metadata); // the head was held back (or never came)
      if (held != null) {
        for (Cue cue : held) sink.cue(cue);
        held = null;
      }
      if (sink instanceof JsonTrackCodec.Session) ((JsonTrackCodec.Session) sink).end();
      if (toSrt != null) toSrt.track(language, kind, metadata);
      sink.flush();
    }

    List<Diagnostic> losses() {
      List<Diagnostic> all = new ArrayList<>(toSrt != null ? toSrt.losses() : sink.losses());
      for (String property : late) {
        all.add(Diagnostic.warning(0, 0, "dropped the input's \"" + property + "\": it comes after \"cues\", and "
            + "a streamed conversion to " + (to == CaptionFormat.JSON ? "JSON" : "WebVTT")
            + " has written the track's head by then; put it before \"cues\" (as this SDK writes JSON)"));
      }
      return all;
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
