package dev.captions.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.captions.testkit.ReadmeSnippets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code ```java} block of this module's README compiles against the current API, Spark included. */
class SparkReadmeSnippetsTest {
  @TempDir Path classes;

  @TestFactory
  Stream<DynamicTest> everyJavaBlockOfTheReadmeCompiles() {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<DynamicTest> tests = ReadmeSnippets.compileTests(root, List.of(root.resolve("captions-spark/README.md")),
        List.of("dev.captions.spark", "dev.captions.codec", "org.apache.spark.sql", "java.util"), classes).toList();
    assertThat(tests).as("java blocks in captions-spark/README.md").isNotEmpty();
    return tests.stream();
  }
}
