package dev.captions.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.testkit.ReadmeSnippets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and of each module's README compiles against the current API (see
 * {@link ReadmeSnippets}). The modules whose classes are not on this module's class path compile their own README in
 * their own tests ({@code captions-spark}: Spark is only there).
 */
class ReadmeSnippetsTest {
  private static final Set<String> COMPILED_IN_THEIR_MODULE = Set.of("captions-spark");
  private static final List<String> IMPORTS = List.of(
      "dev.captions", "dev.captions.model", "dev.captions.spi", "dev.captions.codec", "dev.captions.shaping",
      "dev.captions.chunking",
      "dev.captions.webvtt", "dev.captions.ttml", "dev.captions.ass", "dev.captions.media.ffmpeg", "dev.captions.media.ittybit", "dev.captions.provider.gcore",
      "dev.captions.provider.gemini", "dev.captions.provider.openai", "dev.captions.provider.vosk",
      "java.nio.file", "java.util", "java.time", "java.util.concurrent");

  @TempDir Path classes;

  @TestFactory
  Stream<DynamicTest> everyJavaBlockInTheReadmesCompiles() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> readmes = new ArrayList<>();
    readmes.add(root.resolve("README.md"));
    try (Stream<Path> modules = Files.list(root)) {
      modules.filter(p -> p.getFileName().toString().startsWith("captions-"))
          .filter(p -> !COMPILED_IN_THEIR_MODULE.contains(p.getFileName().toString()))
          .map(p -> p.resolve("README.md")).filter(Files::exists).sorted().forEach(readmes::add);
    }
    List<DynamicTest> tests = ReadmeSnippets.compileTests(root, readmes, IMPORTS, classes).toList();
    assertThat(tests).as("java blocks found in the READMEs").hasSizeGreaterThan(10);
    return tests.stream();
  }
}
