package dev.captions.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and of each module's README compiles against the current API, so the
 * documentation cannot drift from the code.
 *
 * <p>A block is a sequence of statements, compiled as the body of a method. Names it uses without declaring them (a
 * {@code transcript} it shapes, a {@code videoId} it attaches to) are declared in an HTML comment right above the
 * block, invisible on the rendered page: {@code <!-- java-context: Transcript transcript, long videoId -->}; they
 * become the method's parameters. Every public package of the SDK is imported.
 */
class ReadmeSnippetsTest {
  private static final Pattern BLOCK =
      Pattern.compile("(?:<!-- java-context: ([^>]*?) -->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);
  private static final List<String> IMPORTS = List.of(
      "dev.captions", "dev.captions.model", "dev.captions.spi", "dev.captions.codec", "dev.captions.shaping",
      "dev.captions.webvtt", "dev.captions.media.ffmpeg", "dev.captions.media.ittybit", "dev.captions.provider.gcore",
      "dev.captions.provider.gemini", "dev.captions.provider.openai", "dev.captions.provider.vosk",
      "java.nio.file", "java.util", "java.time", "java.util.concurrent");

  /**
   * Modules whose README blocks need classes this module's test class path does not have: captions-spark's blocks use
   * Spark's {@code Dataset}/{@code Row} (Spark is {@code provided} there and far too heavy to add here). Their blocks
   * are not checked by this test; captions-spark should check its own.
   */
  private static final List<String> NOT_ON_THIS_CLASS_PATH = List.of("captions-spark");

  @TempDir Path classes;

  @TestFactory
  Stream<DynamicTest> everyJavaBlockInTheReadmesCompiles() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> readmes = new ArrayList<>();
    readmes.add(root.resolve("README.md"));
    try (Stream<Path> modules = Files.list(root)) {
      modules.filter(p -> p.getFileName().toString().startsWith("captions-"))
          .filter(p -> !NOT_ON_THIS_CLASS_PATH.contains(p.getFileName().toString()))
          .map(p -> p.resolve("README.md")).filter(Files::exists).sorted().forEach(readmes::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path readme : readmes) {
      String md = Files.readString(readme);
      Matcher m = BLOCK.matcher(md);
      while (m.find()) {
        int line = 1 + (int) md.substring(0, m.start(2)).chars().filter(c -> c == '\n').count();
        String where = root.relativize(readme) + ":" + line;
        String context = m.group(1) == null ? "" : m.group(1).trim();
        String body = m.group(2);
        tests.add(DynamicTest.dynamicTest(where, () -> assertCompiles(where, context, body)));
      }
    }
    assertThat(tests).as("java blocks found in the READMEs").hasSizeGreaterThan(10);
    return tests.stream();
  }

  private void assertCompiles(String where, String context, String body) {
    String className = "Snippet_" + where.replaceAll("[^A-Za-z0-9]", "_");
    StringBuilder src = new StringBuilder();
    for (String p : IMPORTS) src.append("import ").append(p).append(".*;\n");
    src.append("class ").append(className).append(" {\n  void run(").append(context)
        .append(") throws Exception {\n").append(body).append("\n  }\n}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return src;
      }
    };
    StringWriter out = new StringWriter();
    boolean ok = javac.getTask(out, null, diagnostics,
        List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none"),
        null, List.of(file)).call();
    StringBuilder errors = new StringBuilder();
    diagnostics.getDiagnostics().forEach(d -> errors.append("\n  line ").append(d.getLineNumber() - IMPORTS.size() - 2)
        .append(" of the block: ").append(d.getMessage(Locale.ROOT)));
    assertThat(ok).as("the java block at %s compiles:%s", where, errors).isTrue();
  }
}
