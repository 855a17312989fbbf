package dev.captions.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --vocabulary FILE}: one term per line, UTF-8 (a BOM is skipped); a {@code #} at the start of a line or after
 * white space starts a comment (so {@code C#} is a term).
 */
final class Vocabulary {
  private static final java.util.regex.Pattern COMMENT = java.util.regex.Pattern.compile("(^|\\s)#.*");

  private Vocabulary() {}

  /**
   * The terms of {@code file}: each line with its comment and surrounding white space removed; empty lines skipped.
   *
   * @throws InvalidInputException.FileNotFound when the file does not exist (exit 7)
   * @throws InvalidInputException when it is not UTF-8 text (exit 3), naming the line
   */
  static List<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException.FileNotFound("Vocabulary file not found: " + file.toAbsolutePath(), null);
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException.FileNotFound("Vocabulary file not found: " + file.toAbsolutePath(), e);
    } catch (IOException e) {
      throw new InvalidInputException("Cannot read the vocabulary file " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(file + ": not UTF-8 text; save the vocabulary as UTF-8, one term per line", e);
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<String> terms = new ArrayList<>();
    for (String line : text.split("\r\n|\r|\n")) {
      String term = COMMENT.matcher(line).replaceFirst("").strip();
      if (!term.isEmpty()) terms.add(term);
    }
    return terms;
  }
}
