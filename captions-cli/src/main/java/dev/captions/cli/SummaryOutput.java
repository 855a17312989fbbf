package dev.captions.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.captions.internal.AtomicFiles;
import dev.captions.model.Chapter;
import dev.captions.model.Timecodes;
import dev.captions.model.VideoSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A {@link VideoSummary} as the commands show and keep it: all three parts (title, one-sentence summary, every chapter
 * with its time, title and description) on the console, and the same in {@code <name>.summary.json}.
 */
final class SummaryOutput {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryOutput() {}

  /** Prints the summary, indented under the input's line. */
  static void print(PrintWriter out, VideoSummary s) {
    out.println("  title: " + s.title());
    out.println("  summary: " + (s.summary().isEmpty() ? "(the summarizer gave none)" : s.summary()));
    out.println("  chapters (" + s.chapters().size() + "):");
    for (Chapter c : s.chapters()) {
      out.println("    " + Timecodes.format(c.startMs()) + "  " + c.title()
          + (c.description().isEmpty() ? "" : " — " + c.description()));
    }
  }

  /**
   * Writes {@code <dir>/<base>.summary.json} atomically:
   * {@code {"title","summary","language","chapters":[{"start","startMs","title","description"}]}}.
   *
   * @return the file written
   */
  static Path write(Path dir, String base, VideoSummary s) {
    ObjectNode root = JSON.createObjectNode().put("title", s.title()).put("summary", s.summary())
        .put("language", s.language());
    ArrayNode chapters = root.putArray("chapters");
    for (Chapter c : s.chapters()) {
      chapters.addObject().put("start", Timecodes.format(c.startMs())).put("startMs", c.startMs())
          .put("title", c.title()).put("description", c.description());
    }
    Path file = dir.resolve(base + ".summary.json");
    try {
      String text = JSON.writeValueAsString(root) + "\n";
      AtomicFiles.write(file, w -> w.write(text));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    return file;
  }
}
