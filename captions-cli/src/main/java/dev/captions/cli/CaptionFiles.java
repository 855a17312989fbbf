package dev.captions.cli;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.Diagnostic;
import dev.captions.codec.ParseResult;
import dev.captions.codec.WriteResult;
import dev.captions.internal.AtomicFiles;
import dev.captions.model.CaptionTrack;
import dev.captions.model.TimeMap;
import dev.captions.webvtt.CaptionInput;
import dev.captions.webvtt.CaptionStreams;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reading and writing caption files for the commands; {@code "-"} means the command's stdin or stdout (see
 * {@link CaptionsCommand#run}), so that tests and embedding callers can supply their own streams.
 */
final class CaptionFiles {
  private CaptionFiles() {}

  /**
   * Opens {@code file}, or the command's stdin for {@code "-"}, in {@code encoding} or, when that is null, the one
   * {@link CaptionInput} finds (BOM, UTF-8, else ICU's detector); a guessed encoding is reported on stderr.
   *
   * @throws dev.captions.CaptionFormatException when the bytes are not text
   */
  static CaptionInput input(CommandSpec spec, String file, Charset encoding) throws IOException {
    InputStream in;
    if (file.equals("-")) {
      in = CaptionsCommand.stdin(spec);
    } else {
      Path p = Path.of(file);
      if (!Files.exists(p)) throw new InvalidInputException.FileNotFound("File not found: " + p.toAbsolutePath(), null);
      if (Files.isDirectory(p)) {
        throw new InvalidInputException.FileNotFound(p.toAbsolutePath() + " is a directory, not a caption file", null);
      }
      try {
        in = Files.newInputStream(p);
      } catch (NoSuchFileException e) {
        throw new InvalidInputException.FileNotFound("File not found: " + p.toAbsolutePath(), e);
      }
    }
    CaptionInput input = CaptionInput.open(new BufferedInputStream(in, 1 << 16), encoding);
    if (input.isGuess()) {
      spec.commandLine().getErr().println(file + ": read as " + input.description()
          + "; give --encoding if the text looks wrong");
    }
    return input;
  }

  /** Opens {@code file} (or stdin for {@code "-"}) as text in the encoding {@link #input} finds. */
  static Reader open(CommandSpec spec, String file) throws IOException {
    return input(spec, file, null).reader();
  }

  /** Reads a whole caption file, printing what the decoding replaced. */
  static ParseResult read(CommandSpec spec, String file, CaptionFormat format) throws IOException {
    CaptionInput input = input(spec, file, null);
    ParseResult parsed;
    try (Reader r = input.reader()) {
      parsed = CaptionCodecs.forFormat(format).read(r);
    }
    reportDecoding(spec, file, input);
    return parsed;
  }

  /** Prints what decoding the input replaced (malformed bytes), once it has been read to the end. */
  static void reportDecoding(CommandSpec spec, String file, CaptionInput input) {
    for (Diagnostic d : input.diagnostics()) spec.commandLine().getErr().println(file + ": warning: " + d.message());
  }

  /**
   * Converts {@code inFile} to {@code outFile} (atomically; {@code "-"} is stdin/stdout), streaming where the formats
   * allow ({@link CaptionStreams}), moving times by {@code map}; prints what was skipped on reading and what the
   * output format could not hold on stderr.
   */
  static void convert(CommandSpec spec, String inFile, CaptionFormat inFormat, String outFile, CaptionFormat outFormat,
      Charset encoding, TimeMap map) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    CaptionInput input = input(spec, inFile, encoding);
    Consumer<Diagnostic> onRead = d -> err.println(inFile + ": " + d);
    WriteResult[] result = new WriteResult[1];
    try (Reader r = input.reader()) {
      if (outFile.equals("-")) {
        PrintWriter out = spec.commandLine().getOut();
        result[0] = CaptionStreams.convert(r, inFormat, out, outFormat, map, onRead);
        if (out.checkError()) throw new UncheckedIOException(new IOException("Cannot write the captions to stdout"));
      } else {
        try {
          AtomicFiles.write(Path.of(outFile), w -> result[0] = CaptionStreams.convert(r, inFormat, w, outFormat, map,
              onRead));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot write " + Path.of(outFile).toAbsolutePath() + ": " + e.getMessage(), e);
        }
      }
    }
    reportDecoding(spec, inFile, input);
    for (Diagnostic d : result[0].losses()) err.println(outFile + ": warning: " + d.message());
  }

  /**
   * Writes atomically to a file, or to the command's stdout ({@code spec.commandLine().getOut()}) for {@code "-"};
   * what the format cannot hold is printed on stderr.
   */
  static void write(CommandSpec spec, String file, CaptionFormat format, CaptionTrack track) throws IOException {
    CaptionCodec codec = CaptionCodecs.forFormat(format);
    Consumer<WriteResult> report = r -> r.losses().forEach(d -> spec.commandLine().getErr().println(file
        + ": warning: " + d.message()));
    if (file.equals("-")) {
      PrintWriter out = spec.commandLine().getOut();
      report.accept(codec.write(track, out));
      out.flush();
      // A PrintWriter keeps its errors to itself (e.g. a closed pipe); the user must hear that nothing arrived.
      if (out.checkError()) throw new UncheckedIOException(new IOException("Cannot write the captions to stdout"));
      return;
    }
    try {
      AtomicFiles.write(Path.of(file), w -> report.accept(codec.write(track, w)));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + Path.of(file).toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
