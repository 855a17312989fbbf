package dev.captions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture rule of issue 10: in the cloud provider modules, every call into an SDK or onto the network goes
 * through our error mapping and retry policy. Scans their main sources:
 * <ul>
 *   <li>SDK clients are used only in the provider's one {@code *Api} class, and there every SDK call sits inside a
 *       {@code call(…)} (retry policy + mapping of whatever the SDK throws) whose body catches {@code RuntimeException};
 *   <li>the REST providers never send a request themselves ({@code newCall}, {@code execute()}): they go through
 *       {@link JsonHttp} / {@link RetryPolicy}.
 * </ul>
 */
class ProviderSdkCallsArchitectureTest {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  static final Map<String, String> SDK_MODULES = Map.of(
      "captions-provider-openai", "OpenAiApi.java", "captions-provider-gemini", "GeminiApi.java");
  static final List<String> REST_MODULES = List.of("captions-provider-gcore", "captions-media-ittybit");

  /** An SDK call: the client's services (openai-java) or modules (google-genai). */
  static final Pattern SDK_CALL = Pattern.compile(
      "[cC]lient(\\(\\))?\\.(models\\b|files\\b|batches\\b|caches\\b|chat\\(\\)|audio\\(\\)|responses\\(\\)|embeddings\\(\\))");
  static final Pattern SDK_IMPORT = Pattern.compile("import com\\.(openai|google\\.genai)\\.(client|services|Client|Models|Files)\\b");

  static List<Path> sources(String module) throws IOException {
    Path src = ROOT.resolve(module).resolve("src/main/java");
    assertThat(src).as(module + " sources").isDirectory();
    try (Stream<Path> s = Files.walk(src)) {
      return s.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
    }
  }

  @Test
  void sdkCallsHappenOnlyInTheApiClassAndAllGoThroughItsMappedCall() throws IOException {
    for (Map.Entry<String, String> m : SDK_MODULES.entrySet()) {
      int calls = 0;
      for (Path file : sources(m.getKey())) {
        String code = Files.readString(file);
        boolean api = file.getFileName().toString().equals(m.getValue());
        if (!api) {
          assertThat(SDK_IMPORT.matcher(code).find()).as(file + " imports an SDK client outside " + m.getValue())
              .isFalse();
          assertThat(SDK_CALL.matcher(code).find()).as(file + " calls the SDK outside " + m.getValue()).isFalse();
          continue;
        }
        Matcher call = SDK_CALL.matcher(code);
        while (call.find()) {
          calls++;
          String before = code.substring(Math.max(0, call.start() - 400), call.start());
          int wrapper = before.lastIndexOf("call(\"");
          assertThat(wrapper).as(file + ": SDK call at offset " + call.start() + " is not inside call(\"…\", …)")
              .isGreaterThanOrEqualTo(0);
          assertThat(before.substring(wrapper)).as(file + ": SDK call at offset " + call.start()
              + " is outside the call(…) statement before it").doesNotContain(";");
        }
        int callBody = code.indexOf("<T> T call(String what");
        assertThat(callBody).as(file + " has its mapped call(…)").isGreaterThanOrEqualTo(0);
        String body = code.substring(callBody, code.indexOf("\n  }\n", callBody));
        assertThat(body).as(file + ": call(…) maps every SDK failure").contains("catch (RuntimeException e)")
            .contains("throw map(");
        assertThat(body).as(file + ": call(…) runs through the retry policy").contains("callWithin(");
      }
      assertThat(calls).as("SDK calls found in " + m.getValue() + " (the scan must see them)").isGreaterThan(0);
    }
  }

  @Test
  void restProvidersSendOnlyThroughJsonHttpAndTheRetryPolicy() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (String module : REST_MODULES) {
      for (Path file : sources(module)) {
        String code = Files.readString(file);
        if (code.contains(".newCall(") || code.contains(".execute()")) offenders.add(file.toString());
      }
    }
    assertThat(offenders).as("provider code sending HTTP requests outside JsonHttp/RetryPolicy").isEmpty();
  }
}
