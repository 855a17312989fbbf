package dev.captions.media.ittybit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An Ittybit job as returned by {@code POST /jobs} and {@code GET /jobs/{id}}, read from the JSON tree because the
 * documented shapes disagree on where the result is. Immutable.
 */
public final class Job {
  private final JsonNode node;

  private Job(JsonNode node) {
    this.node = node;
  }

  /** Reads a job, unwrapping the legacy {@code {meta,data,error,links}} envelope when present. */
  public static Job of(JsonNode node) {
    JsonNode n = node;
    if (n != null && n.has("data") && n.get("data").isObject() && !n.has("id")) n = n.get("data");
    return new Job(n == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : n);
  }

  public String id() {
    return text(node, "id");
  }

  public String status() {
    return text(node, "status");
  }

  /**
   * The result URL, from the first of: job-level {@code output} as a string, {@code output.url}, flat
   * {@code output_url}, the last task's {@code output.url}, legacy {@code results.url}.
   */
  public Optional<String> outputUrl() {
    JsonNode out = node.get("output");
    if (out != null && out.isTextual() && !out.asText().isBlank()) return Optional.of(out.asText());
    if (out != null && out.isObject() && nonBlank(out, "url")) return Optional.of(out.get("url").asText());
    if (nonBlank(node, "output_url")) return Optional.of(node.get("output_url").asText());
    JsonNode tasks = node.get("tasks");
    if (tasks != null && tasks.isArray()) {
      // the export (last) task carries the final file; earlier ones hold intermediate results
      for (int i = tasks.size() - 1; i >= 0; i--) {
        JsonNode o = tasks.get(i).get("output");
        if (o != null && o.isObject() && nonBlank(o, "url")) return Optional.of(o.get("url").asText());
        if (o != null && o.isTextual() && !o.asText().isBlank()) return Optional.of(o.asText());
      }
    }
    JsonNode results = node.get("results");
    if (results != null && results.isObject() && nonBlank(results, "url")) return Optional.of(results.get("url").asText());
    return Optional.empty();
  }

  /**
   * The output's length in milliseconds, from {@code duration} (seconds) in the job-level {@code output} object or,
   * else, in the last task output that has one (providers.md §1.3: task {@code output} carries {@code duration});
   * empty when none says, or the value is not a positive number.
   */
  public java.util.OptionalLong durationMs() {
    JsonNode out = node.get("output");
    if (out != null && out.isObject() && positive(out.get("duration"))) {
      return java.util.OptionalLong.of(Math.round(out.get("duration").asDouble() * 1000));
    }
    JsonNode tasks = node.get("tasks");
    if (tasks != null && tasks.isArray()) {
      for (int i = tasks.size() - 1; i >= 0; i--) {
        JsonNode o = tasks.get(i).get("output");
        if (o != null && o.isObject() && positive(o.get("duration"))) {
          return java.util.OptionalLong.of(Math.round(o.get("duration").asDouble() * 1000));
        }
      }
    }
    return java.util.OptionalLong.empty();
  }

  private static boolean positive(JsonNode n) {
    return n != null && n.isNumber() && n.asDouble() > 0 && Double.isFinite(n.asDouble());
  }

  /** The provider's reason for a failure: {@code error} as text, or its {@code message}, or a failed task's. */
  public Optional<String> error() {
    Optional<String> own = errorOf(node);
    if (own.isPresent()) return own;
    JsonNode tasks = node.get("tasks");
    if (tasks != null && tasks.isArray()) {
      for (JsonNode t : tasks) {
        Optional<String> e = errorOf(t);
        if (e.isPresent()) return Optional.of(text(t, "kind") + " task: " + e.get());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> errorOf(JsonNode n) {
    JsonNode e = n.get("error");
    if (e == null || e.isNull()) return Optional.empty();
    if (e.isTextual()) return e.asText().isBlank() ? Optional.empty() : Optional.of(e.asText());
    if (nonBlank(e, "message")) {
      return Optional.of((nonBlank(e, "kind") ? e.get("kind").asText() + ": " : "") + e.get("message").asText());
    }
    return Optional.of(e.toString());
  }

  private static boolean nonBlank(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isValueNode() && !v.asText().isBlank();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
