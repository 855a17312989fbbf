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
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading and writing caption files for the commands; {@code "-"} means stdin or stdout. */
final class CaptionFiles {
  private CaptionFiles() {}

  static CaptionFormat formatOf(String file, String explicit, String role) {
    if (explicit != null) return CaptionFormat.from(explicit);
    if (file.equals("-")) {
      throw new IllegalArgumentException("cannot tell the " + role + " format of '-'; give --" + (role.equals("input") ? "from" : "to")
          + " vtt|srt|json");
    }
    try {
      return CaptionFormat.from(file);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot tell the " + role + " format of '" + file + "' from its extension; use .vtt, "
          + ".srt or .json, or give --" + (role.equals("input") ? "from" : "to"));
    }
  }

  static Reader open(String file) throws IOException {
    if (file.equals("-")) return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    Path p = Path.of(file);
    if (!Files.exists(p)) throw new InvalidInputException("File not found: " + p.toAbsolutePath());
    if (Files.isDirectory(p)) throw new InvalidInputException(p.toAbsolutePath() + " is a directory, not a caption file");
    try {
      return Files.newBufferedReader(p, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("File not found: " + p.toAbsolutePath(), e);
    }
  }

  static ParseResult read(String file, CaptionFormat format) throws IOException {
    CaptionCodec codec = CaptionCodecs.forFormat(format);
    try (Reader r = open(file)) {
      return codec.read(r);
    }
  }

  /** Writes atomically to a file, or to stdout for {@code "-"}. */
  static void write(String file, CaptionFormat format, CaptionTrack track) throws IOException {
    CaptionCodec codec = CaptionCodecs.forFormat(format);
    if (file.equals("-")) {
      Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
      codec.write(track, w);
      w.flush();
      return;
    }
    try {
      AtomicFiles.write(Path.of(file), w -> codec.write(track, w));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + Path.of(file).toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }
}
