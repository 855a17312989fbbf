package dev.captions.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a finished video left in its output directory ({@value #FILE_NAME}, written last): the configuration hash it
 * was made with and what its result row said. A video whose manifest has the same hash, and all of whose files are
 * still there, is skipped by the next run. The name starts with {@code _} so that Spark and Hadoop readers ignore it.
 */
final class Manifest {
  static final String FILE_NAME = "_captions.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  final String configuration;
  final String source;
  final String spokenLanguage;
  final int cueCount;
  final String quality;
  final Double mediaSeconds;
  /** File names, relative to the video's output directory. */
  final List<String> files;
  final Map<String, String> providers;

  Manifest(String configuration, String source, String spokenLanguage, int cueCount, String quality,
      Double mediaSeconds, List<String> files, Map<String, String> providers) {
    this.configuration = configuration;
    this.source = source;
    this.spokenLanguage = spokenLanguage;
    this.cueCount = cueCount;
    this.quality = quality;
    this.mediaSeconds = mediaSeconds;
    this.files = List.copyOf(files);
    this.providers = Map.copyOf(providers);
  }

  String toJson() {
    ObjectNode n = JSON.createObjectNode();
    n.put("configuration", configuration);
    n.put("source", source);
    n.put("spokenLanguage", spokenLanguage);
    n.put("cueCount", cueCount);
    n.put("quality", quality);
    if (mediaSeconds != null) n.put("mediaSeconds", mediaSeconds);
    files.forEach(n.putArray("files")::add);
    ObjectNode p = n.putObject("providers");
    new java.util.TreeMap<>(providers).forEach(p::put);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }

  /** The manifest in {@code json}, or empty when it is not one of ours (then the video is captioned again). */
  static Optional<Manifest> parse(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      if (n == null || !n.path("configuration").isTextual()) return Optional.empty();
      List<String> files = new ArrayList<>();
      n.path("files").forEach(f -> files.add(f.asText()));
      Map<String, String> providers = new LinkedHashMap<>();
      n.path("providers").fields().forEachRemaining(e -> providers.put(e.getKey(), e.getValue().asText()));
      return Optional.of(new Manifest(n.path("configuration").asText(), n.path("source").asText(),
          n.path("spokenLanguage").asText(null), n.path("cueCount").asInt(), n.path("quality").asText(null),
          n.hasNonNull("mediaSeconds") ? n.path("mediaSeconds").asDouble() : null, files, providers));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
