package dev.captions.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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

/**
 * Compiles the {@code ```java} blocks of README files against the test class path, so documentation cannot drift
 * from the code: one dynamic test per block, named {@code file:line}.
 *
 * <p>A block is a sequence of statements, compiled as the body of a method. Names it uses without declaring them
 * (a {@code transcript} it shapes, a {@code videoId} it attaches to) are declared in an HTML comment right above the
 * block, invisible on the rendered page: {@code <!-- java-context: Transcript transcript, long videoId -->}; they
 * become the method's parameters. The given packages are imported with wildcards.
 */
public final class ReadmeSnippets {
  private static final Pattern BLOCK =
      Pattern.compile("(?:<!-- java-context: ([^>]*?) -->\\s*\\n)?```java\\n(.*?)```", Pattern.DOTALL);

  private ReadmeSnippets() {}

  /**
   * One test per java block of {@code readmes}.
   *
   * @param root the directory block locations are reported relative to
   * @param readmes the Markdown files to read
   * @param imports packages every block sees, e.g. {@code "dev.captions"}
   * @param classes an empty directory for the compiled classes
   * @return the tests, in file then block order
   */
  public static Stream<DynamicTest> compileTests(Path root, List<Path> readmes, List<String> imports, Path classes) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path readme : readmes) {
      String md;
      try {
        md = Files.readString(readme);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Matcher m = BLOCK.matcher(md);
      while (m.find()) {
        int line = 1 + (int) md.substring(0, m.start(2)).chars().filter(c -> c == '\n').count();
        String where = root.relativize(readme) + ":" + line;
        String context = m.group(1) == null ? "" : m.group(1).trim();
        String body = m.group(2);
        tests.add(DynamicTest.dynamicTest(where, () -> assertCompiles(where, context, body, imports, classes)));
      }
    }
    return tests.stream();
  }

  private static void assertCompiles(String where, String context, String body, List<String> imports, Path classes) {
    String className = "Snippet_" + where.replaceAll("[^A-Za-z0-9]", "_");
    StringBuilder src = new StringBuilder();
    for (String p : imports) src.append("import ").append(p).append(".*;\n");
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
    boolean ok = javac.getTask(new StringWriter(), null, diagnostics,
        List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(), "-proc:none"),
        null, List.of(file)).call();
    StringBuilder errors = new StringBuilder();
    diagnostics.getDiagnostics().forEach(d -> errors.append("\n  line ").append(d.getLineNumber() - imports.size() - 2)
        .append(" of the block: ").append(d.getMessage(Locale.ROOT)));
    assertThat(ok).as("the java block at %s compiles:%s", where, errors).isTrue();
  }
}
