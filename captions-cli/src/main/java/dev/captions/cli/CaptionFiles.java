package dev.captions.cli;

import dev.captions.codec.CaptionCodec;
import dev.captions.codec.CaptionCodecs;
import dev.captions.codec.CaptionFormat;
import dev.captions.codec.ParseResult;
import dev.captions.internal.AtomicFiles;
import dev.captions.model.CaptionTrack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reading and writing caption files for the commands; {@code "-"} means the command's stdin or stdout (see
 * {@link CaptionsCommand#run}), so that tests and embedding callers can supply their own streams.
 */
final class CaptionFiles {
  private CaptionFiles() {}

  /** Opens {@code file}, or the command's stdin (read as UTF-8) for {@code "-"}. */
  static Reader open(CommandSpec spec, String file) throws IOException {
    if (file.equals("-")) {
      return new BufferedReader(new InputStreamReader(CaptionsCommand.stdin(spec), StandardCharsets.UTF_8));
    }
    Path p = Path.of(file);
    if (!Files.exists(p)) throw new InvalidInputException.FileNotFound("File not found: " + p.toAbsolutePath(), null);
    if (Files.isDirectory(p)) {
      throw new InvalidInputException.FileNotFound(p.toAbsolutePath() + " is a directory, not a caption file", null);
    }
    try {
      return Files.newBufferedReader(p, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException.FileNotFound("File not found: " + p.toAbsolutePath(), e);
    }
  }

  static ParseResult read(CommandSpec spec, String file, CaptionFormat format) throws IOException {
    CaptionCodec codec = CaptionCodecs.forFormat(format);
    try (Reader r = open(spec, file)) {
      return codec.read(r);
    }
  }

  /** Writes atomically to a file, or to the command's stdout ({@code spec.commandLine().getOut()}) for {@code "-"}. */
  static void write(CommandSpec spec, String file, CaptionFormat format, CaptionTrack track) throws IOException {
    CaptionCodec codec = CaptionCodecs.forFormat(format);
    if (file.equals("-")) {
      PrintWriter out = spec.commandLine().getOut();
      codec.write(track, out);
      out.flush();
      // A PrintWriter keeps its errors to itself (e.g. a closed pipe); the user must hear that nothing arrived.
      if (out.checkError()) throw new UncheckedIOException(new IOException("Cannot write the captions to stdout"));
      return;
    }
    try {
      AtomicFiles.write(Path.of(file), w -> codec.write(track, w));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + Path.of(file).toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
